package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.SourceBindings;

/** A probe's bindings, the window it looked at and how many requests it sent to the source. */
public record ProbeResult(SourceBindings bindings, ProbeWindow window, int requests) {
}
