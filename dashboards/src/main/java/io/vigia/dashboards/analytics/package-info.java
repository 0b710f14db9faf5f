/**
 * Drift and before/after statistics over metric samples, histogram buckets and category counts.
 *
 * <p>Pure computation: no JavaFX, no I/O. Distributions, p-values and quantiles come from Apache
 * Commons Statistics ({@code commons-statistics-inference}, {@code -distribution},
 * {@code -descriptive}); the seeded bootstrap draws from Commons RNG. Only the small formulas no
 * library provides on the JVM (PSI, Jensen–Shannon distance, Wasserstein-1, the numpy-compatible
 * binning) are written here. Every result matches the Python reference it names (scipy, numpy,
 * Evidently, NannyML); the tests carry the reference values and the calls that produced them.
 *
 * <p>NaN policy, everywhere: NaN samples are dropped (in Prometheus data a NaN is a stale marker
 * or a missing value, not a measurement); infinite samples are rejected with an
 * {@link java.lang.IllegalArgumentException}, as is an input left empty after dropping NaNs.
 */
package io.vigia.dashboards.analytics;
