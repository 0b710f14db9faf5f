package io.vigia.persistence.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dashboards of a workspace, stored as documents keyed by uid. */
public final class DashboardRepository {
    private final Workspace workspace;

    public DashboardRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Inserts or replaces a dashboard; returns its new version. */
    public long save(String uid, String title, String document) {
        long now = workspace.clock().millis();
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dashboards(uid, title, document, version, updated_at) VALUES (?, ?, ?, 1, ?) "
                            + "ON CONFLICT(uid) DO UPDATE SET title = excluded.title, document = excluded.document, "
                            + "version = dashboards.version + 1, updated_at = excluded.updated_at "
                            + "RETURNING version")) {
                ps.setString(1, uid);
                ps.setString(2, title);
                ps.setString(3, document);
                ps.setLong(4, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public Optional<StoredDashboard> find(String uid) {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT uid, title, document, version, updated_at FROM dashboards WHERE uid = ?")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<StoredDashboard> list() {
        return workspace.read(c -> {
            List<StoredDashboard> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT uid, title, document, version, updated_at FROM dashboards ORDER BY title COLLATE NOCASE, uid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    public boolean delete(String uid) {
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboards WHERE uid = ?")) {
                ps.setString(1, uid);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static StoredDashboard row(ResultSet rs) throws SQLException {
        return new StoredDashboard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
    }
}
