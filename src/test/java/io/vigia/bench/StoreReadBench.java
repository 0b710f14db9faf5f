package io.vigia.bench;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading 1,000,000 samples (500 series × 2,000) back into primitive arrays: the series store's
 * select (chunks decoded in place) against reading the same samples from one row per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StoreReadBench {
    static final int SERIES = 500;
    static final int SAMPLES = 2_000;
    static final long START = 1_700_000_000_000L;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private Connection rows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        StoreData data = new StoreData(SERIES, SAMPLES, START, 2);
        Path dir = Files.createTempDirectory("vigia-bench-read-");
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            for (int s = 0; s < SERIES; s++) {
                for (int i = 0; i < SAMPLES; i++) {
                    w.append(data.labels[s], data.ts[s][i], data.vs[s][i]);
                }
            }
        }
        rows = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rows.db"));
        try (Statement st = rows.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE samples (series_id INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL, PRIMARY KEY (series_id, t)) WITHOUT ROWID");
        }
        rows.setAutoCommit(false);
        try (PreparedStatement ps = rows.prepareStatement("INSERT INTO samples VALUES (?, ?, ?)")) {
            for (int s = 0; s < SERIES; s++) {
                for (int i = 0; i < SAMPLES; i++) {
                    ps.setInt(1, s);
                    ps.setLong(2, data.ts[s][i]);
                    ps.setDouble(3, data.vs[s][i]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        rows.commit();
        rows.setAutoCommit(true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        rows.close();
        store.close();
        workspace.close();
    }

    @Benchmark
    public long vigiaSelectOneMillionSamples() {
        List<SeriesData> all = store.select(List.of(LabelMatcher.regex("__name__", ".+")), START, Long.MAX_VALUE);
        long n = 0;
        for (SeriesData d : all) {
            n += d.size();
        }
        if (n != (long) SERIES * SAMPLES) {
            throw new IllegalStateException("read " + n + " samples");
        }
        return n;
    }

    @Benchmark
    public long baselineRowPerSample() throws Exception {
        long n = 0;
        double sum = 0;
        try (PreparedStatement ps = rows.prepareStatement("SELECT t, v FROM samples WHERE series_id = ? ORDER BY t")) {
            for (int s = 0; s < SERIES; s++) {
                ps.setInt(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n += rs.getLong(1) > 0 ? 1 : 0;
                        sum += rs.getDouble(2);
                    }
                }
            }
        }
        return n + (long) Math.signum(sum);
    }
}
