package io.vigia.datasources.bindings;

/** The unit a latency metric is recorded in; generated queries always answer in seconds. */
public enum DurationUnit {
    SECONDS(1), MILLISECONDS(1000);

    private final int perSecond;

    DurationUnit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** How many of this unit make a second: the divisor that converts to seconds. */
    public int perSecond() {
        return perSecond;
    }
}
