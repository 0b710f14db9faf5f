/**
 * Telemetry bindings: what a data source really has for each input of the built-in dashboards.
 *
 * <p>A {@link io.vigia.datasources.bindings.SemanticInput} (request latency, request count, deploy
 * signal, restarts, guardrail decisions, model-input features, copilot counters) is answered per
 * source by a {@link io.vigia.datasources.bindings.Binding}: the metric, its shape and unit, and the
 * labels that carry the service, route, status, decision… {@code bindings.probe.BindingProber}
 * finds them by asking the source what it has and matching it against the convention catalog
 * ({@code conventions.yaml}, every name cited); {@code bindings.store.BindingService} probes and
 * keeps the result per source, the user's overrides winning.
 *
 * <p>The dashboards' binding step, for a panel on source {@code s}:
 * <pre>{@code
 * SourceBindings b = bindingService.current(s);              // or .probe(...) when never probed
 * QueryPlan p = b.latency()
 *         .map(l -> HttpQueries.quantile(l, 0.95, Filter.of(Dimension.SERVICE, "payments"),
 *                                        Set.of(Dimension.SERVICE), "$__rate_interval"))
 *         .orElse(new QueryPlan.Unavailable(b.input(SemanticInput.REQUEST_LATENCY).missing()));
 * switch (p) {
 *     case QueryPlan.Available a -> run(a.promql()), legend a.legend(), show a.notes();
 *     case QueryPlan.Unavailable u -> show u.reason() on the panel;
 * }
 * }</pre>
 * Deploy markers: {@code new DeployDetector(source).detect(b.deploys().get(), b.restarts().orElse(null), from, to, scrapeInterval)}.
 * Guardrail blocks by OWASP id: run {@code GuardrailQueries.blockedByCategory} and fold the result
 * with {@code OwaspRollup}. Everything here is free of JavaFX and blocks; call it off the FX thread.
 */
package io.vigia.datasources.bindings;
