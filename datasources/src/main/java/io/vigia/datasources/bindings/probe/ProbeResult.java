package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;

/** A probe's bindings, the window it looked at, how many requests it sent to the source and how long it took. */
public record ProbeResult(SourceBindings bindings, ProbeWindow window, int requests, Duration took) {
}
