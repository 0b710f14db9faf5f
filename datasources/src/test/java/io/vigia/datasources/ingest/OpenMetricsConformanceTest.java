package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official OpenMetrics parser conformance suite (prometheus/OpenMetrics tests/testdata/parsers),
 * read from the shared corpus: every case whose test.json says shouldParse must parse, every other
 * case must be rejected with a message that names the line.
 */
class OpenMetricsConformanceTest {
    private static final Path SUITE = Path.of(System.getProperty("vigia.shared.dir", "../shared"),
            "corpus", "prometheus-exposition", "openmetrics-testsuite");

    @TestFactory
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    Stream<DynamicTest> everyCaseOfTheSuiteIsClassifiedRight() throws IOException {
        assertThat(SUITE).as("the OpenMetrics suite in the shared corpus").isDirectory();
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(SUITE)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(200);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String spec = Files.readString(dir.resolve("test.json"));
            assertThat(spec).contains("\"type\": \"text\"");
            boolean shouldParse = spec.replace(" ", "").contains("\"shouldParse\":true");
            String text = new String(Files.readAllBytes(dir.resolve("metrics")), StandardCharsets.UTF_8);
            CollectingSink sink = new CollectingSink();
            if (shouldParse) {
                ExpositionParser.parse(text, ExpositionFormat.OPENMETRICS, ExpositionParser.Validation.STRICT, sink);
            } else {
                ExpositionParseException e = catchThrowableOfType(ExpositionParseException.class,
                        () -> ExpositionParser.parse(text, ExpositionFormat.OPENMETRICS, ExpositionParser.Validation.STRICT, sink));
                assertThat(e).as("%s must be rejected", dir.getFileName()).isNotNull();
                assertThat(e.getMessage()).startsWith("line ");
            }
        }));
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void simpleHistogramParsesToItsSamples() throws Exception {
        CollectingSink sink = parse("simple_histogram");
        assertThat(sink.families).containsExactly(new CollectingSink.Family("a", MetricType.HISTOGRAM, "help", ""));
        assertThat(sink.samples).extracting(Object::toString).containsExactly(
                "a_bucket{le=\"1.0\"} 0.0", "a_bucket{le=\"+Inf\"} 3.0", "a_count 3.0", "a_sum 2.0");
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void escapesInLabelValuesAndHelpAreDecoded() throws Exception {
        CollectingSink sink = parse("escaping");
        assertThat(sink.families.getFirst().help()).isEqualTo("he\n\\l\\tp");
        assertThat(sink.samples).extracting(s -> s.labels().get("foo"))
                .containsExactly("b\"a\nr", "b\\a\\z", "b\"a\nr # ", "b\\a\\z # ");
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void timestampsAreSecondsConvertedToMilliseconds() throws Exception {
        CollectingSink sink = parse("timestamps");
        assertThat(sink.samples).extracting(CollectingSink.Sample::timestampMillis)
                .containsExactly(0L, 0L, 1100L, Long.MAX_VALUE, 1_500_000L, 1_234_567_890_000L);
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void exemplarsAreKeptWithTheirBucket() throws Exception {
        CollectingSink sink = parse("histogram_exemplars");
        CollectingSink.Sample inf = sink.samples.get(2);
        assertThat(inf.labels().get("le")).isEqualTo("+Inf");
        assertThat(inf.exemplar().value()).isEqualTo(4.0);
        assertThat(inf.exemplar().timestampSeconds()).isEqualTo(123.0);
        assertThat(inf.exemplar().labels().get("a")).hasSize(127);
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void specialValuesAndLargeCountersParse() throws Exception {
        assertThat(parse("labels_and_infinite").samples).extracting(CollectingSink.Sample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(parse("nan").samples.getFirst().value()).isNaN();
        assertThat(parse("uint64_counter").samples.getFirst().value()).isEqualTo(9.223372036854775808E18);
        assertThat(parse("leading_zeros_float_gauge").samples.getFirst().value()).isEqualTo(0.12);
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void aSampleNameCarriesTheFamilysSuffix() throws Exception {
        CollectingSink sink = parse("counter_unit");
        assertThat(sink.families).containsExactly(
                new CollectingSink.Family("cc_seconds", MetricType.COUNTER, "A counter", "seconds"));
        assertThat(sink.samples).extracting(s -> s.labels().metricName())
                .containsExactly("cc_seconds_total", "cc_seconds_created");
    }

    @Test
    @NeedsSharedCorpus("corpus/prometheus-exposition/openmetrics-testsuite")
    void rejectionsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> parse("bad_histograms_11"))
                .hasMessage("line 4: histogram a count 1.0 differs from its +Inf bucket 0.0");
        assertThatThrownBy(() -> parse("bad_no_eof")).hasMessageContaining("without \"# EOF\"");
        assertThatThrownBy(() -> parse("bad_grouping_or_ordering_0"))
                .hasMessage("line 3: histogram a{a=1} has no buckets");
        assertThatThrownBy(() -> ExpositionParser.parse("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"1\"} 2\n# EOF\n",
                ExpositionFormat.OPENMETRICS, ExpositionParser.Validation.STRICT, new CollectingSink()))
                .hasMessage("line 4: the samples of a{x=1} are not together");
    }

    @Test
    void theClassicTextFormatIsReadAsPrometheus242ReadsIt() throws Exception {
        // blanks around labels, a trailing comma, no comma, no blank before the value after a label
        // set, a raw line feed in a label value: all taken by promlex.l at v2.42.0, and measured
        // against the real Prometheus by ScrapeFidelityE2ETest
        CollectingSink sink = new CollectingSink();
        ExpositionParser.parse("""
                # A comment the text format allows
                # HELP http_requests_total Total requests.
                # TYPE http_requests_total counter
                # TYPE http_requests_total counter

                http_requests_total{method="post",code="200",} 1027 1395066363000
                http_requests_total { method = "post"  code = "400" }   3   1395066363000
                metric_without_timestamp_and_labels 12.47
                something_weird{problem="division by zero"}+Inf
                nan_value nan
                multi_line{text="a
                b"} 1
                """, ExpositionFormat.PROMETHEUS_TEXT, ExpositionParser.Validation.PROMETHEUS, sink);
        assertThat(sink.families).containsExactly(
                new CollectingSink.Family("http_requests_total", MetricType.COUNTER, "Total requests.", ""),
                new CollectingSink.Family("http_requests_total", MetricType.COUNTER, "Total requests.", ""));
        assertThat(sink.samples).hasSize(6);
        assertThat(sink.samples.get(1).labels()).isEqualTo(
                Labels.of("__name__", "http_requests_total", "method", "post", "code", "400"));
        assertThat(sink.samples.get(0).timestampMillis()).isEqualTo(1395066363000L);
        assertThat(sink.samples.get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sink.samples.get(4).value()).isNaN();
        assertThat(sink.samples.get(5).labels().get("text")).isEqualTo("a\nb");
    }

    @Test
    void theClassicTextFormatRejectsBrokenLinesWithTheirNumber() {
        assertThatThrownBy(() -> ExpositionParser.parse("a 1\nb{x=\"y} 2\n", ExpositionFormat.PROMETHEUS_TEXT, ExpositionParser.Validation.PROMETHEUS, new CollectingSink()))
                .hasMessageStartingWith("line 2: unterminated label value");
        assertThatThrownBy(() -> ExpositionParser.parse("a one\n", ExpositionFormat.PROMETHEUS_TEXT, ExpositionParser.Validation.PROMETHEUS, new CollectingSink()))
                .hasMessage("line 1: invalid value \"one\" of a");
        assertThatThrownBy(() -> ExpositionParser.parse("a 1 1.5\n", ExpositionFormat.PROMETHEUS_TEXT, ExpositionParser.Validation.PROMETHEUS, new CollectingSink()))
                .hasMessageContaining("integer milliseconds");
    }

    @Test
    void theClassicTextFormatRefusesWhatPrometheus242Refuses() {
        // each measured against the real Prometheus 2.42 by ScrapeFidelityE2ETest
        for (String refused : List.of("  indented 1\n", "a 1 -3982045\n", "a +NaN\n", "a 1e400\n", "a 1\r\n",
                "# TYPE a counter \na 1\n", "a{__name__=\"b\"} 1\n", "a{x=\"1\",x=\"2\"} 1\n", "a{x=\"y\\\nz\"} 1\n")) {
            assertThatThrownBy(() -> ExpositionParser.parse(refused, ExpositionFormat.PROMETHEUS_TEXT,
                    ExpositionParser.Validation.PROMETHEUS, new CollectingSink())).as(refused).isInstanceOf(ExpositionParseException.class);
        }
    }

    @Test
    void aNulWhereALineStartsEndsTheTextFormatsInput() throws Exception {
        CollectingSink sink = new CollectingSink();
        ExpositionParser.parse("a 1\n\0b 2\n", ExpositionFormat.PROMETHEUS_TEXT, ExpositionParser.Validation.PROMETHEUS, sink);
        assertThat(sink.samples).extracting(s -> s.labels().metricName()).containsExactly("a");
    }

    @Test
    void openMetricsTimestampsAreTruncatedToMillisecondsAsPrometheusDoes() throws Exception {
        CollectingSink sink = new CollectingSink();
        ExpositionParser.parse("a 1 1.0125\nb nan 1.9999\n# EOF\n", ExpositionFormat.OPENMETRICS, ExpositionParser.Validation.PROMETHEUS, sink);
        assertThat(sink.samples).extracting(CollectingSink.Sample::timestampMillis).containsExactly(1012L, 1999L);
        assertThat(sink.samples.get(1).value()).isNaN();
    }

    private static CollectingSink parse(String caseName) throws Exception {
        CollectingSink sink = new CollectingSink();
        String text = Files.readString(SUITE.resolve(caseName).resolve("metrics"), StandardCharsets.UTF_8);
        ExpositionParser.parse(text, ExpositionFormat.OPENMETRICS, ExpositionParser.Validation.STRICT, sink);
        return sink;
    }
}
