package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;

/**
 * A probe's bindings, the window it looked at, how many requests it sent to the source, how long it
 * took, and how many metric names the source had in the window (0: an empty source, such as a
 * workspace whose first import is still running, whose probe says nothing worth keeping).
 */
public record ProbeResult(SourceBindings bindings, ProbeWindow window, int requests, Duration took, int metricNames) {
    /** The source had no metric at all in the window. */
    public boolean sawNothing() {
        return metricNames == 0;
    }
}
