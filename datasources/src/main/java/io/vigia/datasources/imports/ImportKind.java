package io.vigia.datasources.imports;

/** The kinds of file Vigia imports, with the name a user sees. */
public enum ImportKind {
    SARIF("SARIF log (SAST findings)"),
    GUARDRAIL_LOG("Guardrail audit log (JSON Lines)"),
    ACCEPTED_SUGGESTIONS("Accepted AI suggestions (JSON Lines)"),
    COPILOT("GitHub Copilot metrics (JSON / NDJSON)"),
    OPENMETRICS("OpenMetrics backfill");

    private final String displayName;

    ImportKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
