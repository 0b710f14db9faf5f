package io.vigia.datasources.scrape;

import io.vigia.datasources.testing.MemorySeriesWriter;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.StaleMarker;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScraperTest {
    private static final String OM = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private final MockWebServer server = new MockWebServer();
    private final MemorySeriesWriter writer = new MemorySeriesWriter();
    private MutableClock clock;
    private Scraper scraper;

    @BeforeEach
    void start() throws IOException {
        server.start();
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        ScrapeTarget target = new ScrapeTarget("payments", server.url("/metrics").uri(), Duration.ofSeconds(15), Duration.ofSeconds(5));
        scraper = new Scraper(target, new OkHttpClient(), writer, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void scrapesOpenMetricsWithTargetLabelsAndUp() throws Exception {
        serve(OM, """
                # TYPE http_requests counter
                http_requests_total{code="200"} 10
                http_requests_total{code="500",job="exposed"} 2
                # EOF
                """);
        ScrapeResult r = scraper.scrape();
        assertThat(r.up()).isTrue();
        assertThat(r.samples()).isEqualTo(2);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("Accept")).startsWith("application/openmetrics-text;version=1.0.0");
        String instance = server.getHostName() + ":" + server.getPort();
        assertThat(values("http_requests_total")).containsExactly(10.0, 2.0);
        assertThat(writer.committed()).extracting(MemorySeriesWriter.Sample::labels).contains(
                Labels.of("__name__", "http_requests_total", "code", "200", "job", "payments", "instance", instance),
                Labels.of("__name__", "http_requests_total", "code", "500", "job", "payments", "instance", instance,
                        "exported_job", "exposed"));
        assertThat(values("up")).containsExactly(1.0);
        assertThat(values("scrape_samples_scraped")).containsExactly(2.0);
    }

    @Test
    void aSeriesThatDisappearsGetsAStalenessMarker() {
        serve("text/plain; version=0.0.4", "a{x=\"1\"} 1\na{x=\"2\"} 2\n");
        serve("text/plain; version=0.0.4", "a{x=\"1\"} 3\n");
        scraper.scrape();
        clock.advance(Duration.ofSeconds(15));
        ScrapeResult second = scraper.scrape();
        assertThat(second.staleMarkers()).isEqualTo(1);
        MemorySeriesWriter.Sample marker = writer.committed().stream()
                .filter(s -> s.labels().get("x").equals("2") && s.timestamp() == second.timestampMillis())
                .findFirst().orElseThrow();
        assertThat(StaleMarker.isStale(marker.value())).isTrue();
    }

    @Test
    void aTargetThatFailsIsDownAndAllItsSeriesGoStale() {
        serve("text/plain; version=0.0.4", "a 1\nb 2\n");
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());
        scraper.scrape();
        clock.advance(Duration.ofSeconds(15));
        ScrapeResult down = scraper.scrape();
        assertThat(down.up()).isFalse();
        assertThat(down.error()).contains("503");
        assertThat(down.staleMarkers()).isEqualTo(2);
        assertThat(values("up")).containsExactly(1.0, 0.0);
    }

    @Test
    void malformedExpositionMarksTheTargetDownWithTheParseError() {
        serve(OM, "a 1\n"); // OpenMetrics without # EOF: a truncated response
        ScrapeResult r = scraper.scrape();
        assertThat(r.up()).isFalse();
        assertThat(r.error()).contains("# EOF");
        assertThat(values("a")).isEmpty();
    }

    @Test
    void samplesWithTheirOwnTimestampKeepItAndNeverGoStale() {
        serve("text/plain; version=0.0.4", "a 1 1700000000000\n");
        serve("text/plain; version=0.0.4", "");
        scraper.scrape();
        clock.advance(Duration.ofSeconds(15));
        ScrapeResult r = scraper.scrape();
        assertThat(r.staleMarkers()).isZero();
        assertThat(writer.committed()).filteredOn(s -> s.labels().metricName().equals("a"))
                .extracting(MemorySeriesWriter.Sample::timestamp).containsExactly(1_700_000_000_000L);
    }

    @Test
    void ofTwoSamplesOfOneSeriesAtOneTimeTheFirstIsKeptAsInPrometheus() {
        serve("text/plain; version=0.0.4", "a 1\na 2\nb 5 1700000002000\nb 6 1700000001000\n");
        serve("text/plain; version=0.0.4", "a 3\nb 7 1700000002000\n");
        assertThat(scraper.scrape().up()).isTrue();
        clock.advance(Duration.ofSeconds(15));
        assertThat(scraper.scrape().up()).isTrue(); // b's other value at a stored time is dropped, not a failed commit
        assertThat(values("a")).containsExactly(1.0, 3.0);
        assertThat(values("b")).containsExactly(5.0);
        assertThat(values("scrape_samples_scraped")).containsExactly(4.0, 2.0);
    }

    @Test
    void anExposedExportedLabelPushesTheRenamedTargetLabelFurther() {
        serve("text/plain; version=0.0.4", "a{job=\"x\",exported_job=\"y\"} 1\n");
        scraper.scrape();
        assertThat(writer.committed()).filteredOn(s -> s.labels().metricName().equals("a"))
                .extracting(s -> s.labels().get("exported_exported_job") + "/" + s.labels().get("exported_job") + "/" + s.labels().get("job"))
                .containsExactly("x/y/payments");
    }

    @Test
    void bytesThatAreNotUtf8InALabelValueFailTheScrape() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain; version=0.0.4")
                .body(new okio.Buffer().writeUtf8("# comment \u00e9").writeByte(0xff).writeUtf8("\na{x=\"").writeByte(0xff).writeUtf8("\"} 1\n")).build());
        ScrapeResult r = scraper.scrape();
        assertThat(r.up()).isFalse();
        assertThat(r.error()).isEqualTo("line 2: not valid UTF-8");
    }

    @Test
    void aContentTypeGoCannotParseMeansTheTextFormat() {
        serve("application/openmetrics-text; version", "a 1\n");
        assertThat(scraper.scrape().up()).isTrue();
    }

    private void serve(String contentType, String body) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", contentType).body(body).build());
    }

    private List<Double> values(String metric) {
        return writer.committed().stream().filter(s -> s.labels().metricName().equals(metric))
                .map(MemorySeriesWriter.Sample::value).toList();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
