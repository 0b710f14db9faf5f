package io.vigia.datasources.imports;

/** The kinds of file Vigia imports, with the name a user sees. */
public enum ImportKind {
    SARIF("SARIF log (SAST findings)", "findings"),
    GUARDRAIL_LOG("Guardrail audit log (JSON Lines)", "decisions"),
    ACCEPTED_SUGGESTIONS("Accepted AI suggestions (JSON Lines)", "accepted suggestions"),
    COPILOT("GitHub Copilot metrics (JSON / NDJSON)", "days"),
    OPENMETRICS("OpenMetrics backfill", "samples");

    private final String displayName;
    private final String unit;

    ImportKind(String displayName, String unit) {
        this.displayName = displayName;
        this.unit = unit;
    }

    /** What one record of this kind is, in the plural, for "12 findings: 12 imported". */
    public String unit() {
        return unit;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
