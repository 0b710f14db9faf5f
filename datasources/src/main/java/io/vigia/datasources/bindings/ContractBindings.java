package io.vigia.datasources.bindings;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Vigia's own telemetry contract (docs/telemetry.md; the {@code vigia-*} entries of
 * {@code conventions.yaml}) as bindings: what a source that was never probed is read as, so the
 * built-in dashboards ask a workspace of the simulator, the demo or the importers exactly what they
 * always asked. A probe replaces it with what the source really has.
 */
public final class ContractBindings {
    public static final String CONVENTION = "vigia-contract";
    private static final String HTTP = "http_server_request_duration_seconds";

    private ContractBindings() {
    }

    public static SourceBindings of(String source) {
        ServiceLabel service = new ServiceLabel.OnSeries("service");
        Map<SemanticInput, BoundInput> in = new EnumMap<>(SemanticInput.class);
        put(in, new LatencyBinding(HTTP, LatencyKind.CLASSIC_HISTOGRAM, DurationUnit.SECONDS, service, "http_route", Map.of(), List.of()));
        put(in, new RequestCountBinding(HTTP + "_count", service, "http_route", new StatusLabel("http_response_status_code", "5.."),
                Map.of()));
        put(in, new DeploySignals(List.of(new DeploySignal(DeploySignalKind.VERSION_LABEL, "vigia_build_info", "version", "service",
                List.of(), Map.of()))));
        put(in, new GuardrailBinding(new GuardrailDecisions.Labelled("vigia_guardrail_decisions_total", "decision",
                List.of("blocked"), List.of("allowed")), "category", "vigia", "direction", "detector", "app", false, null));
        put(in, new FeatureBinding("vigia_model_input_feature", "feature", "model"));
        put(in, new CopilotBinding("vigia_copilot_suggestions_shown_total", "vigia_copilot_suggestions_accepted_total",
                "vigia_copilot_lines_suggested_total", "vigia_copilot_lines_accepted_total", "team"));
        return new SourceBindings(source, null, in);
    }

    private static void put(Map<SemanticInput, BoundInput> in, Binding b) {
        in.put(b.input(), new BoundInput(b.input(), b, BindingOrigin.PROBE, CONVENTION, List.of(), null,
                List.of("not probed: read as Vigia's own contract (docs/telemetry.md)")));
    }
}
