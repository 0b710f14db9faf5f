package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeature;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.StaleMarker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression at every step of a query at once. Each node yields one value per step in
 * primitive arrays; selectors read the store once for the whole range, so a 1,000-step range
 * query costs one read per selector rather than one per step.
 */
public final class Evaluator {
    public static final long LOOKBACK_MS = 5 * 60_000;
    public static final long DEFAULT_SUBQUERY_STEP_MS = 60_000;

    final SeriesReader reader;
    final long[] steps;
    final long queryStart;
    final long queryEnd;
    final Annotations annotations;
    boolean rangeQuery;
    long queryStep;
    /** The language switches this query runs with. */
    PromqlFeatures features = PromqlFeatures.DEFAULTS;
    /** Prometheus 3's promql-delayed-name-removal feature; off on a default Prometheus server. */
    boolean delayedNameRemoval;
    /** Samples read from the store so far, shared with subquery evaluators. */
    private final long[] samplesLoaded;
    static final long MAX_SAMPLES = 50_000_000;

    public Evaluator(SeriesReader reader, long[] steps, long queryStart, long queryEnd, Annotations annotations) {
        this(reader, steps, queryStart, queryEnd, annotations, new long[1]);
    }

    private Evaluator(SeriesReader reader, long[] steps, long queryStart, long queryEnd, Annotations annotations,
                      long[] samplesLoaded) {
        this.samplesLoaded = samplesLoaded;
        this.reader = reader;
        this.steps = steps;
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.annotations = annotations;
    }

    public Evaluator withFeatures(PromqlFeatures f) {
        this.features = f;
        this.delayedNameRemoval = f.has(PromqlFeature.DELAYED_NAME_REMOVAL);
        return this;
    }

    /** Marks this as a range query's evaluation (some functions warn there). */
    public Evaluator forRangeQuery(long stepMs) {
        this.rangeQuery = true;
        this.queryStep = stepMs;
        return this;
    }

    public int stepCount() {
        return steps.length;
    }

    public long step(int i) {
        return steps[i];
    }

    /** Evaluates a query's top-level expression; range vectors are allowed here only. */
    public Value evalTop(Expr e) {
        Expr u = unwrap(e);
        if (u instanceof Expr.MatrixSelector || u instanceof Expr.Subquery) {
            RangeArg arg = rangeArg(u);
            List<RawSeries> out = new ArrayList<>();
            long end = arg.windowEnd()[0];
            Expr.SelectorModifier mod = arg.modifier();
            arg.forEach(s -> {
                if (mod != Expr.SelectorModifier.NONE) {
                    long start = end - arg.rangeMs();
                    RawSeries x = ExtendedRanges.extend(s,
                            RangeArg.lowerIndex(s.ts(), start - ExtendedRanges.before(mod)),
                            RangeArg.upperIndex(s.ts(), end + ExtendedRanges.after(mod)), start, end,
                            mod == Expr.SelectorModifier.SMOOTHED);
                    if (x != null) {
                        out.add(x);
                    }
                    return;
                }
                int lo = RangeArg.lowerIndex(s.ts(), end - arg.rangeMs());
                int hi = RangeArg.upperIndex(s.ts(), end);
                if (hi > lo) {
                    out.add(new RawSeries(s.dropName() ? MetricNames.withoutMetadata(s.labels()) : s.labels(),
                            Arrays.copyOfRange(s.ts(), lo, hi), Arrays.copyOfRange(s.values(), lo, hi), false));
                }
            });
            return new Value.MatrixValue(out);
        }
        Value v = eval(e);
        if (v instanceof Value.VectorValue vv) {
            return new Value.VectorValue(MetricNames.finishNames(vv.series()));
        }
        return v;
    }

