package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SqliteSeriesStore#writeReplacingSeries}: whole series replaced in the caller's transaction. */
class SqliteSeriesStoreReplaceTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final Labels A = Labels.of("__name__", "events_total", "kind", "a");

    @TempDir
    Path dir;

    private static List<SeriesData> all(SqliteSeriesStore store) {
        return store.select(List.of(LabelMatcher.equal("__name__", "events_total")), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void replacesCreatesAndDropsSeriesAcrossChunks() {
        Path file = dir.resolve("ws.vigia");
        try (Workspace ws = Workspace.open(file); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (int i = 0; i < 300; i++) {
                    w.append(A, T0 + i * 60_000L, 100 + i);
                }
            }
            long[] ts = new long[250];
            double[] vs = new double[250];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = T0 + 30_000L + i * 60_000L;
                vs[i] = i;
            }
            store.writeReplacingSeries((c, series) -> {
                series.replace(A, ts, vs);
                return null;
            });
            SeriesData a = all(store).getFirst();
            assertThat(a.timestamps()).containsExactly(ts);
            assertThat(a.values()).containsExactly(vs);
        }
        try (Workspace ws = Workspace.open(file); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            assertThat(all(store).getFirst().size()).isEqualTo(250); // durable, and the index reloads it
            Labels b = Labels.of("__name__", "events_total", "kind", "b");
            store.writeReplacingSeries((c, series) -> {
                series.replace(b, new long[] {T0}, new double[] {1});
                series.replace(A, new long[0], new double[0]);
                return null;
            });
            assertThat(all(store)).extracting(d -> d.labels().get("kind")).containsExactly("b");
            assertThat(store.seriesCount()).isEqualTo(1);
        }
    }

    @Test
    void aFailedTransactionLeavesNeitherRowsNorSeries() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ws.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("CREATE TABLE t (x INTEGER) STRICT");
                }
                return null;
            });
            assertThatThrownBy(() -> store.writeReplacingSeries((c, series) -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO t VALUES (1)");
                }
                series.replace(A, new long[] {T0, T0 + 1}, new double[] {1, 2});
                series.replace(A, new long[] {T0 + 1, T0}, new double[] {1, 2}); // not increasing
                return null;
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(all(store)).isEmpty();
            assertThat(store.seriesCount()).isZero();
            int rows = ws.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isZero();
        }
    }
}
