package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.guardrail.GuardrailLogParser;
import io.vigia.datasources.redact.Redactor;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailLogParserFuzzTest {
    private static final GuardrailLogParser PARSER = new GuardrailLogParser(new Redactor());

    /**
     * Guardrail JSONL never throws on bad lines: every non-blank line is either an event or a rejected line
     * with a reason (the only declared exception, IOException, cannot come from a StringReader).
     */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) throws IOException {
        GuardrailLogParser.Result r = PARSER.parse(new StringReader(new String(data, StandardCharsets.UTF_8)));
        assertThat(r.events().size() + r.rejected().size()).isEqualTo(r.lines());
    }
}
