package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.query.DeployEvents;

import java.util.List;
import java.util.Optional;

/**
 * The dashboards Vigia ships, each in its own class, written against the telemetry contract
 * (docs/telemetry.md, which lists every query; a test keeps the two in step). They read the
 * default source, so the same dashboards show the demo workspace, a workspace fed by imports or a
 * remote Prometheus.
 *
 * <p>Ratios use trailing windows ({@code [1d]}) where a short window would be mostly nights and
 * weekends with nothing to divide; stat tiles and bar charts use {@code $__range}, the whole
 * selected range.
 */
public final class BuiltInDashboards {
    public static final String COPILOT_HEALTH = "copilot-health";
    public static final String AI_CODING_ADOPTION = "ai-coding-adoption";
    public static final String GUARDRAILS = "guardrails";
    /** The LogQL of the Guardrails dashboard's "Blocked prompts" panel. */
    public static final String BLOCKED_PROMPTS = "{job=\"guardrail\", decision=\"blocked\"}";
    public static final String MODEL_DRIFT = "model-drift";
    public static final String SERVICE_LATENCY = "service-latency";

    private BuiltInDashboards() {
    }

    public static List<Dashboard> all() {
        return List.of(copilotHealth(), aiCodingAdoption(), guardrails(), modelDrift(), serviceLatency());
    }

    public static Optional<Dashboard> find(String uid) {
        return all().stream().filter(d -> d.uid().equals(uid)).findFirst();
    }

    public static Dashboard copilotHealth() {
        return CopilotHealthDashboard.build();
    }

    public static Dashboard aiCodingAdoption() {
        return AiCodingAdoptionDashboard.build();
    }

    public static Dashboard guardrails() {
        return GuardrailsDashboard.build();
    }

    public static Dashboard modelDrift() {
        return ModelDriftDashboard.build();
    }

    public static Dashboard serviceLatency() {
        return ServiceLatencyDashboard.build();
    }

    /**
     * Deploy markers from the source's bound deploy signals (a new version, image, generation or
     * sync per service; {@code vigia_build_info} in Vigia's contract), restarts as their own markers.
     */
    public static AnnotationSource deploys() {
        return new AnnotationSource("Deploys", AnnotationSource.Kind.DEPLOYS, "", DeployEvents.TEMPLATE,
                "{{service}} {{version}}", "", "rgba(255, 120, 10, 1)", true);
    }

    /** Data-quality regions: UTC days without any Copilot suggestion count (an import or scrape gap). */
    public static AnnotationSource missingCopilotDays() {
        return new AnnotationSource("Missing days", AnnotationSource.Kind.DATA_GAPS, "", Builder.SHOWN, "", "",
                "rgba(138, 143, 152, 1)", true);
    }
}
