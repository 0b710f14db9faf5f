package io.vigia.dashboards.findings;

/**
 * How much a finding matters, from its score (0 to 100) with JDK Mission Control's limits
 * ({@code org.openjdk.jmc.flightrecorder.rules.Severity}: INFO from 25, WARNING from 75). A score
 * below 25 is not listed.
 */
public enum Severity {
    INFO(25), WARNING(75);

    private final double limit;

    Severity(double limit) {
        this.limit = limit;
    }

    public double limit() {
        return limit;
    }

    /** The severity of a score, null below INFO's limit. */
    public static Severity of(double score) {
        if (score >= WARNING.limit) {
            return WARNING;
        }
        return score >= INFO.limit ? INFO : null;
    }
}
