package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;
import io.vigia.persistence.workspace.WorkspaceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends samples on its own connection inside one transaction, from the first append to
 * {@link #commit()}: an import of any size is all or nothing, and memory stays bounded because
 * each series' samples are written as soon as a chunk is full. The last, partial chunk of a series
 * is reopened when it grows again, so frequent small commits (a scrape every 15 s) still end in
 * full, well-compressed chunks.
 *
 * <p>Order: samples normally arrive in time order and go to the series' head. Older samples
 * (backfilling history behind newer data, or importing a file again) are collected per series
 * and merged into the chunks they overlap, in batches of at most {@value #LATE_BATCH}: a sample
 * already stored with the same value is dropped, so importing a file twice adds nothing; a
 * different value at a stored timestamp is refused with an {@link IllegalArgumentException}.
 * Not thread-safe: one thread writes at a time.
 */
final class SqliteSeriesWriter implements SeriesWriter {
    static final int LATE_BATCH = 8192;

    private final Workspace workspace;
    private final PostingsIndex index;
    private final Map<Labels, Head> heads = new HashMap<>();
    private final Map<Labels, Integer> newSeries = new HashMap<>();
    private Connection connection;
    private boolean inTransaction;

    SqliteSeriesWriter(Workspace workspace, PostingsIndex index) {
        this.workspace = workspace;
        this.index = index;
    }

    /** Samples of one series not yet in a full chunk. */
    private static final class Head {
        final int seriesId;
        long[] ts = new long[SqliteSeriesStore.CHUNK_SAMPLES];
        double[] vs = new double[SqliteSeriesStore.CHUNK_SAMPLES];
        int n;
        /** Newest timestamp already written in a full chunk, for order checks. */
        long lastWritten = Long.MIN_VALUE;
        long lastWrittenBits;
        /** Samples older than the head's newest, to be merged into stored chunks. */
        long[] lateTs = new long[0];
        double[] lateVs = new double[0];
        int late;

        void addLate(long t, double v) {
            if (late == lateTs.length) {
                lateTs = Arrays.copyOf(lateTs, Math.max(64, late * 2));
                lateVs = Arrays.copyOf(lateVs, Math.max(64, late * 2));
            }
            lateTs[late] = t;
            lateVs[late++] = v;
        }

        Head(int seriesId) {
            this.seriesId = seriesId;
        }

        long lastT() {
            return n > 0 ? ts[n - 1] : lastWritten;
        }

        long lastBits() {
            return n > 0 ? Double.doubleToRawLongBits(vs[n - 1]) : lastWrittenBits;
        }

        void add(long t, double v) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                vs = Arrays.copyOf(vs, n * 2);
            }
            ts[n] = t;
            vs[n++] = v;
        }
    }

    @Override
    public void append(Labels labels, long timestampMillis, double value) {
        try {
            begin();
            Head h = heads.get(labels);
            if (h == null) {
                h = open(labels);
                heads.put(labels, h);
            }
            long last = h.lastT();
            if (timestampMillis <= last) {
                if (timestampMillis == last && Double.doubleToRawLongBits(value) == h.lastBits()) {
                    return;
                }
                h.addLate(timestampMillis, value);
                if (h.late >= LATE_BATCH) {
                    mergeLate(labels, h);
                }
                return;
            }
            h.add(timestampMillis, value);
            if (h.n >= 2 * SqliteSeriesStore.CHUNK_SAMPLES) {
                flush(h, false);
            }
        } catch (SQLException e) {
            throw failure("could not append to the series store", e);
        }
    }

    private void begin() throws SQLException {
        if (connection == null) {
            connection = workspace.openConnection();
        }
        if (!inTransaction) {
            connection.setAutoCommit(false);
            inTransaction = true;
        }
    }

    /** The series' id (created if new) and its last chunk, reopened when not full. */
    private Head open(Labels labels) throws SQLException {
        Integer id = index.idOf(labels);
        if (id == null) {
            id = newSeries.get(labels);
        }
        if (id == null) {
            id = insertSeries(labels);
            newSeries.put(labels, id);
            return new Head(id);
        }
        Head h = new Head(id);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT samples, data FROM chunks WHERE series_id = ? ORDER BY min_t DESC LIMIT 1")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    byte[] data = rs.getBytes(2);
                    int count = rs.getInt(1);
                    long[] ts = new long[count];
                    double[] vs = new double[count];
                    XorChunk.decode(data, ts, vs, 0);
                    if (count < SqliteSeriesStore.CHUNK_SAMPLES) {
                        for (int i = 0; i < count; i++) {
                            h.add(ts[i], vs[i]); // rewritten under the same key (its first timestamp) on flush
                        }
                    } else {
                        h.lastWritten = ts[count - 1];
                        h.lastWrittenBits = Double.doubleToRawLongBits(vs[count - 1]);
                    }
                }
            }
        }
        return h;
    }

    private int insertSeries(Labels labels) throws SQLException {
        int id;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO series(metric, labels) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, labels.metricName());
            ps.setString(2, LabelCodec.encode(labels));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO series_labels(name, value, series_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < labels.size(); i++) {
                ps.setString(1, labels.name(i));
                ps.setString(2, labels.value(i));
                ps.setInt(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Writes full chunks; with {@code all}, the partial rest too (kept in the head for reuse). */
    private void flush(Head h, boolean all) throws SQLException {
        int size = SqliteSeriesStore.CHUNK_SAMPLES;
        int from = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO chunks(series_id, min_t, max_t, samples, data) VALUES (?, ?, ?, ?, ?)")) {
            while (h.n - from >= size || (all && h.n - from > 0)) {
                int to = Math.min(h.n, from + size);
                ps.setInt(1, h.seriesId);
                ps.setLong(2, h.ts[from]);
                ps.setLong(3, h.ts[to - 1]);
                ps.setInt(4, to - from);
                ps.setBytes(5, XorChunk.encode(h.ts, h.vs, from, to));
                ps.addBatch();
                if (to - from < size) {
                    break; // the partial tail stays in the head; it is rewritten when it grows
                }
                h.lastWritten = h.ts[to - 1];
                h.lastWrittenBits = Double.doubleToRawLongBits(h.vs[to - 1]);
                from = to;
            }
            ps.executeBatch();
        }
        if (from > 0) {
            h.ts = Arrays.copyOfRange(h.ts, from, Math.max(from + size, h.n));
            h.vs = Arrays.copyOfRange(h.vs, from, Math.max(from + size, h.n));
            h.n -= from;
        }
    }

    /**
     * Merges the series' late samples into the stored chunks they overlap: the head is flushed
     * first so that every stored sample is in a chunk, the overlapping chunks are decoded, merged
     * with the late samples and written again as contiguous chunks.
     */
    private void mergeLate(Labels labels, Head h) throws SQLException {
        if (h.late == 0) {
            return;
        }
        flush(h, true);
        long[] lt = Arrays.copyOf(h.lateTs, h.late);
        double[] lv = Arrays.copyOf(h.lateVs, h.late);
        h.late = 0;
        sortByTime(lt, lv);
        long lo = lt[0];
        long hi = lt[lt.length - 1];
        long[] st = new long[0];
        double[] sv = new double[0];
        int sn = 0;
        List<Long> replaced = new ArrayList<>();
        try (PreparedStatement sel = connection.prepareStatement(
                "SELECT min_t, data FROM chunks WHERE series_id = ? AND max_t >= ? AND min_t <= ? ORDER BY min_t")) {
            sel.setInt(1, h.seriesId);
            sel.setLong(2, lo);
            sel.setLong(3, hi);
            try (ResultSet rs = sel.executeQuery()) {
                while (rs.next()) {
                    byte[] data = rs.getBytes(2);
                    int count = XorChunk.count(data);
                    st = Arrays.copyOf(st, sn + count);
                    sv = Arrays.copyOf(sv, sn + count);
                    XorChunk.decode(data, st, sv, sn);
                    sn += count;
                    replaced.add(rs.getLong(1));
                }
            }
        }
        long[] mt = new long[sn + lt.length];
        double[] mv = new double[sn + lt.length];
        int m = 0;
        int i = 0;
        int j = 0;
        while (i < sn || j < lt.length) {
            if (j >= lt.length || (i < sn && st[i] < lt[j])) {
                mt[m] = st[i];
                mv[m++] = sv[i++];
            } else if (i >= sn || lt[j] < st[i]) {
                if (m > 0 && mt[m - 1] == lt[j]) { // the same late sample twice in one batch
                    requireSame(labels, lt[j], mv[m - 1], lv[j]);
                    j++;
                    continue;
                }
                mt[m] = lt[j];
                mv[m++] = lv[j++];
            } else {
                requireSame(labels, lt[j], sv[i], lv[j]);
                j++;
            }
        }
        // only now, with the merge known to be consistent, are stored chunks replaced
        try (PreparedStatement del = connection.prepareStatement("DELETE FROM chunks WHERE series_id = ? AND min_t = ?")) {
            for (long start : replaced) {
                del.setInt(1, h.seriesId);
                del.setLong(2, start);
                del.addBatch();
            }
            del.executeBatch();
        }
        try (PreparedStatement ins = connection.prepareStatement(
                "INSERT OR REPLACE INTO chunks(series_id, min_t, max_t, samples, data) VALUES (?, ?, ?, ?, ?)")) {
            for (int from = 0; from < m; from += SqliteSeriesStore.CHUNK_SAMPLES) {
                int to = Math.min(m, from + SqliteSeriesStore.CHUNK_SAMPLES);
                ins.setInt(1, h.seriesId);
                ins.setLong(2, mt[from]);
                ins.setLong(3, mt[to - 1]);
                ins.setInt(4, to - from);
                ins.setBytes(5, XorChunk.encode(mt, mv, from, to));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        // the head's tail may have been merged into a rewritten chunk: start the next appends afresh
        Head fresh = open(labels);
        h.ts = fresh.ts;
        h.vs = fresh.vs;
        h.n = fresh.n;
        h.lastWritten = fresh.lastWritten;
        h.lastWrittenBits = fresh.lastWrittenBits;
    }

    private static void requireSame(Labels labels, long t, double stored, double incoming) {
        if (Double.doubleToRawLongBits(stored) != Double.doubleToRawLongBits(incoming)) {
            throw new IllegalArgumentException("a different value for " + labels + " at " + t + " is already stored ("
                    + stored + ", now " + incoming + ")");
        }
    }

    private static void sortByTime(long[] ts, double[] vs) {
        Integer[] order = new Integer[ts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ts[a], ts[b]));
        long[] t2 = new long[ts.length];
        double[] v2 = new double[vs.length];
        for (int i = 0; i < order.length; i++) {
            t2[i] = ts[order[i]];
            v2[i] = vs[order[i]];
        }
        System.arraycopy(t2, 0, ts, 0, ts.length);
        System.arraycopy(v2, 0, vs, 0, vs.length);
    }

    @Override
    public void commit() {
        if (!inTransaction) {
            return;
        }
        try {
            for (Map.Entry<Labels, Head> e : heads.entrySet()) {
                flush(e.getValue(), true);
                mergeLate(e.getKey(), e.getValue());
            }
            connection.commit();
            connection.setAutoCommit(true);
            inTransaction = false;
            newSeries.forEach((labels, id) -> index.add(id, labels));
        } catch (SQLException e) {
            WorkspaceException f = failure("could not commit to the series store", e);
            rollbackAfter(f);
            throw f;
        } catch (RuntimeException e) {
            rollbackAfter(e);
            throw e;
        } finally {
            // the next transaction reopens what it touches: another writer or a delete may have changed it
            heads.clear();
            newSeries.clear();
        }
    }

    @Override
    public void rollback() {
        heads.clear();
        newSeries.clear();
        if (!inTransaction) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (!Workspace.isNoTransaction(e)) {
                throw failure("could not roll back the series store", e);
            }
            // SQLite had rolled the transaction back by itself (after SQLITE_FULL, for one): nothing is left to undo
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the same: no transaction to end
            }
        } finally {
            inTransaction = false;
        }
    }

    /** Rolls back after {@code first}; a failing rollback is attached to it instead of hiding it. */
    private void rollbackAfter(RuntimeException first) {
        try {
            rollback();
        } catch (RuntimeException e) {
            first.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            commit();
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // the data is committed; a failing close loses nothing
                }
                connection = null;
            }
        }
    }

    private WorkspaceException failure(String what, SQLException e) {
        String message = what + ": " + e.getMessage();
        if (e.getMessage() != null && (e.getMessage().contains("SQLITE_FULL") || e.getMessage().contains("disk is full"))) {
            message = "the disk is full: " + what + ". Nothing of this transaction was kept; free some space and try again.";
            return new WorkspaceException(WorkspaceException.Kind.DISK_FULL, workspace.file(), message, e);
        }
        return new WorkspaceException(WorkspaceException.Kind.IO, workspace.file(), message, e);
    }
}
