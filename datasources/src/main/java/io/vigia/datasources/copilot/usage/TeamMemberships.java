package io.vigia.datasources.copilot.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who was on which team, from the user-teams report ({@code copilot_team_members}): the team
 * slugs of a GitHub login on a day, every organization of the workspace together. A user on
 * several teams is on each of them (GitHub counts such a user once per team); a team below five
 * seated users is missing from the report, so its members have no team here. Loaded once, then
 * a lookup is a map access.
 */
public final class TeamMemberships {
    private final Map<String, TreeMap<LocalDate, TreeSet<String>>> byLogin;

    private TeamMemberships(Map<String, TreeMap<LocalDate, TreeSet<String>>> byLogin) {
        this.byLogin = byLogin;
    }

    /** Every membership stored, inside the caller's transaction. */
    public static TeamMemberships load(Connection c) throws SQLException {
        Map<String, TreeMap<LocalDate, TreeSet<String>>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day, slug, user_login FROM copilot_team_members");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String login = rs.getString(3);
                if (login == null || login.isBlank()) {
                    continue;
                }
                out.computeIfAbsent(key(login), k -> new TreeMap<>())
                        .computeIfAbsent(LocalDate.parse(rs.getString(1)), d -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return new TeamMemberships(out);
    }

    /**
     * The teams of {@code login} on {@code day}: that day's report, else the latest report before
     * it (a user's teams are reported every day they hold a seat; a day without a report is a gap,
     * not a change). Empty when no report before that day names the user: a later report does not
     * say what the user's team was then.
     */
    public List<String> teamsOf(String login, LocalDate day) {
        if (login == null || login.isBlank()) {
            return List.of();
        }
        TreeMap<LocalDate, TreeSet<String>> days = byLogin.get(key(login));
        Entry<LocalDate, TreeSet<String>> e = days == null ? null : days.floorEntry(day);
        return e == null ? List.of() : List.copyOf(e.getValue());
    }

    public boolean isEmpty() {
        return byLogin.isEmpty();
    }

    /** GitHub logins are case-insensitive. */
    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
