/**
 * Honest statistics for verdicts on time series (docs/statistics.md): a two-sample comparison
 * that respects autocorrelation (a circular block bootstrap with the Politis–White block length),
 * and the Benjamini–Hochberg correction for the many comparisons one page shows. Pure
 * computation; random draws come from Commons RNG with a fixed seed, so a verdict is
 * reproducible.
 */
package io.vigia.dashboards.analytics.stats;
