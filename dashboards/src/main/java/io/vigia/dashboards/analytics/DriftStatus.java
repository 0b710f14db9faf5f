package io.vigia.dashboards.analytics;

/** The verdict of one drift score against its thresholds, ordered from best to worst. */
public enum DriftStatus {
    OK, WARNING, DRIFT;

    /** The worse of the two. */
    public DriftStatus worst(DriftStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
