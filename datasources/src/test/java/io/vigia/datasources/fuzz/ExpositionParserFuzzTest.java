package io.vigia.datasources.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ExpositionParser;
import io.vigia.datasources.ingest.ExpositionParser.Validation;
import io.vigia.datasources.ingest.ExpositionSink;

import java.nio.charset.StandardCharsets;

class ExpositionParserFuzzTest {
    private static final ExpositionSink DISCARD = (labels, value, hasTimestamp, ts, exemplar) -> {
    };

    /**
     * The Prometheus text and OpenMetrics parser, in both formats and both validation levels, either
     * reads the input or throws {@link ExpositionParseException}.
     */
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        for (ExpositionFormat format : ExpositionFormat.values()) {
            for (Validation validation : Validation.values()) {
                try {
                    ExpositionParser.parse(text, format, validation, DISCARD);
                } catch (ExpositionParseException expected) {
                    // bad input, with its line number
                }
            }
        }
    }
}
