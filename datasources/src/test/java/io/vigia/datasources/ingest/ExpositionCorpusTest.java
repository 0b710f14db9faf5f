package io.vigia.datasources.ingest;

import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real /metrics scrapes and promtool files from the shared corpus, each read in its own format. */
@NeedsSharedCorpus("corpus/prometheus-exposition")
class ExpositionCorpusTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"),
            "corpus", "prometheus-exposition");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            prometheus-textparse-alltypes.237mfs.prom.txt, PROMETHEUS_TEXT, 237, 0
            node_exporter-e2e-output-darwin.prom.txt,      PROMETHEUS_TEXT,  -1, 0
            promtool-metrics-test.prom,                    PROMETHEUS_TEXT,  -1, 0
            prometheus-textparse-alltypes.5mfs.om.txt,     OPENMETRICS,       5, 0
            prometheus-textparse-1histogram.om.txt,        OPENMETRICS,       1, 0
            promtool-dump-openmetrics-test.prom,           OPENMETRICS,       0, 10
            """)
    void realExpositionFilesParse(String file, ExpositionFormat format, int families, int timestamped) throws Exception {
        CollectingSink sink = new CollectingSink();
        try (Reader r = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            ExpositionParser.parse(r, format, ExpositionParser.Validation.PROMETHEUS, sink);
        }
        assertThat(sink.samples).isNotEmpty();
        if (families >= 0) {
            assertThat(sink.families).hasSize(families);
        }
        assertThat(sink.samples.stream().filter(s -> s.timestampMillis() != null)).hasSize(timestamped == 0 ? 0 : timestamped);
        assertThat(sink.samples).allSatisfy(s -> assertThat(s.labels().metricName()).isNotEmpty());
    }

    @Test
    void strictOpenMetricsRejectsTheNegativeQuantilesClientGolangWrites() throws Exception {
        // alltypes.5mfs.om.txt comes from client_golang; its rpc_durations_seconds summary has a
        // quantile below zero, which the OpenMetrics suite (bad_counter_values_19) forbids
        try (Reader r = Files.newBufferedReader(DIR.resolve("prometheus-textparse-alltypes.5mfs.om.txt"), StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> ExpositionParser.parse(r, ExpositionFormat.OPENMETRICS,
                    ExpositionParser.Validation.STRICT, new CollectingSink()))
                    .hasMessageContaining("summary quantile of rpc_durations_seconds must not be negative");
        }
    }
}
