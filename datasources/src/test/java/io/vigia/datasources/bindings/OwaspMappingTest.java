package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.guardrail.OwaspClass;
import io.vigia.datasources.bindings.guardrail.OwaspMapping;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwaspMappingTest {
    private final OwaspMapping m = OwaspMapping.standard();

    @Test
    void vendorCategoriesLandOnTheirOwaspIds() {
        assertThat(label("lakera", "prompt_attack")).isEqualTo("LLM01 Prompt Injection");
        assertThat(label("lakera", "pii/credit_card")).isEqualTo("LLM02 Sensitive Information Disclosure");
        assertThat(label("lakera", "moderated_content/hate")).isEqualTo("content policy (no LLM Top 10 entry)");
        assertThat(label("llama-guard-3", "S14")).isEqualTo("LLM06 Excessive Agency");
        assertThat(label("llama-guard-3", "s7")).isEqualTo("LLM02 Sensitive Information Disclosure");
        assertThat(label("cloudflare-ai-gateway", "Privacy")).isEqualTo("LLM02 Sensitive Information Disclosure");
        assertThat(label("cloudflare-ai-gateway", "Suicide & Self-Harm")).isEqualTo("content policy (no LLM Top 10 entry)");
        assertThat(label("llm-guard", "TokenLimit")).isEqualTo("LLM10 Unbounded Consumption");
        assertThat(label("nemo-guardrails", "self check facts")).isEqualTo("LLM09 Misinformation");
        assertThat(label("litellm", "team-a-prompt_injection-guard")).isEqualTo("LLM01 Prompt Injection");
        assertThat(label("vigia", "system_prompt_leakage")).isEqualTo("LLM07 System Prompt Leakage");
    }

    @Test
    void namesTheImportersAlreadyKnowAreReusedAndTheRestStayUnmapped() {
        assertThat(label("litellm", "jailbreak")).as("GuardrailTaxonomy's synonym").isEqualTo("LLM01 Prompt Injection");
        assertThat(label("lakera", "unknown_links")).isEqualTo("unmapped: unknown_links");
        assertThat(label(null, "")).isEqualTo("unmapped: (no category)");
        assertThat(m.classify("lakera", "x".repeat(500)).label()).hasSizeLessThan(100).endsWith("…");
    }

    @Test
    void classesSortOwaspFirstThenContentPolicyThenUnmapped() {
        assertThat(java.util.stream.Stream.of(m.classify("vigia", "nope"), m.classify("vigia", "toxicity"),
                m.classify("vigia", "secret_access"), m.classify("vigia", "prompt_injection")).sorted().map(OwaspClass::label))
                .containsExactly("LLM01 Prompt Injection", "LLM02 Sensitive Information Disclosure",
                        "content policy (no LLM Top 10 entry)", "unmapped: nope");
    }

    @Test
    void anEditedFileWithAnUnknownTargetOrKeyIsRefusedWithTheReason() {
        String bad = "owasp: {LLM01: Prompt Injection}\nowaspSource: x\nvocabularies:\n"
                + "  - {id: vigia, source: s, categories: {prompt_injection: LLM99}}\n";
        assertThatThrownBy(() -> OwaspMapping.read(stream(bad), "my-mapping.yaml"))
                .hasMessageContaining("my-mapping.yaml").hasMessageContaining("LLM99");
        String typo = "owasp: {LLM01: Prompt Injection}\nowaspSource: x\nvocabulary: []\n";
        assertThatThrownBy(() -> OwaspMapping.read(stream(typo), "my-mapping.yaml"))
                .hasMessageContaining("my-mapping.yaml").hasMessageContaining("vocabulary");
        String edited = "owasp: {LLM01: Prompt Injection}\nowaspSource: x\nvocabularies:\n"
                + "  - {id: vigia, source: s, categories: {prompt_injection: LLM01}}\n"
                + "  - {id: acme, source: our wiki, categories: {\"inj-*\": LLM01}}\n";
        assertThat(OwaspMapping.read(stream(edited), "e").classify("acme", "inj-v2").label()).isEqualTo("LLM01 Prompt Injection");
    }

    private String label(String vocabulary, String raw) {
        return m.classify(vocabulary, raw).label();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
