package io.vigia.persistence.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remote query results kept in the workspace (table {@code query_cache}): what was fetched for a
 * source and expression over which range at which step, and when. The payload is opaque here.
 * The cache holds at most {@code maxBytes} of payload; the entries fetched longest ago go first.
 */
public final class QueryCacheRepository {
    /** An instant query's "step". */
    public static final long INSTANT = -1;

    private final Workspace workspace;
    private final long maxBytes;

    public QueryCacheRepository(Workspace workspace, long maxBytes) {
        this.workspace = workspace;
        this.maxBytes = maxBytes;
    }

    /** What is cached for one range, without its payload. */
    public record Entry(String source, String expr, long stepMs, long startMs, long endMs, long fetchedAt, long bytes) {
        public boolean covers(long start, long end) {
            return startMs <= start && end <= endMs;
        }

        /** How much of [start, end] this entry holds, in ms. */
        public long overlap(long start, long end) {
            return Math.max(0, Math.min(end, endMs) - Math.max(start, startMs));
        }
    }

    public List<Entry> entries(String source, String expr) {
        return workspace.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT step_ms, start_ms, end_ms, fetched_at, bytes FROM query_cache "
                    + "WHERE source = ? AND expr = ? ORDER BY fetched_at DESC")) {
                ps.setString(1, source);
                ps.setString(2, expr);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(source, expr, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<byte[]> payload(Entry e) {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM query_cache "
                    + "WHERE source = ? AND expr = ? AND step_ms = ? AND start_ms = ? AND end_ms = ?")) {
                ps.setString(1, e.source());
                ps.setString(2, e.expr());
                ps.setLong(3, e.stepMs());
                ps.setLong(4, e.startMs());
                ps.setLong(5, e.endMs());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /**
     * Stores a fetched range, drops the entries of the same query it covers (same step), and evicts
     * the oldest entries beyond the size cap, all in one transaction.
     */
    public void put(Entry e, byte[] payload) {
        if (payload.length > maxBytes) {
            return;
        }
        workspace.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM query_cache WHERE source = ? AND expr = ? AND step_ms = ? "
                    + "AND start_ms >= ? AND end_ms <= ?")) {
                del.setString(1, e.source());
                del.setString(2, e.expr());
                del.setLong(3, e.stepMs());
                del.setLong(4, e.startMs());
                del.setLong(5, e.endMs());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO query_cache"
                    + "(source, expr, step_ms, start_ms, end_ms, fetched_at, bytes, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.source());
                ps.setString(2, e.expr());
                ps.setLong(3, e.stepMs());
                ps.setLong(4, e.startMs());
                ps.setLong(5, e.endMs());
                ps.setLong(6, e.fetchedAt());
                ps.setLong(7, payload.length);
                ps.setBytes(8, payload);
                ps.executeUpdate();
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(bytes), 0) FROM query_cache");
                 ResultSet rs = ps.executeQuery()) {
                total = rs.next() ? rs.getLong(1) : 0;
            }
            if (total > maxBytes) {
                List<long[]> victims = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT rowid, bytes FROM query_cache ORDER BY fetched_at");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && total > maxBytes) {
                        victims.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        total -= rs.getLong(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM query_cache WHERE rowid = ?")) {
                    for (long[] v : victims) {
                        ps.setLong(1, v[0]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /** Forgets everything cached for a source (it was edited or deleted). */
    public void clear(String source) {
        workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM query_cache WHERE source = ?")) {
                ps.setString(1, source);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
