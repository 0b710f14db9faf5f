package io.vigia.datasources.promql.conformance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.promql.parser.ParseException;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the promqltest script reader ({@link TestScript}, test code). It lives beside the
 * reader rather than in the {@code fuzz} package because the reader is package-private.
 */
class PromqlTestScriptFuzzTest {

    /**
     * A script either parses to commands or is refused with IllegalArgumentException (NumberFormatException
     * included), or with the PromQL {@link ParseException} for a bad series selector in a load block.
     */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            TestScript.parse(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ParseException expected) {
            // unknown command, bad eval line, bad number, bad series selector
        }
    }
}
