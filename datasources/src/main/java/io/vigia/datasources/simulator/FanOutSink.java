package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;

import java.util.List;

/** Sends one simulation to several sinks. */
public final class FanOutSink implements FleetSink {
    private final List<FleetSink> sinks;

    public FanOutSink(List<FleetSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void sample(Labels labels, long timestampMillis, double value) {
        for (FleetSink s : sinks) {
            s.sample(labels, timestampMillis, value);
        }
    }

    @Override
    public boolean wantsEvents() {
        return sinks.stream().anyMatch(FleetSink::wantsEvents);
    }

    @Override
    public void guardrailEvent(SimulatedGuardrailEvent event) {
        for (FleetSink s : sinks) {
            s.guardrailEvent(event);
        }
    }

    @Override
    public void sastFinding(SastFinding finding) {
        for (FleetSink s : sinks) {
            s.sastFinding(finding);
        }
    }

    @Override
    public void finish() {
        for (FleetSink s : sinks) {
            s.finish();
        }
    }
}
