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
        return run(seed, startMillis, endMillis, intervalMillis, sink, FleetScenario.Story.DEFAULT);
    }

    /** As above, with the story's incidents placed and sized by {@code story}. */
    public static FleetScenario run(long seed, long startMillis, long endMillis, long intervalMillis, FleetSink sink,
                                    FleetScenario.Story story) {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        FleetScenario scenario = FleetScenario.endingAt(endMillis, story);
        FleetSimulation simulation = new FleetSimulation(seed, scenario,
                startMillis - Math.floorMod(startMillis, intervalMillis), intervalMillis);
        simulation.advanceTo(endMillis, sink);
        sink.finish();
        return scenario;
    }
}
