package io.vigia.datasources.otlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdsTest {

    @Test
    void claudeCodesLanguageNamesBecomeTheIdentifiersCopilotReports() {
        assertThat(LanguageIds.of("Java")).isEqualTo("java");
        assertThat(LanguageIds.of("TypeScript")).isEqualTo("typescript");
        assertThat(LanguageIds.of("C++")).isEqualTo("cpp");
        assertThat(LanguageIds.of("C#")).isEqualTo("csharp");
        assertThat(LanguageIds.of("TypeScript React")).isEqualTo("typescriptreact");
        assertThat(LanguageIds.of("Shell Script")).isEqualTo("shellscript");
        assertThat(LanguageIds.of("unknown")).isEqualTo("unknown");
        assertThat(LanguageIds.of("javascriptreact")).as("an identifier stays as it is").isEqualTo("javascriptreact");
        assertThat(LanguageIds.of(null)).isNull();
    }
}
