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
    private static final String INSERT_CHUNK =
            "INSERT OR REPLACE INTO chunks(series_id, min_t, max_t, samples, data) VALUES (?, ?, ?, ?, ?)";

    private final Workspace workspace;
    private final PostingsIndex index;
    private final Map<Labels, Head> heads = new HashMap<>();
    private final Map<Labels, Integer> newSeries = new HashMap<>();
    private Connection connection;
    private boolean inTransaction;
    /** The chunk insert of the open transaction, prepared once: a bulk import writes thousands of chunks. */
    private PreparedStatement insertChunk;

    SqliteSeriesWriter(Workspace workspace, PostingsIndex index) {
        this.workspace = workspace;
        this.index = index;
    }

    /** The chunk of one series being filled, and the series' newest sample. */
    private static final class Head {
        final int seriesId;
        /** The open chunk (possibly a partial chunk reopened from the store); null until the next sample. */
        ChunkAppender chunk;
        /** Whether the open chunk has samples not yet written. */
        boolean dirty;
        /** Newest timestamp of the series and its value's bits, for order and duplicate checks. */
        long lastT = Long.MIN_VALUE;
        long lastBits;
        /** Samples older than the newest, to be merged into stored chunks. */
        long[] lateTs = new long[0];
        double[] lateVs = new double[0];
        int late;

        Head(int seriesId) {
            this.seriesId = seriesId;
        }

        void addLate(long t, double v) {
            if (late == lateTs.length) {
                lateTs = Arrays.copyOf(lateTs, Math.max(64, late * 2));
                lateVs = Arrays.copyOf(lateVs, Math.max(64, late * 2));
            }
            lateTs[late] = t;
            lateVs[late++] = v;
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
            if (timestampMillis <= h.lastT) {
                if (timestampMillis == h.lastT && Double.doubleToRawLongBits(value) == h.lastBits) {
                    return;
                }
                h.addLate(timestampMillis, value);
                if (h.late >= LATE_BATCH) {
                    mergeLate(labels, h);
                }
                return;
            }
            if (h.chunk == null) {
                h.chunk = new ChunkAppender();
            }
            h.chunk.append(timestampMillis, value);
            h.lastT = timestampMillis;
            h.lastBits = Double.doubleToRawLongBits(value);
            h.dirty = true;
            if (h.chunk.full()) {
                write(h);
                h.chunk = null;
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
                "SELECT data FROM chunks WHERE series_id = ? ORDER BY min_t DESC LIMIT 1")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    ChunkAppender last = ChunkAppender.resume(rs.getBytes(1));
                    h.lastT = last.maxT();
                    h.lastBits = last.lastBits();
                    if (!last.full()) {
                        h.chunk = last; // rewritten under the same key (its first timestamp) when it grows
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
        return id;
    }

    /** Writes the head's open chunk if it has unwritten samples; it stays open for more. */
    private void write(Head h) throws SQLException {
        if (!h.dirty) {
            return;
        }
        if (insertChunk == null) {
            insertChunk = connection.prepareStatement(INSERT_CHUNK);
        }
        ChunkAppender c = h.chunk;
        insertChunk.setInt(1, h.seriesId);
        insertChunk.setLong(2, c.minT());
        insertChunk.setLong(3, c.maxT());
        insertChunk.setInt(4, c.count());
        insertChunk.setBytes(5, c.toBytes());
        insertChunk.executeUpdate();
        h.dirty = false;
    }

    /**
     * Writes every head's partial chunk, largest and smallest alternately. A full chunk fills a
     * page by itself, but the partial ones have any size, and SQLite appends each row to the
     * last page when it fits there and to a new page otherwise: in order of arrival two partial
     * chunks rarely share a page, and the end of an import left about half a page empty per series.
     * Paired largest with smallest, most pairs fit one page.
     */
    private void writeOpenChunks() throws SQLException {
        List<Head> open = new ArrayList<>();
        for (Head h : heads.values()) {
            if (h.dirty) {
                open.add(h);
            }
        }
        open.sort(java.util.Comparator.comparingInt(h -> h.chunk.size()));
        for (int small = 0, large = open.size() - 1; small <= large; large--) {
            write(open.get(large));
            if (small < large) {
                write(open.get(small++));
            }
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
        write(h);
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
        try (PreparedStatement ins = connection.prepareStatement(INSERT_CHUNK)) {
            for (XorChunk.Encoded c : XorChunk.encodeCut(mt, mv, 0, m)) {
                ins.setInt(1, h.seriesId);
                ins.setLong(2, c.minT());
                ins.setLong(3, c.maxT());
                ins.setInt(4, c.samples());
                ins.setBytes(5, c.data());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        // the head's tail may have been merged into a rewritten chunk: start the next appends afresh
        Head fresh = open(labels);
        h.chunk = fresh.chunk;
        h.dirty = false;
        h.lastT = fresh.lastT;
        h.lastBits = fresh.lastBits;
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
            writeOpenChunks();
            for (Map.Entry<Labels, Head> e : heads.entrySet()) {
                mergeLate(e.getKey(), e.getValue());
            }
            closeInsert();
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
        try {
            closeInsert();
        } catch (SQLException e) {
            // the statement goes with the rolled-back transaction; nothing of it is kept
        }
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

    private void closeInsert() throws SQLException {
        if (insertChunk != null) {
            PreparedStatement ps = insertChunk;
            insertChunk = null;
            ps.close();
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
