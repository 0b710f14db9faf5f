package io.vigia.datasources.bindings;

/**
 * What a built-in dashboard needs from a data source, independent of how any one exporter names it.
 * A {@link Binding} says, for one source, which series and labels answer each input.
 */
public enum SemanticInput {
    REQUEST_LATENCY("a request-latency histogram"),
    REQUEST_COUNT("a request counter with a status label"),
    DEPLOY_SIGNAL("a version-like label on a series of the service (build info, image tag, generation, sync)"),
    PROCESS_RESTARTS("a process start time per instance"),
    GUARDRAIL_DECISIONS("a guardrail decision counter"),
    MODEL_INPUT_FEATURES("a histogram of model-input features"),
    COPILOT_SUGGESTIONS("counters of code suggestions shown and accepted");

    private final String need;

    SemanticInput(String need) {
        this.need = need;
    }

    /** What the input needs, in words: "a request-latency histogram". */
    public String need() {
        return need;
    }
}
