package io.vigia.datasources.ingest;

import io.vigia.datasources.testing.MemorySeriesWriter;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenMetricsImporterTest {

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition")
    void importsThePromtoolDumpFileFromTheCorpus() throws Exception {
        Path file = Path.of(System.getProperty("vigia.shared.dir", "../shared"),
                "corpus", "prometheus-exposition", "promtool-dump-openmetrics-test.prom");
        MemorySeriesWriter writer = new MemorySeriesWriter();
        ImportSummary summary;
        try (var r = Files.newBufferedReader(file)) {
            summary = OpenMetricsImporter.importFrom(r, writer, n -> { });
        }
        assertThat(summary).isEqualTo(new ImportSummary(10, 2, 0, 240_000));
        assertThat(writer.commits()).isEqualTo(1);
        assertThat(writer.committed()).filteredOn(s -> s.labels().metricName().equals("my_gauge"))
                .extracting(MemorySeriesWriter.Sample::value).containsExactly(9.0, 8.0, 0.0, 4.0, 7.0);
    }

    @Test
    void aSampleWithoutTimestampFailsTheWholeImportWithItsLine() {
        MemorySeriesWriter writer = new MemorySeriesWriter();
        assertThatThrownBy(() -> OpenMetricsImporter.importFrom(new StringReader("a 1 10\na 2 20\nb 3\n# EOF\n"), writer, n -> { }))
                .isInstanceOf(ExpositionParseException.class)
                .hasMessage("line 3: sample b has no timestamp; every sample of a backfill file needs one");
        assertThat(writer.committed()).isEmpty();
        assertThat(writer.rollbacks()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileImportsNothing() {
        MemorySeriesWriter writer = new MemorySeriesWriter();
        assertThatThrownBy(() -> OpenMetricsImporter.importFrom(new StringReader("a 1 10\na 2 20\n"), writer, n -> { }))
                .hasMessageContaining("without \"# EOF\"");
        assertThat(writer.committed()).isEmpty();
    }
}
