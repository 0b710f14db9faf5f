package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The span of the matching series from the chunk index, the same as reading every sample. */
class SeriesSpanTest {
    @TempDir
    Path dir;

    @Test
    void theChunkIndexGivesTheFirstAndLastSampleOfTheMatchingSeries() {
        try (Workspace ws = Workspace.open(dir.resolve("s.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            Labels a = Labels.of("__name__", "requests_total", "job", "a");
            Labels b = Labels.of("__name__", "requests_total", "job", "b");
            Labels other = Labels.of("__name__", "other", "job", "a");
            try (SeriesWriter w = store.writer()) {
                // enough samples for several chunks per series
                for (long t = 0; t < 20_000; t++) {
                    w.append(a, 1_000_000 + t * 15_000, t);
                    if (t % 2 == 0) {
                        w.append(b, 2_000_000 + t * 15_000, t);
                    }
                }
                w.append(other, 5, 1);
                w.commit();
            }
            List<LabelMatcher> all = List.of(LabelMatcher.equal("__name__", "requests_total"));
            Optional<SampleSpan> span = store.span(all);
            assertThat(span).contains(new SampleSpan(1_000_000, 2_000_000 + 19_998 * 15_000L));
            assertThat(store.span(List.of(LabelMatcher.equal("__name__", "requests_total"), LabelMatcher.equal("job", "a"))))
                    .contains(new SampleSpan(1_000_000, 1_000_000 + 19_999 * 15_000L));
            assertThat(store.span(List.of(LabelMatcher.equal("__name__", "missing")))).isEmpty();
            // the reading default gives the same answer as the index
            SeriesReader reading = new SeriesReader() {
                @Override
                public List<SeriesData> select(List<LabelMatcher> m, long minTime, long maxTime) {
                    return store.select(m, minTime, maxTime);
                }

                @Override
                public List<String> labelNames(List<LabelMatcher> m) {
                    return store.labelNames(m);
                }

                @Override
                public List<String> labelValues(String name, List<LabelMatcher> m) {
                    return store.labelValues(name, m);
                }

                @Override
                public List<Labels> series(List<LabelMatcher> m) {
                    return store.series(m);
                }
            };
            assertThat(reading.span(all)).isEqualTo(span);
        }
    }
}
