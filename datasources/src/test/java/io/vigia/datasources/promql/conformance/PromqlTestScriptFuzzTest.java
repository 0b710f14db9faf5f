package io.vigia.datasources.promql.conformance;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the promqltest script reader ({@link TestScript}, test code). It lives beside the
 * reader rather than in the {@code fuzz} package because the reader is package-private.
 */
class PromqlTestScriptFuzzTest {

    /** A script either parses to commands or is refused with IllegalArgumentException (NumberFormatException included). */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            TestScript.parse(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            // unknown command, bad eval line, bad number
        }
    }
}
