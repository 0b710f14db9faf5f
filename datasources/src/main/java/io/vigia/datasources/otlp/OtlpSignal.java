package io.vigia.datasources.otlp;

/** The three OTLP/HTTP signals and their default paths (OTLP specification, "OTLP/HTTP Request"). */
public enum OtlpSignal {
    METRICS("/v1/metrics"),
    LOGS("/v1/logs"),
    TRACES("/v1/traces");

    private final String path;

    OtlpSignal(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
