/**
 * Automated analysis in the style of JDK Mission Control's rules: each rule looks at the user's own
 * data over a time range and yields findings with a severity and score, a one-line explanation,
 * the evidence to chart and a link to the dashboard range. Rules: series leaving their seasonal
 * band ({@link io.vigia.dashboards.findings.SeasonalBand}, {@link io.vigia.dashboards.findings.AnomalyRule}),
 * linked to the deploys, model changes and guardrail spikes just before them
 * ({@link io.vigia.dashboards.findings.Correlation}); "what changed" in a selected region
 * ({@link io.vigia.dashboards.findings.WhatChanged}); and the security risk of SAST findings on
 * accepted AI suggestions ({@link io.vigia.dashboards.findings.SecurityRisk}). Computed on
 * demand; nothing is stored. Blocking: call off the FX thread.
 */
package io.vigia.dashboards.findings;
