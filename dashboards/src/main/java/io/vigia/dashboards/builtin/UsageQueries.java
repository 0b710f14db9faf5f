package io.vigia.dashboards.builtin;

/**
 * PromQL over GitHub's Copilot usage reports as Vigia stores them ({@code github_copilot_usage_*},
 * one sample per UTC day at 00:00; names in docs/telemetry.md), and over the assistants' own
 * telemetry ({@code vigia_assistant_*}). GitHub's rules hold in every query: counts of distinct
 * users are never added over days or teams (the last or the mean of a day's count, the 28-day
 * report's monthly count); volumes are added over days ({@code sum_over_time}) and over the
 * breakdown GitHub gives them in.
 */
final class UsageQueries {
    static final String P = "github_copilot_usage_";
    /** Vigia's own counters minus the ones {@code vigia import copilot} derives from the usage reports (those are read natively). */
    static final String CONTRACT = "{source!=\"usage-report\"}";
    static final String COMPLETIONS = "{feature=\"code_completion\"}";
    static final String EDITS = "vigia_assistant_edit_decisions_total";
    static final String ACCEPTED_EDITS = EDITS + "{decision=\"accepted\"}";
    static final String DECIDED_EDITS = EDITS + "{decision=~\"accepted|rejected\"}";
    /** Copilot's assistants among those exporting OpenTelemetry (service.name): what GitHub's reports also count. */
    static final String COPILOT_ASSISTANTS = "assistant=~\"copilot-chat|github-copilot\"";

    /** Above 0 when a re-baseline (legacy API → usage reports) lies in the range or in the period before. */
    static final String REBASELINE_IN_RANGE_OR_BEFORE = "max(max_over_time(" + P + "rebaseline[$__range])) or max(max_over_time("
            + P + "rebaseline[$__range] offset $__range))";

    static final String TEAM_NOTE = "GitHub: teams under five seats are absent; a user on several teams counts in each";
    static final String TEAMS_NEED = "GitHub's users and user-teams reports (vigia sync copilot fetches both, or Import each)";

    private UsageQueries() {
    }

    /** The days' values of a usage series added over the range. */
    static String range(String metric) {
        return "sum_over_time(" + P + metric + "[$__range])";
    }

    /** The value of the day a point falls in (each day's sample is at its 00:00 UTC). */
    static String day(String metric) {
        return "last_over_time(" + P + metric + "[1d])";
    }

    /** {@code sum(inner)}, or {@code sum by (labels) (inner)}. */
    static String sum(String by, String inner) {
        return by.isEmpty() ? "sum(" + inner + ")" : "sum by (" + by + ") (" + inner + ")";
    }

    /** Over the range, by {@code by}: the sum of {@code accepted} over the sum of {@code generated}. */
    static String ratio(String by, String accepted, String generated) {
        return sum(by, range(accepted)) + " / " + sum(by, range(generated));
    }

    /** Per day, by {@code by}: the day's {@code accepted} over its {@code generated}. */
    static String dailyRatio(String by, String accepted, String generated) {
        return sum(by, day(accepted)) + " / " + sum(by, day(generated));
    }

    /** Accepted edits over decided ones (accepted or rejected), from the assistants' telemetry. */
    static String editAcceptance(String by, String window) {
        return sum(by, "increase(" + ACCEPTED_EDITS + "[" + window + "])") + " / " + sum(by, "increase(" + DECIDED_EDITS + "[" + window + "])");
    }
}
