package io.vigia.datasources.simulator;

import java.util.List;

/** The metric families the simulator exports, with the metadata an exposition needs. */
public final class FleetMetrics {
    public enum Type { COUNTER, GAUGE, HISTOGRAM }

    /** {@code name} is the family name: without {@code _total} for counters, as OpenMetrics has it. */
    public record Family(String name, Type type, String unit, String help) {
        /** Whether a sample of metric {@code sampleName} belongs to this family. */
        public boolean owns(String sampleName) {
            return switch (type) {
                case COUNTER -> sampleName.equals(name + "_total");
                case GAUGE -> sampleName.equals(name);
                case HISTOGRAM -> sampleName.equals(name + "_bucket") || sampleName.equals(name + "_sum")
                        || sampleName.equals(name + "_count");
            };
        }
    }

    public static final String SHOWN = "vigia_copilot_suggestions_shown";
    public static final String ACCEPTED = "vigia_copilot_suggestions_accepted";
    public static final String REJECTED = "vigia_copilot_suggestions_rejected";
    public static final String REVERTED = "vigia_copilot_suggestions_reverted";
    public static final String LINES_SUGGESTED = "vigia_copilot_lines_suggested";
    public static final String LINES_ACCEPTED = "vigia_copilot_lines_accepted";
    public static final String SAST = "vigia_copilot_accepted_with_sast_findings";
    public static final String ACTIVE_USERS = "vigia_copilot_active_users";
    public static final String GUARDRAIL = "vigia_guardrail_decisions";
    public static final String FEATURE = "vigia_model_input_feature";
    public static final String HTTP = "http_server_request_duration_seconds";
    public static final String BUILD_INFO = "vigia_build_info";

    public static final List<Family> FAMILIES = List.of(
            new Family(SHOWN, Type.COUNTER, "", "Code suggestions displayed to a developer."),
            new Family(ACCEPTED, Type.COUNTER, "", "Code suggestions accepted, fully or partly."),
            new Family(REJECTED, Type.COUNTER, "", "Code suggestions dismissed."),
            new Family(REVERTED, Type.COUNTER, "", "Accepted suggestions removed again within 30 minutes."),
            new Family(LINES_SUGGESTED, Type.COUNTER, "", "Lines of code in displayed suggestions."),
            new Family(LINES_ACCEPTED, Type.COUNTER, "", "Lines of code in accepted suggestions."),
            new Family(SAST, Type.COUNTER, "", "Accepted suggestions a SAST finding was attributed to."),
            new Family(ACTIVE_USERS, Type.GAUGE, "", "Developers with at least one suggestion in the last 24 hours."),
            new Family(GUARDRAIL, Type.COUNTER, "", "Guardrail decisions on prompts (input) and completions (output)."),
            new Family(FEATURE, Type.HISTOGRAM, "", "Model input features, for drift detection."),
            new Family(HTTP, Type.HISTOGRAM, "seconds", "Duration of HTTP server requests."),
            new Family(BUILD_INFO, Type.GAUGE, "", "Always 1; the version label changes with each deploy."));

    private FleetMetrics() {
    }

    public static Family familyOf(String sampleName) {
        for (Family f : FAMILIES) {
            if (f.owns(sampleName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not a simulator metric: " + sampleName);
    }
}
