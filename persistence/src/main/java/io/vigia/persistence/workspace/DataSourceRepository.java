package io.vigia.persistence.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remote data sources of a workspace. {@code settings} is the connection settings as JSON, which
 * by construction holds references to secrets (an environment variable's name, a keyring key),
 * never a secret itself.
 */
public final class DataSourceRepository {
    private final Workspace workspace;

    public DataSourceRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public record StoredDataSource(String name, String kind, String url, String settings, boolean isDefault, long updatedAt) {
    }

    /** Inserts or replaces by name; making one the default clears the flag on the others of its kind. */
    public void save(String name, String kind, String url, String settings, boolean isDefault) {
        long now = workspace.clock().millis();
        workspace.write(c -> {
            if (isDefault) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE data_sources SET is_default = 0 WHERE kind = ?")) {
                    ps.setString(1, kind);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO data_sources(name, kind, url, settings, is_default, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, url = excluded.url, "
                            + "settings = excluded.settings, is_default = excluded.is_default, updated_at = excluded.updated_at")) {
                ps.setString(1, name);
                ps.setString(2, kind);
                ps.setString(3, url);
                ps.setString(4, settings);
                ps.setInt(5, isDefault ? 1 : 0);
                ps.setLong(6, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<StoredDataSource> list() {
        return workspace.read(c -> {
            List<StoredDataSource> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, kind, url, settings, is_default, updated_at FROM data_sources ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    public Optional<StoredDataSource> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean delete(String name) {
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM data_sources WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static StoredDataSource row(ResultSet rs) throws SQLException {
        return new StoredDataSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0, rs.getLong(6));
    }
}
