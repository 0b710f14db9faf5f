package io.vigia.datasources.promql;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.ast.ValueType;
import io.vigia.datasources.promql.eval.Annotations;
import io.vigia.datasources.promql.eval.EvalException;
import io.vigia.datasources.promql.eval.Evaluator;
import io.vigia.datasources.promql.eval.RawSeries;
import io.vigia.datasources.promql.eval.StepSeries;
import io.vigia.datasources.promql.eval.Value;
import io.vigia.datasources.promql.parser.DurationResolver;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The embedded PromQL engine: parses and evaluates instant and range queries over a {@link SeriesReader}. */
public final class PromqlEngine {
    private final SeriesReader reader;
    private final PromqlFeatures features;

    /** An engine with a default Prometheus server's features ({@link PromqlFeatures#DEFAULTS}). */
    public PromqlEngine(SeriesReader reader) {
        this(reader, PromqlFeatures.DEFAULTS);
    }

    /**
     * @param features the language switches of Prometheus's {@code --enable-feature} this engine runs
     *                 with; Prometheus's own conformance scripts run with {@link PromqlFeatures#ALL}
     */
    public PromqlEngine(SeriesReader reader, PromqlFeatures features) {
        this.reader = reader;
        this.features = features;
    }

    public PromqlFeatures features() {
        return features;
    }

    /** Parses a query with this engine's features. @throws QueryException with {@code bad_data} on a syntax or type error */
    public Expr parse(String query) {
        try {
            return Parser.parse(query, features);
        } catch (ParseException e) {
            throw new QueryException("bad_data", e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new QueryException("bad_data", "1:1: parse error: expression nested too deeply");
        }
    }

    public QueryResponse instantQuery(String query, long timeMs) {
        return instantQuery(parse(query), query, timeMs);
    }

    /** Evaluates an already parsed expression; {@code query} is its text, for annotation positions. */
    public QueryResponse instantQuery(Expr parsed, String query, long timeMs) {
        Expr e = resolveDurations(parsed, 0, 0);
        Annotations annotations = new Annotations(query);
        Evaluator ev = new Evaluator(reader, new long[] {timeMs}, timeMs, timeMs, annotations)
                .withFeatures(features);
        Value v = run(() -> ev.evalTop(e));
        QueryResult result = switch (v) {
            case Value.ScalarValue s -> new QueryResult.Scalar(timeMs, s.values()[0]);
            case Value.StringValue s -> new QueryResult.StringValue(timeMs, s.value());
            case Value.MatrixValue m -> {
                List<QueryResult.RangeSeries> out = new ArrayList<>();
                for (RawSeries r : m.series()) {
                    out.add(new QueryResult.RangeSeries(r.labels(), r.ts(), r.values()));
                }
                yield new QueryResult.Matrix(out);
            }
            case Value.VectorValue vv -> {
                List<StepSeries> present = new ArrayList<>();
                for (StepSeries s : vv.series()) {
                    if (s.present[0]) {
                        present.add(s);
                    }
                }
                Labels[] labels = new Labels[present.size()];
                long[] ts = new long[present.size()];
                double[] vals = new double[present.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = present.get(i).labels;
                    ts[i] = timeMs;
                    vals[i] = present.get(i).values[0];
                }
                yield new QueryResult.Vector(labels, ts, vals);
            }
        };
        return new QueryResponse(result, annotations.warnings(), annotations.infos());
    }

    public QueryResponse rangeQuery(String query, long startMs, long endMs, long stepMs) {
        if (stepMs <= 0) {
            throw new QueryException("bad_data",
                    "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if (endMs < startMs) {
            throw new QueryException("bad_data", "end timestamp must not be before start time");
        }
        if ((endMs - startMs) / stepMs > 11_000) {
            throw new QueryException("bad_data",
                    "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }
        Expr e = resolveDurations(parse(query), stepMs, endMs - startMs);
        if (e.type() != ValueType.SCALAR && e.type() != ValueType.VECTOR) {
            throw new QueryException("bad_data", "invalid expression type \"" + e.type().text()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        int n = (int) ((endMs - startMs) / stepMs) + 1;
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = startMs + i * stepMs;
        }
        Annotations annotations = new Annotations(query);
        Evaluator ev = new Evaluator(reader, steps, startMs, endMs, annotations).forRangeQuery(stepMs)
                .withFeatures(features);
        Value v = run(() -> ev.evalTop(e));
        List<QueryResult.RangeSeries> out = new ArrayList<>();
        if (v instanceof Value.ScalarValue s) {
            out.add(new QueryResult.RangeSeries(Labels.EMPTY, steps.clone(), s.values().clone()));
        } else if (v instanceof Value.VectorValue vv) {
            for (StepSeries s : vv.series()) {
                int c = 0;
                for (boolean p : s.present) {
                    if (p) {
                        c++;
                    }
                }
                if (c == 0) {
                    continue;
                }
                long[] ts = new long[c];
                double[] vals = new double[c];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (s.present[i]) {
                        ts[k] = steps[i];
                        vals[k++] = s.values[i];
                    }
                }
                out.add(new QueryResult.RangeSeries(s.labels, ts, vals));
            }
            out.sort(Comparator.comparing(QueryResult.RangeSeries::labels));
        }
        return new QueryResponse(new QueryResult.Matrix(out), annotations.warnings(), annotations.infos());
    }

    /** Durations using step() or range() take this query's values (Prometheus: step 0 for an instant query). */
    private static Expr resolveDurations(Expr e, long stepMs, long rangeMs) {
        try {
            return DurationResolver.resolve(e, stepMs, rangeMs);
        } catch (IllegalArgumentException ex) {
            throw new QueryException("bad_data", ex.getMessage(), ex);
        }
    }

    private interface Body {
        Value run();
    }

    private static Value run(Body b) {
        try {
            return b.run();
        } catch (io.vigia.datasources.promql.eval.CanceledException e) {
            throw new QueryException("canceled", e.getMessage(), e);
        } catch (EvalException e) {
            throw new QueryException("execution", e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new QueryException("execution", "query too deeply nested", null);
        }
    }
}
