package io.vigia.datasources.api;

import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SampleSpan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a source's data is: the local engine answers exactly from its store; any other source is
 * searched through its series endpoint and lands within a minute, never cutting data off.
 */
class SampleSpanTest {
    private static final Instant FIRST = Instant.parse("2025-03-02T07:13:27Z");
    private static final Instant LAST = Instant.parse("2025-04-30T18:41:05Z");
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    private static LocalPromqlSource local() {
        InMemorySeriesReader reader = new InMemorySeriesReader();
        Labels a = Labels.of("__name__", "requests_total", "job", "api");
        Labels b = Labels.of("__name__", "requests_total", "job", "web");
        for (long t = FIRST.toEpochMilli(); t <= LAST.toEpochMilli(); t += Duration.ofMinutes(5).toMillis()) {
            reader.append(a, t, 1);
        }
        reader.append(a, LAST.toEpochMilli(), 2);
        reader.append(b, FIRST.plus(Duration.ofDays(3)).toEpochMilli(), 1);
        reader.append(Labels.of("__name__", "other"), NOW.minusSeconds(60).toEpochMilli(), 1);
        return new LocalPromqlSource("local", reader);
    }

    @Test
    void theLocalEngineAnswersExactly() {
        assertThat(local().sampleSpan(List.of("{__name__=\"requests_total\"}"), EPOCH, NOW))
                .contains(new SampleSpan(FIRST.toEpochMilli(), LAST.toEpochMilli()));
        assertThat(local().sampleSpan(List.of("{__name__=\"requests_total\",job=\"web\"}", "{__name__=\"other\"}"), EPOCH, NOW))
                .contains(new SampleSpan(FIRST.plus(Duration.ofDays(3)).toEpochMilli(), NOW.minusSeconds(60).toEpochMilli()));
        assertThat(local().sampleSpan(List.of("{__name__=\"missing\"}"), EPOCH, NOW)).isEmpty();
        assertThat(local().sampleSpan(List.of("{__name__=\"requests_total\"}"), LAST.plusSeconds(1), NOW)).isEmpty();
    }

    @Test
    void aSourceWithOnlyASeriesEndpointIsSearchedToWithinAMinute() {
        LocalPromqlSource exact = local();
        AtomicInteger requests = new AtomicInteger();
        MetricsSource remote = new MetricsSource() {
            @Override
            public String name() {
                return "remote";
            }

            @Override
            public QueryResponse query(String expr, Instant time) {
                throw new AssertionError("the search reads no samples");
            }

            @Override
            public QueryResponse queryRange(String expr, Instant start, Instant end, Duration step) {
                throw new AssertionError("the search reads no samples");
            }

            @Override
            public List<Labels> series(List<String> matchers, Instant start, Instant end) {
                requests.incrementAndGet();
                return exact.series(matchers, start, end);
            }

            @Override
            public List<String> labelNames(List<String> matchers, Instant start, Instant end) {
                throw new AssertionError();
            }

            @Override
            public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
                throw new AssertionError();
            }
        };
        Optional<SampleSpan> found = remote.sampleSpan(List.of("{__name__=\"requests_total\"}"), EPOCH, NOW);
        assertThat(found).isPresent();
        assertThat(found.get().first()).isBetween(FIRST.toEpochMilli() - 60_000, FIRST.toEpochMilli());
        assertThat(found.get().last()).isBetween(LAST.toEpochMilli(), LAST.toEpochMilli() + 60_000);
        assertThat(requests.get()).isLessThanOrEqualTo(2 * 25 + 1);
        assertThat(remote.sampleSpan(List.of("{__name__=\"missing\"}"), EPOCH, NOW)).isEmpty();
    }
}
