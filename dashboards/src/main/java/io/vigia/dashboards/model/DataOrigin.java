package io.vigia.dashboards.model;

/**
 * Where the numbers of a panel come from, as a reader is told: on the panel ("Source: …"), in a
 * report ("fed by: …") and, when nothing feeds it, what would ("Needs …").
 *
 * @param label      the name shown on a panel
 * @param reportName the short name a report uses beside each number
 * @param howTo      what the workspace needs for this origin to feed a panel
 * @param daily      whether the origin gives one number per UTC day (a report names the days)
 */
public enum DataOrigin {
    GITHUB_USAGE_REPORTS("GitHub usage reports", "usage report",
            "GitHub usage reports (vigia sync copilot or Import)", true),
    ASSISTANT_OTEL("assistants' OpenTelemetry", "OTLP",
            "OTLP from Copilot Chat / Claude Code (vigia receive otlp)", false),
    VIGIA_CONTRACT("Vigia contract", "Vigia contract",
            "Vigia's contract from a live exporter (an AI gateway or IDE plug-in; vigia simulate shows it), "
                    + "or an import of the legacy Copilot metrics API", false),
    SARIF("SARIF findings on accepted suggestions", "SARIF",
            "SARIF findings and accepted suggestions (vigia import sarif --suggestions)", false),
    GUARDRAIL_DECISIONS("guardrail decisions", "guardrail decisions",
            "guardrail decisions (vigia import guardrail-log, or a gateway's exporter)", false),
    MODEL_INPUTS("model-input histograms", "model-input histograms",
            "model-input histograms (vigia_model_input_feature) from a live exporter", false);

    private final String label;
    private final String reportName;
    private final String howTo;
    private final boolean daily;

    DataOrigin(String label, String reportName, String howTo, boolean daily) {
        this.label = label;
        this.reportName = reportName;
        this.howTo = howTo;
        this.daily = daily;
    }

    public String label() {
        return label;
    }

    public String reportName() {
        return reportName;
    }

    public String howTo() {
        return howTo;
    }

    public boolean daily() {
        return daily;
    }
}
