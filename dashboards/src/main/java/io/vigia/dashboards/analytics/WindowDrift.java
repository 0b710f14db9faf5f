package io.vigia.dashboards.analytics;

import java.util.Optional;

/**
 * Drift of the samples in {@code [from, to)} against the baseline window; empty when the window
 * holds fewer than {@link DriftAnalyzer#MIN_SAMPLES} (non-NaN) samples, so a gap shows as a gap
 * rather than as "no drift".
 */
public record WindowDrift(long from, long to, int samples, Optional<SampleDrift> drift) {
}
