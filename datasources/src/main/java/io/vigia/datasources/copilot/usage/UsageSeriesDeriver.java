package io.vigia.datasources.copilot.usage;

import io.vigia.persistence.series.Labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes, from the stored report values, the daily series of some days of one scope (one sample
 * at 00:00 UTC of the day, as {@code github_copilot_daily_*}); names in {@link UsageSeriesNames}:
 * every number of the organization's or enterprise's days; every number of each repository's
 * days (with {@code repository} and {@code repo_id}); from the users report, each user's AI
 * credits, their sum and how many users set each {@code used_*} flag; per team, GitHub's join of
 * the user-teams report with the users report (team-level-metrics.md): sums of the additive
 * numbers, users counted per {@code used_*} flag, members, and users with a row in the users
 * report ({@code team_daily_active_users}); and the team notes' counts.
 */
final class UsageSeriesDeriver {
    private final Connection c;
    private final String scope;
    private final Map<Labels, TreeMap<Long, Double>> out = new LinkedHashMap<>();

    private UsageSeriesDeriver(Connection c, String scope) {
        this.c = c;
        this.scope = scope;
    }

    static Map<Labels, TreeMap<Long, Double>> derive(Connection c, String scope, Collection<LocalDate> days) throws SQLException {
        UsageSeriesDeriver d = new UsageSeriesDeriver(c, scope);
        for (LocalDate day : days) {
            d.entity(day);
            d.repositories(day);
            d.users(day);
            d.teams(day);
            d.notes(day);
        }
        return d.out;
    }

