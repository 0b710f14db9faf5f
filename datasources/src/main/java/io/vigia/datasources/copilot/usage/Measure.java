package io.vigia.datasources.copilot.usage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which stored number to read: a field of a breakdown of one kind of record, optionally only the
 * breakdown elements whose keys have given values, e.g.
 * {@code Measure.of("totals_by_ide", "code_acceptance_activity_count").where("ide", "vscode")}.
 * Field and breakdown names are GitHub's (see {@link ReportValue}).
 */
public record Measure(ReportKind kind, String breakdown, String field, Map<String, String> where) {
    public Measure {
        where = Map.copyOf(where);
    }

    /** A number of the organization's or enterprise's days. */
    public static Measure of(String breakdown, String field) {
        return new Measure(ReportKind.ENTITY, breakdown, field, Map.of());
    }

    /** A number of the users' days (summed over users, or per team). */
    public static Measure ofUsers(String breakdown, String field) {
        return new Measure(ReportKind.USER, breakdown, field, Map.of());
    }

    /** Only the elements whose {@code key} is {@code value}. */
    public Measure where(String key, String value) {
        Map<String, String> w = new LinkedHashMap<>(where);
        w.put(key, value);
        return new Measure(kind, breakdown, field, w);
    }

    /** GitHub's counts of distinct users, which may not be added over days or teams. */
    public boolean isDistinctUserCount() {
        return UsageSeriesNames.isDistinctUserCount(field);
    }

    @Override
    public String toString() {
        return (breakdown.isEmpty() ? "" : breakdown + ".") + field + (where.isEmpty() ? "" : where.toString());
    }
}
