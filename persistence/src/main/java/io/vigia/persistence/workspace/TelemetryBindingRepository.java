package io.vigia.persistence.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The telemetry bindings of the workspace's data sources, stored as JSON text per source and input
 * (the datasources module owns the format). A probe's result and the user's override live side by
 * side: saving a probe never touches an override.
 */
public final class TelemetryBindingRepository {
    private final Workspace workspace;

    public TelemetryBindingRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One source's input: the last probe's JSON and the override's, either may be null. */
    public record Row(String source, String input, String probe, Long probedAt, String override, Long overriddenAt) {
    }

    /**
     * Replaces what probing found for {@code source}, in one transaction: the given inputs get their
     * new JSON, inputs the probe did not report lose their old probe; overrides stay.
     */
    public void saveProbe(String source, Map<String, String> probeByInput) {
        long now = workspace.clock().millis();
        workspace.write(c -> {
            try (PreparedStatement clear = c.prepareStatement(
                    "UPDATE telemetry_bindings SET probe = NULL, probed_at = NULL WHERE source = ?")) {
                clear.setString(1, source);
                clear.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO telemetry_bindings(source, input, probe, probed_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT(source, input) DO UPDATE SET probe = excluded.probe, probed_at = excluded.probed_at")) {
                for (Map.Entry<String, String> e : probeByInput.entrySet()) {
                    ps.setString(1, source);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.setLong(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement tidy = c.prepareStatement(
                    "DELETE FROM telemetry_bindings WHERE source = ? AND probe IS NULL AND override IS NULL")) {
                tidy.setString(1, source);
                tidy.executeUpdate();
            }
            return null;
        });
    }

    /** Sets (or replaces) the user's binding of one input. */
    public void saveOverride(String source, String input, String json) {
        long now = workspace.clock().millis();
        workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO telemetry_bindings(source, input, override, overridden_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT(source, input) DO UPDATE SET override = excluded.override, overridden_at = excluded.overridden_at")) {
                ps.setString(1, source);
                ps.setString(2, input);
                ps.setString(3, json);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Drops the user's binding of one input, so the probed one applies again; true when there was one. */
    public boolean clearOverride(String source, String input) {
        return workspace.write(c -> {
            boolean had;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE telemetry_bindings SET override = NULL, overridden_at = NULL WHERE source = ? AND input = ? AND override IS NOT NULL")) {
                ps.setString(1, source);
                ps.setString(2, input);
                had = ps.executeUpdate() > 0;
            }
            try (PreparedStatement tidy = c.prepareStatement(
                    "DELETE FROM telemetry_bindings WHERE source = ? AND input = ? AND probe IS NULL AND override IS NULL")) {
                tidy.setString(1, source);
                tidy.setString(2, input);
                tidy.executeUpdate();
            }
            return had;
        });
    }

    public List<Row> list(String source) {
        return workspace.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source, input, probe, probed_at, override, overridden_at "
                    + "FROM telemetry_bindings WHERE source = ? ORDER BY input")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Forgets every binding of a source (it was deleted, or now points elsewhere). */
    public void deleteSource(String source) {
        workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM telemetry_bindings WHERE source = ?")) {
                ps.setString(1, source);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        long probedAt = rs.getLong(4);
        Long p = rs.wasNull() ? null : probedAt;
        long overriddenAt = rs.getLong(6);
        Long o = rs.wasNull() ? null : overriddenAt;
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), p, rs.getString(5), o);
    }
}