    static long timestamp(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private void entity(LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT breakdown, dimension, field, num FROM copilot_report_values "
                + "WHERE scope = ? AND day = ? AND kind = 'entity' AND num IS NOT NULL AND breakdown <> ?")) {
            bind(ps, day);
            ps.setString(3, ReportValue.REPORT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (UsageSeriesNames.isMeasurement(rs.getString(3))) {
                        add(UsageSeriesNames.dimensions(UsageSeriesNames.base(UsageSeriesNames.metric("", rs.getString(1),
                                rs.getString(3)), scope), rs.getString(2)), day, rs.getDouble(4));
                    }
                }
            }
        }
    }

    private void repositories(LocalDate day) throws SQLException {
        Map<String, String[]> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subject, field, text FROM copilot_report_values WHERE scope = ? "
                + "AND day = ? AND kind = 'repository' AND breakdown = '' AND field IN ('repo_owner_name', 'repo_name')")) {
            bind(ps, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] n = names.computeIfAbsent(rs.getString(1), k -> new String[2]);
                    n[rs.getString(2).equals("repo_owner_name") ? 0 : 1] = rs.getString(3);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT subject, breakdown, dimension, field, num FROM copilot_report_values "
                + "WHERE scope = ? AND day = ? AND kind = 'repository' AND num IS NOT NULL AND breakdown <> ?")) {
            bind(ps, day);
            ps.setString(3, ReportValue.REPORT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!UsageSeriesNames.isMeasurement(rs.getString(4))) {
                        continue;
                    }
                    String[] n = names.getOrDefault(rs.getString(1), new String[2]);
                    String repository = n[1] == null ? rs.getString(1) : n[0] == null ? n[1] : n[0] + "/" + n[1];
                    add(UsageSeriesNames.dimensions(UsageSeriesNames.base(UsageSeriesNames.metric("repository_", rs.getString(2),
                                    rs.getString(4)), scope).set("repository", repository).set("repo_id", rs.getString(1)),
                            rs.getString(3)), day, rs.getDouble(5));
                }
            }
        }
    }

    private void users(LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.subject, v.num, (SELECT l.text FROM copilot_report_values l "
                + "WHERE l.scope = v.scope AND l.day = v.day AND l.kind = 'user' AND l.subject = v.subject AND l.breakdown = '' "
                + "AND l.field IN ('user_login', 'login') ORDER BY l.field DESC LIMIT 1) FROM copilot_report_values v "
                + "WHERE v.scope = ? AND v.day = ? AND v.kind = 'user' AND v.breakdown = '' AND v.field = 'ai_credits_used' "
                + "AND v.num IS NOT NULL")) {
            bind(ps, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(UsageSeriesNames.base(UsageSeriesNames.PREFIX + "user_ai_credits_used", scope)
                            .set("user", rs.getString(3) == null ? rs.getString(1) : rs.getString(3)).set("user_id", rs.getString(1)), day,
                            rs.getDouble(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT field, type, SUM(num) FROM copilot_report_values WHERE scope = ? "
                + "AND day = ? AND kind = 'user' AND breakdown = '' AND (field = 'ai_credits_used' OR type = 'boolean') "
                + "AND num IS NOT NULL GROUP BY field, type")) {
            bind(ps, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean flag = rs.getString(2).equals("boolean");
                    add(UsageSeriesNames.base(UsageSeriesNames.metric("users_", "", rs.getString(1) + (flag ? "_users" : "")), scope),
                            day, rs.getDouble(3));
                }
            }
        }
        long reported = single("SELECT COUNT(*) FROM copilot_report_records WHERE scope = ? AND day = ? AND kind = 'user'", day);
        if (reported > 0) {
            add(UsageSeriesNames.base(UsageSeriesNames.PREFIX + "users_reported", scope), day, reported);
        }
    }

    private void teams(LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT m.team_id, m.slug, v.breakdown, v.dimension, v.field, v.type, "
                + "SUM(v.num) FROM copilot_team_members m JOIN copilot_report_values v ON v.scope = m.scope AND v.day = m.day "
                + "AND v.kind = 'user' AND v.subject = m.user_id WHERE m.scope = ? AND m.day = ? AND v.num IS NOT NULL "
                + "AND v.breakdown <> ? GROUP BY m.team_id, m.slug, v.breakdown, v.dimension, v.field, v.type")) {
            bind(ps, day);
            ps.setString(3, ReportValue.REPORT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String field = rs.getString(5);
                    if (!UsageSeriesNames.isAdditive(field)) {
                        continue;
                    }
                    boolean flag = rs.getString(6).equals("boolean");
                    add(team(UsageSeriesNames.dimensions(UsageSeriesNames.base(UsageSeriesNames.metric("team_", rs.getString(3),
                            field + (flag ? "_users" : "")), scope), rs.getString(4)), rs), day, rs.getDouble(7));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT m.team_id, m.slug, COUNT(*), COUNT(r.subject) "
                + "FROM copilot_team_members m LEFT JOIN copilot_report_records r ON r.scope = m.scope AND r.day = m.day "
                + "AND r.kind = 'user' AND r.subject = m.user_id WHERE m.scope = ? AND m.day = ? GROUP BY m.team_id, m.slug")) {
            bind(ps, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(team(UsageSeriesNames.base(UsageSeriesNames.PREFIX + "team_members", scope), rs), day, rs.getLong(3));
                    add(team(UsageSeriesNames.base(UsageSeriesNames.PREFIX + "team_daily_active_users", scope), rs), day, rs.getLong(4));
                }
            }
        }
    }

    private void notes(LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, count FROM copilot_report_notes WHERE scope = ? AND day = ? "
                + "AND kind IN (?, ?) AND subject = ''")) {
            bind(ps, day);
            ps.setString(3, Caveat.Kind.TEAMS_BELOW_FIVE_SEATS.label());
            ps.setString(4, Caveat.Kind.MULTI_TEAM_USERS.label());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).equals(Caveat.Kind.MULTI_TEAM_USERS.label()) ? "team_multi_team_users"
                            : "team_unattributed_users";
                    add(UsageSeriesNames.base(UsageSeriesNames.PREFIX + name, scope), day, rs.getLong(2));
                }
            }
        }
    }

    private static Labels.Builder team(Labels.Builder b, ResultSet rs) throws SQLException {
        return b.set("team", rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(2)).set("team_id", rs.getString(1));
    }

    private long single(String sql, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, day);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void bind(PreparedStatement ps, LocalDate day) throws SQLException {
        ps.setString(1, scope);
        ps.setString(2, day.toString());
    }

    private void add(Labels.Builder labels, LocalDate day, double value) {
        out.computeIfAbsent(labels.build(), k -> new TreeMap<>()).merge(timestamp(day), value, Double::sum);
    }
}
