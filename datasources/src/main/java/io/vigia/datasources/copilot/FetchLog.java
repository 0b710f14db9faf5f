package io.vigia.datasources.copilot;

import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code vigia sync copilot} has already asked GitHub for ({@code copilot_report_fetches}):
 * a report of a day that had records is not asked for again; one that was empty is asked for
 * again while the day is recent, since GitHub publishes a day's reports after it has processed
 * them (the REST docs: "The report covers a complete day for which data has been processed").
 */
final class FetchLog {
    /** How many days an empty answer is asked for again. */
    static final int RETRY_EMPTY_DAYS = 3;

    enum Outcome {
        STORED("stored"), EMPTY("empty");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private final Map<String, String> outcomes;

    private FetchLog(Map<String, String> outcomes) {
        this.outcomes = outcomes;
    }

    static FetchLog load(Workspace workspace, String scope) {
        return workspace.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, report, outcome FROM copilot_report_fetches WHERE scope = ?")) {
                ps.setString(1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(key(rs.getString(2), LocalDate.parse(rs.getString(1))), rs.getString(3));
                    }
                }
            }
            return new FetchLog(out);
        });
    }

    /** Whether the report of the day still needs asking for, on {@code today}. */
    boolean needs(ReportEndpoint report, LocalDate day, LocalDate today) {
        String outcome = outcomes.get(key(report.label(), day));
        return outcome == null || (Outcome.EMPTY.label.equals(outcome) && !day.isBefore(today.minusDays(RETRY_EMPTY_DAYS)));
    }

    void remember(ReportEndpoint report, LocalDate day, Outcome outcome) {
        outcomes.put(key(report.label(), day), outcome.label);
    }

    static void write(Connection c, String scope, ReportEndpoint report, LocalDate day, Outcome outcome, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO copilot_report_fetches(scope, day, report, outcome, fetched_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(scope, day, report) DO UPDATE SET outcome = excluded.outcome, "
                + "fetched_at = excluded.fetched_at")) {
            ps.setString(1, scope);
            ps.setString(2, day.toString());
            ps.setString(3, report.label());
            ps.setString(4, outcome.label);
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    private static String key(String report, LocalDate day) {
        return report + '\u0000' + day;
    }
}
