package io.vigia.dashboards.ask;

import java.util.Locale;

/** The kind of question, from the planner's grammar of intents. */
public enum Intent {
    /** "what is p95 of payments": a value over a short recent range. */
    CURRENT,
    /** "p95 over the last 7 days": a series over time. */
    TREND,
    /** "latency by route": one series per value of a label. */
    BREAKDOWN,
    /** "which service is slowest", "top 3": ranked. */
    TOP_K,
    /** "this week vs last week". */
    COMPARE_PERIODS,
    /** "p95 after the last deploy". */
    COMPARE_DEPLOY,
    /** "what changed in payments". */
    WHAT_CHANGED,
    /** "why did p95 of payments rise". */
    WHY,
    /** "what was deployed". */
    DEPLOYS,
    DRIFT,
    OPEN_DASHBOARD,
    REPORT,
    /** Planned by a language model through the read-only tools. */
    MODEL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
