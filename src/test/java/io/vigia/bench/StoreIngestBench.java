package io.vigia.bench;

import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Ingest throughput, samples per second: the series store (compressed chunks, one transaction)
 * against the obvious design, one row per sample inserted with a batched prepared statement in one
 * transaction, into the same kind of SQLite file (WAL, synchronous=FULL).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreIngestBench {
    static final int SERIES = 300;
    static final int SAMPLES = 400;

    private StoreData data;
    private Path dir;
    private Workspace workspace;
    private SqliteSeriesStore store;
    private Connection baseline;
    private long shift;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new StoreData(SERIES, SAMPLES, 1_700_000_000_000L, 1);
        dir = Files.createTempDirectory("vigia-bench-ingest-");
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
        baseline = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rows.db"));
        try (Statement s = baseline.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE samples (series_id INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL, PRIMARY KEY (series_id, t)) WITHOUT ROWID");
        }
        baseline.setAutoCommit(false);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        baseline.close();
        store.close();
        workspace.close();
    }

    /** Each invocation writes the data a batch later in time, so nothing is a duplicate. */
    private long nextShift() {
        shift += SAMPLES * 15_000L;
        return shift;
    }

    @Benchmark
    @OperationsPerInvocation(SERIES * SAMPLES)
    public void vigiaSeriesStore() {
        long d = nextShift();
        try (SeriesWriter w = store.writer()) {
            for (int s = 0; s < SERIES; s++) {
                long[] ts = data.ts[s];
                double[] vs = data.vs[s];
                for (int i = 0; i < SAMPLES; i++) {
                    w.append(data.labels[s], ts[i] + d, vs[i]);
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES * SAMPLES)
    public void baselineRowPerSample() throws Exception {
        long d = nextShift();
        try (PreparedStatement ps = baseline.prepareStatement("INSERT INTO samples(series_id, t, v) VALUES (?, ?, ?)")) {
            for (int s = 0; s < SERIES; s++) {
                for (int i = 0; i < SAMPLES; i++) {
                    ps.setInt(1, s);
                    ps.setLong(2, data.ts[s][i] + d);
                    ps.setDouble(3, data.vs[s][i]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        baseline.commit();
    }
}
