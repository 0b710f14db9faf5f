package io.vigia.dashboards.report;

import io.vigia.dashboards.findings.ChangeEvents;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.findings.FindingsEngine;
import io.vigia.dashboards.findings.SecurityRiskRule;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's "Findings" section: the week's findings (io.vigia.dashboards.findings), most
 * severe first, each with its severity, one-line explanation, range and the dashboard to open.
 * A seam of its own so that {@link ReportBuilder} only adds the table it returns.
 */
public final class FindingsSection {
    public static final String TITLE = "Findings";

    /** Computes the findings of a week; the report's source and zone are given by the builder. */
    @FunctionalInterface
    public interface Finder {
        List<Finding> find(MetricsSource source, SourceBindings bindings, TimeRange week, ZoneId zone) throws QueryException;
    }

    /** The default rules over the source in its bound names, with deploys and model changes from its telemetry. */
    public static final Finder DEFAULT = (source, bindings, week, zone) -> FindingsEngine.withDefaults(source, bindings, zone)
            .find(week, ChangeEvents.load(source, bindings, new TimeRange(week.from().minus(Duration.ofDays(1)), week.to()),
                    FindingsEngine.DEFAULT_STEP));

    private FindingsSection() {
    }

    static Report.Table table(List<Finding> findings, List<String> notWatched, ZoneId zone) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(zone);
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(f.severity().name(), f.explanation(), when.format(f.start()),
                    f.ongoing() ? "ongoing" : when.format(f.end()),
                    f.link().dashboardUid() + " " + f.link().from() + " – " + f.link().to()));
        }
        boolean risk = findings.stream().anyMatch(f -> f.ruleId().equals(SecurityRiskRule.RULE_ID));
        boolean bands = findings.stream().anyMatch(f -> !f.ruleId().equals(SecurityRiskRule.RULE_ID));
        String note = rows.isEmpty() ? "No finding this week: no watched series left its usual band for long enough."
                : (bands ? "Series that left their usual band (the same time in the 4 weeks before: median ± 4 robust standard "
                + "deviations), with the change just before each; docs/statistics.md. " : "")
                + (risk ? "Repositories whose SAST findings on accepted AI suggestions reach a security risk of 4 of 10 "
                + "(\"at most\" where a factor is unknown); docs/security-risk.md. " : "") + "Times in " + zone.getId() + ".";
        if (!notWatched.isEmpty()) {
            note += " Not watched on this source: " + String.join("; ", notWatched) + ".";
        }
        return new Report.Table(TITLE, List.of("Severity", "Finding", "From", "To", "Dashboard and range"),
                List.of("", "", "", "", ""), rows, note);
    }
}
