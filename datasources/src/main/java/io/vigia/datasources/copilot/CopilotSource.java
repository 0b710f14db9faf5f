package io.vigia.datasources.copilot;

/**
 * Where a day of Copilot metrics came from. The legacy endpoints counted suggestions; the usage
 * reports that replaced them (April 2026) count "activities", so rates from the two are not
 * strictly comparable and a chart that spans both says so.
 */
public enum CopilotSource {
    /** {@code /orgs/{org}/copilot/usage} (2023–2024 archives). */
    LEGACY_USAGE("legacy-usage"),
    /** {@code /orgs/{org}/copilot/metrics} (retired 2 April 2026). */
    LEGACY_METRICS("legacy-metrics"),
    /** The Copilot usage metrics reports (1-day and 28-day, JSON and NDJSON files). */
    USAGE_REPORT("usage-report");

    private final String label;

    CopilotSource(String label) {
        this.label = label;
    }

    /** The value of the {@code source} label on imported series. */
    public String label() {
        return label;
    }

    public boolean isLegacy() {
        return this != USAGE_REPORT;
    }
}
