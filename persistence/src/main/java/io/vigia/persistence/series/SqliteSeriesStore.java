package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;
import io.vigia.persistence.workspace.WorkspaceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The workspace's series store: label sets in {@code series}, samples in compressed chunks
 * ({@link XorChunk}, cut by size by {@link ChunkAppender}) in {@code chunks}. Reads decode straight into primitive
 * arrays and run on a small pool of read connections beside the writer (WAL). The embedded PromQL
 * engine reads through {@link SeriesReader}; importers, the scraper and the simulator write
 * through {@link #writer()}.
 */
public final class SqliteSeriesStore implements SeriesReader, AutoCloseable {
    /** Initial room for one series' samples on reading; grows as chunks arrive. */
    private static final int READ_CAPACITY = 512;
    private static final int READERS = 4;

    private final Workspace workspace;
    private final PostingsIndex index = new PostingsIndex();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    /** The highest series id read from the table so far; {@link #refresh()} reads the ones above it. */
    private int seenSeriesId;

    public SqliteSeriesStore(Workspace workspace) {
        this.workspace = workspace;
        for (int i = 0; i < READERS; i++) {
            Connection c = workspace.openConnection();
            allReaders.add(c);
            readers.add(c);
        }
        loadIndex();
    }

    private void loadIndex() {
        refresh();
    }

    /**
     * Adds to the in-memory index the series that other connections committed since the last
     * call: another process ({@code vigia scrape}, an import, the app) writing to the same file.
     * Series ids only grow (SQLite's rowid is one more than the largest), so this reads the rows
     * above the highest id seen, one indexed range scan that finds nothing when nothing changed.
     * A long-lived reader such as {@code vigia serve} calls it before each request. Returns the
     * number of series added.
     */
    public synchronized int refresh() {
        return withReader(c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, labels FROM series WHERE id > ? ORDER BY id")) {
                ps.setInt(1, seenSeriesId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        if (index.labelsOf(id) == null) {
                            index.add(id, LabelCodec.decode(rs.getString(2)));
                            added++;
                        }
                        seenSeriesId = Math.max(seenSeriesId, id);
                    }
                }
            }
            return added;
        });
    }

    /** A new writer; appends become visible to readers when it commits. */
    public SeriesWriter writer() {
        return new SqliteSeriesWriter(workspace, index);
    }

    public int seriesCount() {
        return index.size();
    }

    @Override
    public List<SeriesData> select(List<LabelMatcher> matchers, long minTime, long maxTime) {
        BitSet ids = index.select(matchers);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SeriesData> out = new ArrayList<>(ids.cardinality());
        withReader(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM chunks WHERE series_id = ? AND max_t >= ? AND min_t <= ? ORDER BY min_t")) {
                for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                    SeriesData d = read(ps, id, minTime, maxTime);
                    if (d != null) {
                        out.add(d);
                    }
                }
            }
            return null;
        });
        out.sort((a, b) -> a.labels().compareTo(b.labels()));
        return out;
    }

    /**
     * From the chunk index alone, no sample decoded: per matching series its first chunk's start
     * and last chunk's end, each one lookup in {@code chunks_by_start} / {@code chunks_by_end}
     * (SQLite answers a lone min() or max() over an index from one end of it).
     */
    @Override
    public Optional<SampleSpan> span(List<LabelMatcher> matchers) {
        BitSet ids = index.select(matchers);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return withReader(c -> {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            try (PreparedStatement min = c.prepareStatement("SELECT min(min_t) FROM chunks WHERE series_id = ?");
                 PreparedStatement max = c.prepareStatement("SELECT max(max_t) FROM chunks WHERE series_id = ?")) {
                for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                    min.setInt(1, id);
                    max.setInt(1, id);
                    try (ResultSet a = min.executeQuery(); ResultSet b = max.executeQuery()) {
                        long t = a.next() ? a.getLong(1) : 0;
                        if (!a.wasNull()) {
                            first = Math.min(first, t);
                        }
                        long u = b.next() ? b.getLong(1) : 0;
                        if (!b.wasNull()) {
                            last = Math.max(last, u);
                        }
                    }
                }
            }
            return first <= last ? Optional.of(new SampleSpan(first, last)) : Optional.<SampleSpan>empty();
        });
    }

    private SeriesData read(PreparedStatement ps, int id, long minTime, long maxTime) throws SQLException {
        ps.setInt(1, id);
        ps.setLong(2, minTime);
        ps.setLong(3, maxTime);
        long[] ts = new long[READ_CAPACITY];
        double[] vs = new double[READ_CAPACITY];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] chunk = rs.getBytes(1);
                int count = XorChunk.count(chunk);
                if (n + count > ts.length) {
                    int cap = Math.max(ts.length * 2, n + count);
                    ts = Arrays.copyOf(ts, cap);
                    vs = Arrays.copyOf(vs, cap);
                }
                n += XorChunk.decode(chunk, ts, vs, n);
            }
        }
        int from = SortedLongs.lowerBound(ts, n, minTime);
        int to = SortedLongs.upperBound(ts, n, maxTime);
        if (from >= to) {
            return null;
        }
        return new SeriesData(index.labelsOf(id), Arrays.copyOfRange(ts, from, to), Arrays.copyOfRange(vs, from, to));
    }

    @Override
    public List<String> labelNames(List<LabelMatcher> matchers) {
        return index.names(matchers.isEmpty() ? index.select(List.of()) : index.select(matchers));
    }

    @Override
    public List<String> labelValues(String name, List<LabelMatcher> matchers) {
        return index.values(name, index.select(matchers));
    }

    @Override
    public List<Labels> series(List<LabelMatcher> matchers) {
        List<Labels> out = new ArrayList<>(index.labels(index.select(matchers)));
        out.sort(Labels::compareTo);
        return out;
    }

    /** Drops every sample older than {@code time} (ms); series left without samples go too. Returns samples dropped. */
    public long deleteOlderThan(long time) {
        return delete(List.of(), Long.MIN_VALUE, time - 1);
    }

    /**
     * Deletes the samples in {@code [minTime, maxTime]} of the series matching {@code matchers}
     * (all series for an empty list); a series left empty is removed. Returns samples deleted.
     */
    public long delete(List<LabelMatcher> matchers, long minTime, long maxTime) {
        BitSet ids = index.select(matchers);
        List<Integer> emptied = new ArrayList<>();
        long deleted = workspace.write(c -> {
            long count = 0;
            try (PreparedStatement sel = c.prepareStatement(
                    "SELECT min_t, max_t, data FROM chunks WHERE series_id = ? AND max_t >= ? AND min_t <= ?");
                 PreparedStatement del = c.prepareStatement("DELETE FROM chunks WHERE series_id = ? AND min_t = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO chunks(series_id, min_t, max_t, samples, data) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement left = c.prepareStatement("SELECT 1 FROM chunks WHERE series_id = ? LIMIT 1");
                 PreparedStatement dropSeries = c.prepareStatement("DELETE FROM series WHERE id = ?")) {
                for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                    sel.setInt(1, id);
                    sel.setLong(2, minTime);
                    sel.setLong(3, maxTime);
                    List<byte[]> touched = new ArrayList<>();
                    List<Long> starts = new ArrayList<>();
                    try (ResultSet rs = sel.executeQuery()) {
                        while (rs.next()) {
                            starts.add(rs.getLong(1));
                            touched.add(rs.getBytes(3));
                        }
                    }
                    for (int k = 0; k < touched.size(); k++) {
                        byte[] chunk = touched.get(k);
                        int n = XorChunk.count(chunk);
                        long[] ts = new long[n];
                        double[] vs = new double[n];
                        XorChunk.decode(chunk, ts, vs, 0);
                        del.setInt(1, id);
                        del.setLong(2, starts.get(k));
                        del.executeUpdate();
                        long[] keepT = new long[n];
                        double[] keepV = new double[n];
                        int kept = 0;
                        for (int i = 0; i < n; i++) {
                            if (ts[i] < minTime || ts[i] > maxTime) {
                                keepT[kept] = ts[i];
                                keepV[kept++] = vs[i];
                            }
                        }
                        count += n - kept;
                        for (XorChunk.Encoded rest : XorChunk.encodeCut(keepT, keepV, 0, kept)) {
                            ins.setInt(1, id);
                            ins.setLong(2, rest.minT());
                            ins.setLong(3, rest.maxT());
                            ins.setInt(4, rest.samples());
                            ins.setBytes(5, rest.data());
                            ins.executeUpdate();
                        }
                    }
                    left.setInt(1, id);
                    try (ResultSet rs = left.executeQuery()) {
                        if (!rs.next()) {
                            dropSeries.setInt(1, id);
                            dropSeries.executeUpdate();
                            emptied.add(id);
                        }
                    }
                }
            }
            return count;
        });
        emptied.forEach(index::remove);
        return deleted;
    }

    /** Work in one workspace transaction that may also replace whole series, see {@link #writeReplacingSeries}. */
    @FunctionalInterface
    public interface ReplacingWork<T> {
        T run(Connection c, SeriesReplacer series) throws SQLException;
    }

    /** Replaces every stored sample of one series (timestamps strictly increasing); no samples removes it. */
    @FunctionalInterface
    public interface SeriesReplacer {
        void replace(Labels labels, long[] timestamps, double[] values) throws SQLException;
    }

    /**
     * Runs {@code work} in one workspace transaction ({@link Workspace#write}) in which it can also
     * replace whole series: rows of its own tables and the series derived from them commit or roll
     * back together. For importers whose series are recomputed from their own tables (a counter
     * rebuilt from stored events), so that re-importing is idempotent. New series become visible
     * to readers after the commit.
     */
    public <T> T writeReplacingSeries(ReplacingWork<T> work) {
        Map<Labels, Integer> created = new HashMap<>();
        List<Integer> dropped = new ArrayList<>();
        T result = workspace.write(c -> work.run(c, (labels, ts, vs) -> replaceSeries(c, labels, ts, vs, created, dropped)));
        created.forEach((labels, id) -> index.add(id, labels));
        dropped.forEach(index::remove);
        return result;
    }

    private void replaceSeries(Connection c, Labels labels, long[] ts, double[] vs, Map<Labels, Integer> created,
                               List<Integer> dropped) throws SQLException {
        if (ts.length != vs.length) {
            throw new IllegalArgumentException("timestamps and values differ in length for " + labels);
        }
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] <= ts[i - 1]) {
                throw new IllegalArgumentException("timestamps of " + labels + " must increase");
            }
        }
        Integer id = created.get(labels);
        if (id == null) {
            id = index.idOf(labels);
        }
        if (id != null) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM chunks WHERE series_id = ?")) {
                del.setInt(1, id);
                del.executeUpdate();
            }
        }
        if (ts.length == 0) {
            if (id != null) {
                try (PreparedStatement drop = c.prepareStatement("DELETE FROM series WHERE id = ?")) {
                    drop.setInt(1, id);
                    drop.executeUpdate();
                }
                if (created.remove(labels) == null) {
                    dropped.add(id);
                }
            }
            return;
        }
        if (id == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO series(metric, labels) VALUES (?, ?) RETURNING id")) {
                ps.setString(1, labels.metricName());
                ps.setString(2, LabelCodec.encode(labels));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getInt(1);
                }
            }
            created.put(labels, id);
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO chunks(series_id, min_t, max_t, samples, data) VALUES (?, ?, ?, ?, ?)")) {
            for (XorChunk.Encoded chunk : XorChunk.encodeCut(ts, vs, 0, ts.length)) {
                ins.setInt(1, id);
                ins.setLong(2, chunk.minT());
                ins.setLong(3, chunk.maxT());
                ins.setInt(4, chunk.samples());
                ins.setBytes(5, chunk.data());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** Bytes of chunk data stored, for the compression benchmark. */
    public long chunkBytes() {
        return withReader(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(length(data)), 0), coalesce(sum(samples), 0) FROM chunks");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private <T> T withReader(Workspace.SqlWork<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(WorkspaceException.Kind.IO, workspace.file(), "interrupted while waiting to read");
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, workspace.file(), "could not read series: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing on shutdown: nothing left to do with the error
            }
        }
    }
}
