/**
 * Vigia's embedded PromQL engine: {@link io.vigia.datasources.promql.PromqlEngine} parses a query
 * ({@code parser}: hand-written lexer and recursive-descent parser to the {@code ast} records, with
 * Prometheus's error messages and positions) and evaluates it ({@code eval}) over a
 * {@link io.vigia.persistence.series.SeriesReader}.
 *
 * <p>Evaluation is step-wise over whole ranges: every node yields, per series, one value per step in
 * primitive arrays, and every selector reads the store once for the whole query. Semantics follow
 * Prometheus 3: 5-minute lookback with a left-open window, staleness markers, left-open range
 * selectors {@code (t - range, t]}, {@code offset}/{@code @}, subqueries aligned to their step.
 *
 * <p>Prometheus's PromQL feature flags are {@code ast.PromqlFeature}s, passed as a
 * {@code PromqlFeatures} set to the parser and the engine with Prometheus's defaults: duration
 * expressions (on), experimental functions such as {@code info()}, {@code anchored}/{@code smoothed}
 * selectors ({@code eval.ExtendedRanges}), {@code fill} modifiers ({@code eval.VectorBinop}),
 * delayed metric-name removal, type-and-unit labels and start timestamps (off).
 *
 * <p>Function calls go through one dispatch point, {@code eval.FunctionCalls}; range-vector kernels
 * live in {@code eval.RangeKernels} and classic-histogram kernels in {@code eval.ClassicHistograms},
 * the places where a shared kernel library is wired in.
 *
 * <p>{@link io.vigia.datasources.promql.LocalPromqlSource} exposes the engine as a
 * {@link io.vigia.datasources.api.MetricsSource}; {@link io.vigia.datasources.api.PrometheusJson}
 * writes its results as Prometheus's HTTP API does.
 */
package io.vigia.datasources.promql;
