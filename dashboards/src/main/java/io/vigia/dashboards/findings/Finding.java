package io.vigia.dashboards.findings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One result of a rule, as a findings page or a report lists it.
 *
 * @param ruleId      the rule ({@code anomaly:latency-p95}, {@code security-risk})
 * @param score       0 to 100; {@link Severity} follows from it
 * @param title       short: "payments p95 latency"
 * @param explanation one line: what, since when, against what, after what
 * @param start       when it started (the region to mark)
 * @param end         when it ended, or the end of the analysed range when it still goes on
 * @param causes      changes just before it that may explain it, nearest first
 */
public record Finding(String ruleId, Severity severity, double score, String title, String explanation, Instant start,
                      Instant end, boolean ongoing, Evidence evidence, DashboardLink link, List<Cause> causes) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        causes = List.copyOf(causes);
    }

    /** A change linked to a finding, {@code leadMillis} before its start (negative: just after, within a step). */
    public record Cause(ChangeEvent event, long leadMillis) {
    }
}
