package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.sarif.SarifFormatException;
import io.vigia.datasources.sarif.SarifParser;

import java.io.ByteArrayInputStream;

class SarifParserFuzzTest {

    /** A SARIF file either parses to a log or is refused with {@link SarifFormatException}. */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            SarifParser.parse(new ByteArrayInputStream(data));
        } catch (SarifFormatException expected) {
            // not SARIF 2.1, or not JSON
        }
    }
}
