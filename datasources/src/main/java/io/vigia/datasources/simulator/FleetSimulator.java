package io.vigia.datasources.simulator;

/** Runs a whole simulated range into a sink. */
public final class FleetSimulator {
    private FleetSimulator() {
    }

    /**
     * Simulates [{@code startMillis}, {@code endMillis}] every {@code intervalMillis}, with the
     * scenario's story ending on the UTC day of {@code endMillis}, then finishes the sink.
     *
     * @return the scenario, so callers can name its deploys and episodes
     */
    public static FleetScenario run(long seed, long startMillis, long endMillis, long intervalMillis, FleetSink sink) {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        FleetScenario scenario = FleetScenario.endingAt(endMillis);
        FleetSimulation simulation = new FleetSimulation(seed, scenario,
                startMillis - Math.floorMod(startMillis, intervalMillis), intervalMillis);
        simulation.advanceTo(endMillis, sink);
        sink.finish();
        return scenario;
    }
}
