package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.datasources.copilot.CopilotMetricsParser;

import java.nio.charset.StandardCharsets;

class CopilotMetricsParserFuzzTest {

    /**
     * GitHub Copilot metrics (legacy /usage, /metrics, usage-report download links and files, seats)
     * either parse or are refused with {@link CopilotFormatException}.
     */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            CopilotMetricsParser.parse("org/fuzz", new String(data, StandardCharsets.UTF_8));
        } catch (CopilotFormatException expected) {
            // none of the known formats
        }
    }
}
