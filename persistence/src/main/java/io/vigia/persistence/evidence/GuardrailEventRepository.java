package io.vigia.persistence.evidence;

import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Guardrail decisions imported from audit logs ({@code guardrail_events}). Only the redacted
 * prompt is ever stored. {@code eventKey} identifies a decision (a hash of its fields), so
 * importing the same log again adds nothing.
 */
public final class GuardrailEventRepository {
    /**
     * The {@code source_sha256} of the demo's events: they illustrate the logs panels but do not
     * rebuild counters (the demo writes its own series), and go with the demo.
     */
    public static final String DEMO_SOURCE = "demo";
    /** The columns that are labels of an event's log stream, in the order they are shown. */
    public static final List<String> LABEL_COLUMNS = List.of("app", "direction", "decision", "category", "detector", "model");

    private final Workspace workspace;

    public GuardrailEventRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public record StoredEvent(String eventKey, long ts, String app, String direction, String decision, String category,
                              String detector, Double score, String model, String user, String requestId,
                              String redactedPrompt, String sourceSha256, long importedAt) {
        /** Never the prompt: records print every field, and logs are no place for prompt text. */
        @Override
        public String toString() {
            return "StoredEvent[" + eventKey + " " + ts + " " + app + " " + direction + " " + decision + " " + category + " " + detector + "]";
        }
    }

    /** The labels of {@code vigia_guardrail_decisions_total} one event counts towards. */
    public record LabelSet(String app, String direction, String decision, String category, String detector) {
    }

    /** Adds the events not stored yet, inside the caller's transaction; returns how many were new. */
    public static int insertNew(Connection c, List<StoredEvent> events) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO guardrail_events(event_key, ts, app, direction, decision, "
                + "category, detector, score, model, user, request_id, redacted_prompt, source_sha256, imported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_key) DO NOTHING")) {
            for (StoredEvent e : events) {
                ps.setString(1, e.eventKey());
                ps.setLong(2, e.ts());
                ps.setString(3, e.app());
                ps.setString(4, e.direction());
                ps.setString(5, e.decision());
                ps.setString(6, e.category());
                ps.setString(7, e.detector());
                if (e.score() == null) {
                    ps.setNull(8, Types.REAL);
                } else {
                    ps.setDouble(8, e.score());
                }
                ps.setString(9, e.model());
                ps.setString(10, e.user());
                ps.setString(11, e.requestId());
                ps.setString(12, e.redactedPrompt());
                ps.setString(13, e.sourceSha256());
                ps.setLong(14, e.importedAt());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** The timestamps of every stored event of one label set, ascending, inside the caller's transaction. */
    public static long[] timestamps(Connection c, LabelSet labels) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ts FROM guardrail_events WHERE app = ? AND direction = ? "
                + "AND decision = ? AND category = ? AND detector = ? AND source_sha256 <> '" + DEMO_SOURCE + "' ORDER BY ts")) {
            ps.setString(1, labels.app());
            ps.setString(2, labels.direction());
            ps.setString(3, labels.decision());
            ps.setString(4, labels.category());
            ps.setString(5, labels.detector());
            long[] out = new long[64];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rs.getLong(1);
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /** Every label set of the stored events, inside the caller's transaction. */
    public static List<LabelSet> labelSets(Connection c) throws SQLException {
        List<LabelSet> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT app, direction, decision, category, detector "
                + "FROM guardrail_events WHERE source_sha256 <> '" + DEMO_SOURCE + "' ORDER BY 1, 2, 3, 4, 5");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LabelSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    public int count() {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM guardrail_events"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Stored events in {@code [fromMs, toMs]}, by time. */
    public List<StoredEvent> between(long fromMs, long toMs) {
        return workspace.read(c -> {
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_key, ts, app, direction, decision, category, detector, "
                    + "score, model, user, request_id, redacted_prompt, source_sha256, imported_at FROM guardrail_events "
                    + "WHERE ts BETWEEN ? AND ? ORDER BY ts, id")) {
                ps.setLong(1, fromMs);
                ps.setLong(2, toMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble(8);
                        Double scoreOrNull = rs.wasNull() ? null : score;
                        out.add(new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), scoreOrNull, rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13), rs.getLong(14)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Visits the events in {@code [fromMs, toMs]}, newest first, whose label columns
     * ({@link #LABEL_COLUMNS}) equal the given values, until {@code visit} returns false.
     */
    public void scanNewestFirst(long fromMs, long toMs, java.util.Map<String, String> equal,
                                java.util.function.Predicate<StoredEvent> visit) {
        StringBuilder sql = new StringBuilder("SELECT event_key, ts, app, direction, decision, category, detector, score, model, "
                + "user, request_id, redacted_prompt, source_sha256, imported_at FROM guardrail_events WHERE ts BETWEEN ? AND ?");
        List<String> values = new ArrayList<>();
        equal.forEach((column, value) -> {
            if (!LABEL_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not a label column: " + column);
            }
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        });
        sql.append(" ORDER BY ts DESC, id DESC");
        workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setLong(1, fromMs);
                ps.setLong(2, toMs);
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(3 + i, values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble(8);
                        Double scoreOrNull = rs.wasNull() ? null : score;
                        StoredEvent e = new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), scoreOrNull, rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14));
                        if (!visit.test(e)) {
                            break;
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Deletes the events imported from one source (e.g. {@link #DEMO_SOURCE}), inside the caller's transaction. */
    public static int deleteSource(Connection c, String sourceSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM guardrail_events WHERE source_sha256 = ?")) {
            ps.setString(1, sourceSha256);
            return ps.executeUpdate();
        }
    }
}
