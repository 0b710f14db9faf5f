package io.vigia.datasources.scrape;

import io.vigia.datasources.testing.MemorySeriesWriter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeLoopTest {

    /** The CLI closes the writers right after the loop; a scrape still committing would race them. */
    @Test
    void closeWaitsForTheScrapeInFlightToCommit() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain; version=0.0.4")
                    .headersDelay(600, TimeUnit.MILLISECONDS).body("a 1\n").build());
            server.start();
            MemorySeriesWriter writer = new MemorySeriesWriter();
            ScrapeTarget target = new ScrapeTarget("j", server.url("/metrics").uri(), Duration.ofMinutes(1), Duration.ofSeconds(5));
            AtomicInteger results = new AtomicInteger();
            ScrapeLoop loop = new ScrapeLoop();
            loop.start(new Scraper(target, new OkHttpClient(), writer, Clock.systemUTC()), r -> results.incrementAndGet());
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

            loop.close();

            assertThat(results).hasValue(1);
            assertThat(writer.committed()).anyMatch(s -> s.labels().metricName().equals("a"));
        }
    }
}
