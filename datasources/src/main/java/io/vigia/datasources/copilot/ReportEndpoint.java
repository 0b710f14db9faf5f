package io.vigia.datasources.copilot;

/**
 * GitHub's Copilot usage-report endpoints (REST API "Copilot usage metrics", version 2026-03-10;
 * go-github's CopilotService names the same paths; repos-1-day from the 2026-07-17 changelog
 * "Repository-level GitHub Copilot usage metrics generally available"). Each answers with signed
 * {@code download_links} to the report files.
 */
public enum ReportEndpoint {
    /** {@code /orgs/{org}/copilot/metrics/reports/organization-1-day?day=} and the enterprise twin. */
    ENTITY_1_DAY("entity-1-day", "organization-1-day", "enterprise-1-day", true),
    /** {@code .../organization-28-day/latest}: the last 28 days in {@code day_totals}. */
    ENTITY_28_DAY("entity-28-day", "organization-28-day/latest", "enterprise-28-day/latest", false),
    USERS_1_DAY("users-1-day", "users-1-day", "users-1-day", true),
    USERS_28_DAY("users-28-day", "users-28-day/latest", "users-28-day/latest", false),
    USER_TEAMS_1_DAY("user-teams-1-day", "user-teams-1-day", "user-teams-1-day", true),
    REPOS_1_DAY("repos-1-day", "repos-1-day", "repos-1-day", true);

    private final String label;
    private final String organizationPath;
    private final String enterprisePath;
    private final boolean daily;

    ReportEndpoint(String label, String organizationPath, String enterprisePath, boolean daily) {
        this.label = label;
        this.organizationPath = organizationPath;
        this.enterprisePath = enterprisePath;
        this.daily = daily;
    }

    /** The name the fetch log keeps, the same for organizations and enterprises. */
    public String label() {
        return label;
    }

    /** The path after {@code copilot/metrics/reports/}. */
    String path(GitHubCopilotClient.Owner owner) {
        return owner.enterprise() ? enterprisePath : organizationPath;
    }

    /** Asked with {@code ?day=YYYY-MM-DD}; the others are the latest 28 days. */
    public boolean isDaily() {
        return daily;
    }

    /** The one-day report the 28-day one covers (itself for one-day reports). */
    public ReportEndpoint daily() {
        return switch (this) {
            case ENTITY_28_DAY -> ENTITY_1_DAY;
            case USERS_28_DAY -> USERS_1_DAY;
            default -> this;
        };
    }
}
