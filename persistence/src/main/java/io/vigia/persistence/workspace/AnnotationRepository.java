package io.vigia.persistence.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual annotations (and saved ones from other sources) of a workspace: a time or a region,
 * text and tags, optionally bound to one dashboard (null: shown on every dashboard).
 */
public final class AnnotationRepository {
    private final Workspace workspace;

    public AnnotationRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** {@code endMs} is null for a point in time; {@code tagsJson} a JSON array of strings. */
    public record Annotation(long id, String dashboardUid, long timeMs, Long endMs, String text, String tagsJson, String source) {
    }

    /** Saves a new annotation; returns its id. */
    public long add(String dashboardUid, long timeMs, Long endMs, String text, String tagsJson, String source) {
        long now = workspace.clock().millis();
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotations(dashboard_uid, time_ms, end_ms, text, tags, source, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, dashboardUid);
                ps.setLong(2, timeMs);
                if (endMs == null) {
                    ps.setNull(3, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(3, endMs);
                }
                ps.setString(4, text);
                ps.setString(5, tagsJson == null ? "[]" : tagsJson);
                ps.setString(6, source == null ? "manual" : source);
                ps.setLong(7, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Annotations of a dashboard (and the global ones) that touch {@code [fromMs, toMs]}, by time. */
    public List<Annotation> between(String dashboardUid, long fromMs, long toMs) {
        return workspace.read(c -> {
            List<Annotation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dashboard_uid, time_ms, end_ms, text, tags, source FROM annotations "
                    + "WHERE (dashboard_uid = ? OR dashboard_uid IS NULL) AND time_ms <= ? AND coalesce(end_ms, time_ms) >= ? "
                    + "ORDER BY time_ms, id")) {
                ps.setString(1, dashboardUid);
                ps.setLong(2, toMs);
                ps.setLong(3, fromMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long end = rs.getLong(4);
                        // wasNull speaks of the column read last, so it is asked right after end_ms
                        Long endMs = rs.wasNull() ? null : end;
                        out.add(new Annotation(rs.getLong(1), rs.getString(2), rs.getLong(3), endMs,
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    public boolean delete(long id) {
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM annotations WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
