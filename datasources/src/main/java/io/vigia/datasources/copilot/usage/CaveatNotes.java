package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.copilot.CopilotSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code copilot_report_notes} in step with the stored reports, inside the import's
 * transaction: for each day with team data, how many users of the users report are on no team
 * in the user-teams report (GitHub leaves out teams under five seated users) and how many are on
 * several teams; for the scope, where its history changes between the legacy API and the usage
 * reports (from {@code copilot_days}).
 */
public final class CaveatNotes {
    private CaveatNotes() {
    }

    /** Recomputes the team notes of the given days. */
    public static void recomputeTeams(Connection c, String scope, Collection<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            delete(c, scope, day, Caveat.Kind.TEAMS_BELOW_FIVE_SEATS);
            delete(c, scope, day, Caveat.Kind.MULTI_TEAM_USERS);
            long memberships = count(c, "SELECT COUNT(*) FROM copilot_team_members WHERE scope = ? AND day = ?", scope, day);
            if (memberships == 0) {
                continue;
            }
            long users = count(c, "SELECT COUNT(*) FROM copilot_report_records WHERE scope = ? AND day = ? AND kind = 'user'", scope, day);
            long teamless = count(c, "SELECT COUNT(*) FROM copilot_report_records r WHERE r.scope = ? AND r.day = ? AND r.kind = 'user' "
                    + "AND NOT EXISTS (SELECT 1 FROM copilot_team_members m WHERE m.scope = r.scope AND m.day = r.day "
                    + "AND m.user_id = r.subject)", scope, day);
            long multi = count(c, "SELECT COUNT(*) FROM (SELECT user_id FROM copilot_team_members WHERE scope = ? AND day = ? "
                    + "GROUP BY user_id HAVING COUNT(*) > 1)", scope, day);
            insert(c, new Caveat(Caveat.Kind.TEAMS_BELOW_FIVE_SEATS, day, "", teamless, users == 0
                    ? "no users report for " + day + ": team numbers join it with the user-teams report, so the teams show no activity"
                    : teamless + " of " + users + " users in the users report of " + day + " are on no team of the user-teams report: "
                    + "GitHub leaves out teams with fewer than five seated Copilot users, so their activity is in no team's numbers "
                    + "and the teams add up to less than the whole"), scope);
            insert(c, new Caveat(Caveat.Kind.MULTI_TEAM_USERS, day, "", multi, multi + " users are on several teams on " + day
                    + ": each of their teams counts them, so teams added together count them more than once"), scope);
        }
    }

    /** Recomputes the scope's re-baseline markers from the source of every stored day; returns them. */
    public static List<Caveat> recomputeRebaselines(Connection c, String scope) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM copilot_report_notes WHERE scope = ? AND kind = ?")) {
            del.setString(1, scope);
            del.setString(2, Caveat.Kind.REBASELINE.label());
            del.executeUpdate();
        }
        List<Caveat> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day, source FROM copilot_days WHERE scope = ? ORDER BY day")) {
            ps.setString(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                String previousDay = null;
                Boolean previousLegacy = null;
                String previousSource = null;
                while (rs.next()) {
                    String source = rs.getString(2);
                    boolean legacy = !CopilotSource.USAGE_REPORT.label().equals(source);
                    if (previousLegacy != null && previousLegacy != legacy) {
                        LocalDate day = LocalDate.parse(rs.getString(1));
                        out.add(new Caveat(Caveat.Kind.REBASELINE, day, previousSource + "→" + source, 1,
                                "re-baseline: up to " + previousDay + " this history comes from " + describe(previousSource) + ", from " + day
                                        + " from " + describe(source) + "; GitHub: the usage reports count more surfaces, \"expect higher "
                                        + "values and re-baseline rather than diffing across the cutover\", so no week-over-week change "
                                        + "is shown across this day"));
                    }
                    previousDay = rs.getString(1);
                    previousLegacy = legacy;
                    previousSource = source;
                }
            }
        }
        for (Caveat m : out) {
            insert(c, m, scope);
        }
        return out;
    }

    /**
     * Notes, on the day of a seat listing, each team with fewer than five seats assigned through it:
     * GitHub leaves such teams out of the user-teams report.
     */
    public static void recordSmallTeams(Connection c, String scope, LocalDate day, Map<String, Integer> seatsByTeam) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM copilot_report_notes WHERE scope = ? AND day = ? AND kind = ? "
                + "AND subject <> ''")) {
            del.setString(1, scope);
            del.setString(2, day.toString());
            del.setString(3, Caveat.Kind.TEAMS_BELOW_FIVE_SEATS.label());
            del.executeUpdate();
        }
        for (Map.Entry<String, Integer> t : seatsByTeam.entrySet()) {
            if (t.getValue() < 5) {
                insert(c, new Caveat(Caveat.Kind.TEAMS_BELOW_FIVE_SEATS, day, t.getKey(), t.getValue(), "team " + t.getKey() + " has "
                        + t.getValue() + " Copilot seat" + (t.getValue() == 1 ? "" : "s") + " assigned through it: GitHub leaves teams "
                        + "with fewer than five seated users out of the user-teams report, so it has no team numbers"), scope);
            }
        }
    }

    private static String describe(String source) {
        return CopilotSource.USAGE_REPORT.label().equals(source) ? "the usage reports (activities)"
                : "the legacy metrics API (" + source + ", suggestions)";
    }

    private static void delete(Connection c, String scope, LocalDate day, Caveat.Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM copilot_report_notes WHERE scope = ? AND day = ? AND kind = ? "
                + "AND subject = ''")) {
            ps.setString(1, scope);
            ps.setString(2, day.toString());
            ps.setString(3, kind.label());
            ps.executeUpdate();
        }
    }

    static void insert(Connection c, Caveat n, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO copilot_report_notes(scope, day, kind, subject, count, note) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(scope, day, kind, subject) DO UPDATE SET count = excluded.count, "
                + "note = excluded.note")) {
            ps.setString(1, scope);
            ps.setString(2, n.day().toString());
            ps.setString(3, n.kind().label());
            ps.setString(4, n.subject());
            ps.setLong(5, n.count());
            ps.setString(6, n.message());
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, String scope, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The stored notes of a scope between two days, in day order. */
    public static List<Caveat> read(Connection c, String scope, LocalDate from, LocalDate to) throws SQLException {
        List<Caveat> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day, kind, subject, count, note FROM copilot_report_notes "
                + "WHERE scope = ? AND day BETWEEN ? AND ? ORDER BY day, kind, subject")) {
            ps.setString(1, scope);
            ps.setString(2, from.toString());
            ps.setString(3, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Caveat(Caveat.Kind.ofLabel(rs.getString(2)), LocalDate.parse(rs.getString(1)), rs.getString(3),
                            rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return out;
    }
}
