package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;

/** Where a simulation's output goes; samples arrive in time order per series. */
public interface FleetSink {

    void sample(Labels labels, long timestampMillis, double value);

    /** Whether this sink wants audit events; only then are their details drawn. */
    default boolean wantsEvents() {
        return false;
    }

    default void guardrailEvent(SimulatedGuardrailEvent event) {
    }

    default void sastFinding(SastFinding finding) {
    }

    /** Called once after the last step. */
    default void finish() {
    }
}
