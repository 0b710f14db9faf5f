package io.vigia.persistence.reports;

import io.vigia.persistence.workspace.Workspace;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The history of generated reports in the workspace, newest first. */
public final class GeneratedReportRepository {
    private static final String COLUMNS = "id, dashboard_uid, dashboard_title, week, zone, formats, directory, files, partial, "
            + "no_data, trigger, generated_at";

    private final Workspace workspace;

    public GeneratedReportRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Stores the entry; returns it with its id. */
    public GeneratedReport add(GeneratedReport r) {
        long id = workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO generated_reports (dashboard_uid, dashboard_title, week, "
                    + "zone, formats, directory, files, partial, no_data, trigger, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.dashboardUid());
                ps.setString(2, r.dashboardTitle());
                ps.setString(3, r.week());
                ps.setString(4, r.zone());
                ps.setString(5, r.formats());
                ps.setString(6, r.directory().toString());
                ps.setString(7, String.join("\n", r.files().stream().map(Path::toString).toList()));
                ps.setInt(8, r.partial() ? 1 : 0);
                ps.setInt(9, r.noData() ? 1 : 0);
                ps.setString(10, r.trigger());
                ps.setLong(11, r.generatedAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return r.withId(id);
    }

    /** The newest {@code limit} entries, newest first. */
    public List<GeneratedReport> recent(int limit) {
        return workspace.read(c -> {
            List<GeneratedReport> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM generated_reports ORDER BY generated_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The newest entry written by the schedule for that dashboard and week, if any. */
    public Optional<GeneratedReport> latestScheduled(String dashboardUid, String week) {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM generated_reports WHERE dashboard_uid = ? "
                    + "AND week = ? AND trigger = ? ORDER BY generated_at DESC LIMIT 1")) {
                ps.setString(1, dashboardUid);
                ps.setString(2, week);
                ps.setString(3, GeneratedReport.SCHEDULE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Forgets an entry (the files stay where they are). */
    public boolean delete(long id) {
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM generated_reports WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static GeneratedReport read(ResultSet rs) throws SQLException {
        String files = rs.getString(8);
        return new GeneratedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Path.of(rs.getString(7)),
                files.isEmpty() ? List.of() : Arrays.stream(files.split("\n")).map(Path::of).toList(),
                rs.getInt(9) == 1, rs.getInt(10) == 1, rs.getString(11), rs.getLong(12));
    }
}
