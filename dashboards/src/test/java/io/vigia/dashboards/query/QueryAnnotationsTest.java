package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryAnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void eachRunOfNonZeroStepsIsOneAnnotationTitledFromItsLabels() {
        long t0 = 1_700_000_000_000L;
        try (Workspace ws = Workspace.open(dir.resolve("q.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                double[] firing = {0, 1, 1, 1, 0, 0, 1, 0};
                for (int i = 0; i < firing.length; i++) {
                    w.append(Labels.of("__name__", "ALERTS", "alertname", "HighLatency"), t0 + i * 60_000L, firing[i]);
                }
                w.commit();
            }
            AnnotationSource a = new AnnotationSource("Alerts", AnnotationSource.Kind.QUERY, "", "ALERTS", "{{alertname}} firing", "",
                    "red", true);
            List<Annotation> found = QueryAnnotations.find(new LocalPromqlSource("local", store), a,
                    new TimeRange(Instant.ofEpochMilli(t0), Instant.ofEpochMilli(t0 + 7 * 60_000L)), Duration.ofMinutes(1));
            assertThat(found).extracting(Annotation::ts, Annotation::endTs, Annotation::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(t0 + 60_000L, t0 + 180_000L, "HighLatency firing"),
                    org.assertj.core.groups.Tuple.tuple(t0 + 360_000L, t0 + 360_000L, "HighLatency firing"));
        }
    }
}