    static Expr unwrap(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.expr();
        }
        return e;
    }

    public Value eval(Expr e) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CanceledException();
        }
        Value v = evalNode(e);
        if (!delayedNameRemoval && v instanceof Value.VectorValue vv) {
            // Without delayed removal every node drops the name where it decides to.
            boolean any = false;
            for (StepSeries s : vv.series()) {
                any |= s.dropName;
            }
            if (any) {
                return new Value.VectorValue(MetricNames.finishNames(vv.series()));
            }
        }
        return v;
    }

    private Value evalNode(Expr e) {
        return switch (e) {
            case Expr.NumberLiteral n -> scalar(n.value());
            case Expr.StringLiteral s -> new Value.StringValue(s.value());
            case Expr.Paren p -> eval(p.expr());
            case Expr.Unary u -> evalUnary(u);
            case Expr.VectorSelector vs -> new Value.VectorValue(vs.modifier() == Expr.SelectorModifier.SMOOTHED
                    ? selectSmoothed(vs) : selectInstant(vs, false));
            case Expr.MatrixSelector ms -> throw new EvalException("unexpected range vector in instant context");
            case Expr.Subquery sq -> throw new EvalException("unexpected subquery in instant context");
            case Expr.Binary b -> BinaryOps.eval(this, b);
            case Expr.Aggregate a -> Aggregations.eval(this, a);
            case Expr.Call c -> FunctionCalls.eval(this, c);
        };
    }

    Value.ScalarValue scalar(double v) {
        double[] a = new double[steps.length];
        Arrays.fill(a, v);
        return new Value.ScalarValue(a);
    }

    List<StepSeries> vector(Expr e) {
        Value v = eval(e);
        if (v instanceof Value.VectorValue vv) {
            return vv.series();
        }
        throw new EvalException("expected instant vector, got " + v.getClass().getSimpleName());
    }

    double[] scalarValues(Expr e) {
        Value v = eval(e);
        if (v instanceof Value.ScalarValue sv) {
            return sv.values();
        }
        throw new EvalException("expected scalar");
    }

    private Value evalUnary(Expr.Unary u) {
        Value v = eval(u.expr());
        if (!u.negate()) {
            return v;
        }
        if (v instanceof Value.ScalarValue sv) {
            double[] out = new double[sv.values().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = -sv.values()[i];
            }
            return new Value.ScalarValue(out);
        }
        List<StepSeries> out = new ArrayList<>();
        for (StepSeries s : ((Value.VectorValue) v).series()) {
            StepSeries n = s.copy(s.labels, true);
            for (int i = 0; i < n.values.length; i++) {
                n.values[i] = -n.values[i];
            }
            out.add(n);
        }
        return new Value.VectorValue(out);
    }

    /** The time each step reads at, after {@code @} and {@code offset}. */
    long[] refTimes(Expr.AtMode mode, long atMs, long offsetMs) {
        long[] r = new long[steps.length];
        for (int i = 0; i < r.length; i++) {
            long base = switch (mode) {
                case NONE -> steps[i];
                case TIMESTAMP -> atMs;
                case START -> queryStart;
                case END -> queryEnd;
            };
            r[i] = base - offsetMs;
        }
        return r;
    }

    /**
     * An instant selector at every step: the newest sample in {@code (t - 5m, t]}, unless it is a
     * staleness marker. With {@code timestamps} the value is the sample's time in seconds.
     */
    List<StepSeries> selectInstant(Expr.VectorSelector vs, boolean timestamps) {
        return selectInstant(vs, timestamps ? SampleField.TIMESTAMP : SampleField.VALUE);
    }

    /** What an instant selector yields per step: the sample's value, its time, or its start time (seconds). */
    enum SampleField { VALUE, TIMESTAMP, START_TIMESTAMP }

    List<StepSeries> selectInstant(Expr.VectorSelector vs, SampleField field) {
        long[] refs = refTimes(vs.atMode(), vs.atMs(), vs.offsetMs());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long r : refs) {
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        List<StepSeries> out = new ArrayList<>();
        selectEach(vs.matchers(), min - LOOKBACK_MS + 1, max, d -> {
            long[] ts = d.timestamps();
            double[] vals = d.values();
            long[] sts = d.startTimestamps();
            StepSeries s = new StepSeries(d.labels(), refs.length, false);
            boolean any = false;
            int p = 0;
            for (int i = 0; i < refs.length; i++) {
                long ref = refs[i];
                int idx;
                if (i > 0 && refs[i] >= refs[i - 1]) {
                    while (p < ts.length && ts[p] <= ref) {
                        p++;
                    }
                    idx = p - 1;
                } else {
                    p = RangeArg.upperIndex(ts, ref);
                    idx = p - 1;
                }
                if (idx >= 0 && ts[idx] > ref - LOOKBACK_MS && !StaleMarker.isStale(vals[idx])) {
                    s.set(i, switch (field) {
                        case VALUE -> vals[idx];
                        case TIMESTAMP -> ts[idx] / 1000.0;
                        case START_TIMESTAMP -> sts == null ? 0 : sts[idx] / 1000.0;
                    });
                    any = true;
                }
            }
            if (any) {
                out.add(s);
            }
        });
        return out;
    }

    /** A smoothed instant selector: the value interpolated at each step's time (engine.go smoothSeries). */
    private List<StepSeries> selectSmoothed(Expr.VectorSelector vs) {
        long[] refs = refTimes(vs.atMode(), vs.atMs(), vs.offsetMs());
        long min = Arrays.stream(refs).min().orElse(0);
        long max = Arrays.stream(refs).max().orElse(0);
        List<StepSeries> out = new ArrayList<>();
        selectEach(vs.matchers(), min - LOOKBACK_MS + 1, max + LOOKBACK_MS, d -> {
            RawSeries r = withoutStale(d);
            StepSeries s = new StepSeries(d.labels(), refs.length, false);
            for (int i = 0; i < refs.length; i++) {
                int lo = RangeArg.lowerIndex(r.ts(), refs[i] - LOOKBACK_MS);
                int hi = RangeArg.upperIndex(r.ts(), refs[i] + LOOKBACK_MS);
                java.util.OptionalDouble v = ExtendedRanges.smoothedAt(r.ts(), r.values(), lo, hi, refs[i]);
                if (v.isPresent()) {
                    s.set(i, v.getAsDouble());
                }
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        });
        return out;
    }

    private void selectEach(List<io.vigia.persistence.series.LabelMatcher> matchers, long from, long to,
                            java.util.function.Consumer<SeriesData> action) {
        reader.selectEach(matchers, from, to, d -> {
            samplesLoaded[0] += d.size();
            if (samplesLoaded[0] > MAX_SAMPLES) {
                throw new EvalException("query processing would load too many samples into memory in query execution");
            }
            action.accept(d);
        });
    }

    /** Prepares a range-vector argument (range selector or subquery) for every step. */
    RangeArg rangeArg(Expr e) {
        e = unwrap(e);
        if (e instanceof Expr.MatrixSelector ms) {
            Expr.VectorSelector vs = ms.selector();
            long[] ends = refTimes(vs.atMode(), vs.atMs(), vs.offsetMs());
            long min = Arrays.stream(ends).min().orElse(0);
            long max = Arrays.stream(ends).max().orElse(0);
            long from = min - ms.rangeMs() - ExtendedRanges.before(vs.modifier()) + 1;
            long to = max + ExtendedRanges.after(vs.modifier());
            return new RangeArg(action -> selectEach(vs.matchers(), from, to, d -> action.accept(withoutStale(d))),
                    ends, ms.rangeMs(), vs.modifier());
        }
        if (e instanceof Expr.Subquery sq) {
            long[] ends = refTimes(sq.atMode(), sq.atMs(), sq.offsetMs());
            long min = Arrays.stream(ends).min().orElse(0);
            long max = Arrays.stream(ends).max().orElse(0);
            long step = sq.stepMs() > 0 ? sq.stepMs() : DEFAULT_SUBQUERY_STEP_MS;
            long from = min - sq.rangeMs();
            long start = step * (from / step);
            if (start <= from) {
                start += step;
            }
            int n = start > max ? 0 : (int) ((max - start) / step) + 1;
            long[] inner = new long[n];
            for (int i = 0; i < n; i++) {
                inner[i] = start + i * step;
            }
            List<RawSeries> out = new ArrayList<>();
            if (n > 0) {
                Evaluator child = new Evaluator(reader, inner, queryStart, queryEnd, annotations, samplesLoaded);
                child.rangeQuery = rangeQuery;
                child.queryStep = queryStep;
                child.withFeatures(features);
                Value v = child.eval(sq.expr());
                if (v instanceof Value.VectorValue vv) {
                    for (StepSeries s : vv.series()) {
                        int cnt = 0;
                        for (boolean b : s.present) {
                            if (b) {
                                cnt++;
                            }
                        }
                        long[] ts = new long[cnt];
                        double[] vals = new double[cnt];
                        int k = 0;
                        for (int i = 0; i < n; i++) {
                            if (s.present[i]) {
                                ts[k] = inner[i];
                                vals[k++] = s.values[i];
                            }
                        }
                        if (cnt > 0) {
                            out.add(new RawSeries(s.labels, ts, vals, s.dropName));
                        }
                    }
                } else if (v instanceof Value.ScalarValue sv) {
                    out.add(new RawSeries(Labels.EMPTY, inner, sv.values(), false));
                }
            }
            return RangeArg.of(out, ends, sq.rangeMs());
        }
        throw new EvalException("expected range vector, got " + e.type().text());
    }

    /** The series without its staleness markers; start timestamps kept when they are in use. */
    private RawSeries withoutStale(SeriesData d) {
        double[] v = d.values();
        long[] st = features.has(PromqlFeature.USE_START_TIMESTAMPS) ? d.startTimestamps() : null;
        int stale = 0;
        for (double x : v) {
            if (StaleMarker.isStale(x)) {
                stale++;
            }
        }
        if (stale == 0) {
            return new RawSeries(d.labels(), d.timestamps(), v, false, st);
        }
        long[] ts = new long[v.length - stale];
        double[] vals = new double[v.length - stale];
        long[] sts = st == null ? null : new long[v.length - stale];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (!StaleMarker.isStale(v[i])) {
                ts[k] = d.timestamps()[i];
                if (sts != null) {
                    sts[k] = st[i];
                }
                vals[k++] = v[i];
            }
        }
        return new RawSeries(d.labels(), ts, vals, false, sts);
    }

    boolean isInstant() {
        return steps.length == 1;
    }
}
