package io.vigia.persistence.workspace;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 010 (chunks in a rowid table): a workspace whose chunks sit in version 3's WITHOUT ROWID table keeps every sample. */
class ChunksMigrationTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    /** The schema as it was before the rowid chunks: scripts 001 to 007. */
    private static Migrations beforeRowidChunks() {
        return new Migrations(IntStream.rangeClosed(1, 7)
                .mapToObj(v -> "/io/vigia/persistence/migrations/" + List.of("001-workspace", "002-copilot", "003-series",
                        "004-evidence", "005-query-cache", "006-accepted-suggestions", "007-reports").get(v - 1) + ".sql")
                .toList());
    }

    /** A chunk of one sample: the header alone (count, first timestamp, first value's bits). */
    private static byte[] oneSample(long t, double v) {
        return ByteBuffer.allocate(20).putInt(1).putLong(t).putLong(Double.doubleToRawLongBits(v)).array();
    }

    @Test
    void chunksMoveToTheRowidTableAndStayReadableAndAppendable() throws Exception {
        Path file = dir.resolve("old.vigia");
        try (Workspace ws = Workspace.open(file, Clock.systemUTC(), beforeRowidChunks())) {
            ws.write(c -> {
                try (Statement s = c.createStatement()) {
                    // the label set's stored text (LabelCodec): name, NUL, value
                    s.executeUpdate("INSERT INTO series(id, metric, labels) VALUES (1, 'up', '__name__' || char(0) || 'up')");
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO chunks(series_id, min_t, max_t, samples, data) VALUES (1, ?, ?, 1, ?)")) {
                    for (int i = 0; i < 3; i++) {
                        long t = T0 + i * 15_000L;
                        ps.setLong(1, t);
                        ps.setLong(2, t);
                        ps.setBytes(3, oneSample(t, i));
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
        try (Workspace ws = Workspace.open(file); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            String ddl = ws.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'chunks'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(ddl).contains("INTEGER PRIMARY KEY").doesNotContain("WITHOUT ROWID");
            assertThat(ws.integrityCheck()).isEqualTo("ok");
            try (SeriesWriter w = store.writer()) {
                w.append(Labels.of("__name__", "up"), T0 + 3 * 15_000L, 3); // grows the last migrated chunk
                w.append(Labels.of("__name__", "up"), T0, 0); // already stored: kept once
            }
            SeriesData d = store.select(List.of(LabelMatcher.equal("__name__", "up")), T0, Long.MAX_VALUE).getFirst();
            assertThat(d.timestamps()).containsExactly(T0, T0 + 15_000L, T0 + 30_000L, T0 + 45_000L);
            assertThat(d.values()).containsExactly(0, 1, 2, 3);
        }
    }
}
