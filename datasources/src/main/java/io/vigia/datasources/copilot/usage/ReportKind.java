package io.vigia.datasources.copilot.usage;

/**
 * The kinds of record GitHub's Copilot usage reports hold (github/docs
 * content/copilot/reference/copilot-usage-metrics/copilot-usage-metrics.md, "Report types", and
 * team-level-metrics.md): one per organization or enterprise day (the {@code *-1-day} reports and
 * the {@code day_totals} of the {@code *-28-day} ones), one per user day ({@code users-1-day},
 * {@code users-28-day}), one per user and team ({@code user-teams-1-day}) and one per repository
 * day ({@code repos-1-day}).
 */
public enum ReportKind {
    ENTITY("entity"),
    USER("user"),
    USER_TEAM("user-team"),
    REPOSITORY("repository");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    /** The value stored in the workspace's {@code kind} columns. */
    public String label() {
        return label;
    }
}
