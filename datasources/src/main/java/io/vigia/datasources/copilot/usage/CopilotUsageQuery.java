package io.vigia.datasources.copilot.usage;

import io.vigia.persistence.workspace.Workspace;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stored usage-report numbers of a scope by day and dimension, with GitHub's caveats
 * enforced: counts of distinct users are never added over days ({@link #totals} refuses them;
 * teams get the distinct count over the range, GitHub's recipe) nor over teams
 * ({@link #teams} gives the number across teams with each user once), and a week is not compared
 * with the week before when a re-baseline lies between them ({@link #weekOverWeek}). The notes a
 * chart must show come with the numbers or from {@link #caveats}.
 */
public final class CopilotUsageQuery {
    /** Group {@link #totals} by the record's subject (the user id of user records, the repository id). */
    public static final String BY_SUBJECT = "@subject";
    /** Group {@link #totals} by the element's whole dimension (its JSON object, e.g. {"model":"gpt-4.1","feature":"code_completion"}). */
    public static final String BY_DIMENSION = "@dimension";

    private final Workspace workspace;

    public CopilotUsageQuery(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The measure's value per day (summed over the matching elements, and over users for user measures). */
    public DayValues daily(String scope, Measure m, LocalDate from, LocalDate to) {
        return workspace.read(c -> {
            Filter f = new Filter("", m, scope, from, to);
            List<long[]> days = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, SUM(num) FROM copilot_report_values WHERE " + f.sql
                    + " GROUP BY day ORDER BY day")) {
                f.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(new long[] {LocalDate.parse(rs.getString(1)).toEpochDay()});
                        values.add(rs.getDouble(2));
                    }
                }
            }
            return new DayValues(days.stream().mapToLong(d -> d[0]).toArray(), values.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    /**
     * The measure added over the days of the range, per value of {@code groupBy} (a key of the
     * breakdown, e.g. "ide" or "comment_type"; '' for one total). Refused for counts of distinct
     * users over more than one day. For users' {@code used_*} flags: the users who set the flag on
     * any day of the range, each once.
     */
    public UsageTotals totals(String scope, Measure m, String groupBy, LocalDate from, LocalDate to) {
        if (m.isDistinctUserCount() && from.isBefore(to)) {
            return new UsageTotals.Refused(distinctUsers(m, from, "days"));
        }
        return workspace.read(c -> {
            Filter f = new Filter("", m, scope, from, to);
            Map<String, Double> out = new LinkedHashMap<>();
            String group = switch (groupBy) {
                case "" -> "''";
                case BY_SUBJECT -> "subject";
                case BY_DIMENSION -> "dimension";
                default -> "CAST(json_extract(nullif(dimension, ''), ?) AS TEXT)";
            };
            try (PreparedStatement ps = c.prepareStatement("SELECT " + group + " AS g, SUM(num), "
                    + "COUNT(DISTINCT CASE WHEN num <> 0 THEN subject END), MAX(type), COUNT(DISTINCT day) FROM copilot_report_values "
                    + "WHERE " + f.sql + " GROUP BY g ORDER BY SUM(num) DESC")) {
                int i = 1;
                if (!groupBy.isEmpty() && !groupBy.startsWith("@")) {
                    ps.setString(i++, Filter.path(groupBy));
                }
                f.bind(ps, i);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean flag = "boolean".equals(rs.getString(4)) && m.kind() == ReportKind.USER;
                        out.put(rs.getString(1) == null ? "" : rs.getString(1), flag ? rs.getDouble(3) : rs.getDouble(2));
                    }
                }
            }
            return new UsageTotals.Sum(out, daysWithData(c, scope, from, to), CaveatNotes.read(c, scope, from, to).stream()
                    .filter(n -> n.kind() == Caveat.Kind.REBASELINE).toList());
        });
    }

    /**
     * A users' measure per team over the range, from GitHub's join of the user-teams and users
     * reports (team-level-metrics.md): volume counters added over the team's members and days,
     * {@code used_*} flags as the members who set them on any day, each once.
     */
    public TeamTotals teams(String scope, Measure m, LocalDate from, LocalDate to) {
        if (m.kind() != ReportKind.USER) {
            throw new IllegalArgumentException("team numbers come from the users report: use Measure.ofUsers, not " + m.kind());
        }
        return workspace.read(c -> {
            Filter f = new Filter("v.", m, scope, from, to);
            String values = "SUM(v.num), COUNT(DISTINCT CASE WHEN v.num <> 0 THEN v.subject END), MAX(v.type)";
            Map<String, Double> byTeam = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.team_id, m.slug, " + values + " FROM copilot_team_members m "
                    + "JOIN copilot_report_values v ON v.scope = m.scope AND v.day = m.day AND v.subject = m.user_id WHERE "
                    + f.sql + " GROUP BY m.team_id, m.slug ORDER BY m.slug")) {
                f.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byTeam.put(rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(2),
                                "boolean".equals(rs.getString(5)) ? rs.getDouble(4) : rs.getDouble(3));
                    }
                }
            }
            double across = Double.NaN;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + values + " FROM copilot_report_values v WHERE " + f.sql
                    + " AND EXISTS (SELECT 1 FROM copilot_team_members m WHERE m.scope = v.scope AND m.day = v.day "
                    + "AND m.user_id = v.subject)")) {
                f.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(3) != null) {
                        across = "boolean".equals(rs.getString(3)) ? rs.getDouble(2) : rs.getDouble(1);
                    }
                }
            }
            return new TeamTotals(byTeam, across, teamCaveats(c, scope, from, to));
        });
    }

    /** Per team, its members with a row in the users report on any day of the range, each once (GitHub's COUNT(DISTINCT user_id)). */
    public TeamTotals teamActiveUsers(String scope, LocalDate from, LocalDate to) {
        return workspace.read(c -> {
            String joined = " FROM copilot_team_members m WHERE m.scope = ? AND m.day BETWEEN ? AND ? AND EXISTS (SELECT 1 "
                    + "FROM copilot_report_records r WHERE r.scope = m.scope AND r.day = m.day AND r.kind = 'user' AND r.subject = m.user_id)";
            Map<String, Double> byTeam = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.team_id, m.slug, COUNT(DISTINCT m.user_id)" + joined
                    + " GROUP BY m.team_id, m.slug ORDER BY m.slug")) {
                bindRange(ps, scope, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byTeam.put(rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(2), rs.getDouble(3));
                    }
                }
            }
            double across;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT m.user_id)" + joined)) {
                bindRange(ps, scope, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    across = rs.next() ? rs.getDouble(1) : 0;
                }
            }
            return new TeamTotals(byTeam, across, teamCaveats(c, scope, from, to));
        });
    }

    /** The login of every user with a record in the range (user id to login; the latest login wins). */
    public Map<String, String> userLogins(String scope, LocalDate from, LocalDate to) {
        return workspace.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, text FROM copilot_report_values WHERE scope = ? "
                    + "AND day BETWEEN ? AND ? AND kind = 'user' AND breakdown = '' AND field IN ('login', 'user_login') "
                    + "ORDER BY day, field")) {
                bindRange(ps, scope, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Every note stored for the scope's days in the range (re-baselines, teams under five seats, users on several teams). */
    public List<Caveat> caveats(String scope, LocalDate from, LocalDate to) {
        return workspace.read(c -> CaveatNotes.read(c, scope, from, to));
    }

    /**
     * The week starting on {@code weekStart} against the seven days before it: volume counters
     * added over each week, counts of distinct users taken on each week's last day with data (never
     * added). Refused when the scope's history changes source within the two weeks.
     */
    public WeekOverWeek weekOverWeek(String scope, Measure m, LocalDate weekStart) {
        LocalDate previousStart = weekStart.minusDays(7);
        LocalDate end = weekStart.plusDays(6);
        for (Caveat n : caveats(scope, previousStart.plusDays(1), end)) {
            if (n.kind() == Caveat.Kind.REBASELINE) {
                return new WeekOverWeek.Refused(weekStart, n);
            }
        }
        double current = week(scope, m, weekStart, end);
        double previous = week(scope, m, previousStart, weekStart.minusDays(1));
        return new WeekOverWeek.Change(weekStart, current, previous, previous == 0 || Double.isNaN(previous)
                ? Double.NaN : (current - previous) / previous);
    }

    /** The record as stored, rebuilt from its values (see {@link ReportRecordRebuilder}). */
    public Optional<ObjectNode> record(String scope, LocalDate day, ReportKind kind, String subject) {
        return workspace.read(c -> {
            List<ReportValue> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT breakdown, dimension, field, type, num, text "
                    + "FROM copilot_report_values WHERE scope = ? AND day = ? AND kind = ? AND subject = ?")) {
                ps.setString(1, scope);
                ps.setString(2, day.toString());
                ps.setString(3, kind.label());
                ps.setString(4, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double num = rs.getDouble(5);
                        values.add(new ReportValue(rs.getString(1), rs.getString(2), rs.getString(3),
                                ReportValue.Type.ofLabel(rs.getString(4)), rs.wasNull() ? Double.NaN : num, rs.getString(6)));
                    }
                }
            }
            return values.isEmpty() ? Optional.<ObjectNode>empty() : Optional.of(ReportRecordRebuilder.rebuild(values));
        });
    }

    private double week(String scope, Measure m, LocalDate from, LocalDate to) {
        DayValues d = daily(scope, m, from, to);
        if (d.size() == 0) {
            return Double.NaN;
        }
        if (m.isDistinctUserCount()) {
            return d.values()[d.size() - 1];
        }
        double sum = 0;
        for (double v : d.values()) {
            sum += v;
        }
        return sum;
    }

    private static Caveat distinctUsers(Measure m, LocalDate day, String over) {
        return new Caveat(Caveat.Kind.DISTINCT_USERS, day, "", 0, m.field() + " counts distinct users: GitHub's counts of "
                + "different people cannot be added over " + over + " (a user active on several days would count several times); "
                + "read it day by day, or use weekly_active_users / monthly_active_users, which cover trailing 7 and 28 days");
    }

    private static List<Caveat> teamCaveats(Connection c, String scope, LocalDate from, LocalDate to) throws SQLException {
        List<Caveat> out = new ArrayList<>();
        out.add(new Caveat(Caveat.Kind.TEAMS_BELOW_FIVE_SEATS, from, "", 0, "GitHub leaves teams with fewer than five seated "
                + "Copilot users out of the user-teams report: they have no numbers here, and the teams add up to less than the whole"));
        out.add(new Caveat(Caveat.Kind.MULTI_TEAM_USERS, from, "", 0, "a user on several teams counts once in each team; the "
                + "number across teams counts each user once"));
        CaveatNotes.read(c, scope, from, to).stream().filter(n -> n.kind() != Caveat.Kind.REBASELINE).forEach(out::add);
        return out;
    }

    private static int daysWithData(Connection c, String scope, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT day) FROM copilot_report_records "
                + "WHERE scope = ? AND day BETWEEN ? AND ?")) {
            bindRange(ps, scope, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void bindRange(PreparedStatement ps, String scope, LocalDate from, LocalDate to) throws SQLException {
        ps.setString(1, scope);
        ps.setString(2, from.toString());
        ps.setString(3, to.toString());
    }

    /** The WHERE clause selecting a measure's values (columns prefixed by {@code alias}), and its parameters. */
    private static final class Filter {
        final String sql;
        private final Measure m;
        private final String scope;
        private final LocalDate from;
        private final LocalDate to;

        Filter(String alias, Measure m, String scope, LocalDate from, LocalDate to) {
            StringBuilder s = new StringBuilder(alias + "scope = ? AND " + alias + "day BETWEEN ? AND ? AND " + alias + "kind = ? AND "
                    + alias + "breakdown = ? AND " + alias + "field = ? AND " + alias + "num IS NOT NULL");
            for (int i = 0; i < m.where().size(); i++) {
                s.append(" AND CAST(json_extract(nullif(").append(alias).append("dimension, ''), ?) AS TEXT) = ?");
            }
            this.sql = s.toString();
            this.m = m;
            this.scope = scope;
            this.from = from;
            this.to = to;
        }

        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            ps.setString(i++, scope);
            ps.setString(i++, from.toString());
            ps.setString(i++, to.toString());
            ps.setString(i++, m.kind().label());
            ps.setString(i++, m.breakdown());
            ps.setString(i++, m.field());
            for (Map.Entry<String, String> w : m.where().entrySet()) {
                ps.setString(i++, path(w.getKey()));
                ps.setString(i++, w.getValue());
            }
            return i;
        }

        /** A JSON path naming one key, quoted so that any key is read as written. */
        static String path(String key) {
            return "$.\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
