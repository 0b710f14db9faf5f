package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Functions over range vectors: each series' window per step, on the primitive sample arrays. */
final class RangeFunctions {
    private RangeFunctions() {
    }

    static Value eval(Evaluator ev, Expr.Call call) {
        String name = call.func().name();
        List<Expr> args = call.args();
        int matrixArg = switch (name) {
            case "quantile_over_time" -> 1;
            default -> 0;
        };
        if (name.equals("absent_over_time")) {
            Expr a = Evaluator.unwrap(args.get(0));
            if (a instanceof Expr.MatrixSelector ms) {
                ExtendedRanges.checkFunction(name, ms.selector().modifier());
            }
            return absentOverTime(ev, args.get(0));
        }
        double[] p1 = null;
        double[] p2 = null;
        if (name.equals("quantile_over_time")) {
            p1 = ev.scalarValues(args.get(0));
            for (double q : p1) {
                if (!(q >= 0 && q <= 1)) {
                    ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(q),
                            args.get(0).pos());
                    break;
                }
            }
        } else if (name.equals("predict_linear")) {
            p1 = ev.scalarValues(args.get(1));
        } else if (name.equals("double_exponential_smoothing")) {
            p1 = ev.scalarValues(args.get(1));
            p2 = ev.scalarValues(args.get(2));
        }
        RangeArg arg = ev.rangeArg(args.get(matrixArg));
        if (arg.modifier() != Expr.SelectorModifier.NONE) {
            ExtendedRanges.checkFunction(name, arg.modifier());
            return ExtendedRangeFunctions.eval(ev, call, arg);
        }
        int code = FUNCTION_CODES.indexOf(name);
        boolean dropIfTooFew = code <= 4;
        boolean keepName = name.equals("last_over_time") || name.equals("first_over_time");
        int n = ev.stepCount();
        long[] ends = arg.windowEnd();
        long range = arg.rangeMs();
        double[] reg = new double[2];
        List<StepSeries> out = new ArrayList<>();
        final double[] q1 = p1;
        final double[] q2 = p2;
        arg.forEach(s -> {
            long[] ts = s.ts();
            double[] v = s.values();
            StepSeries o = new StepSeries(s.labels(), n, s.dropName() || !keepName);
            boolean any = false;
            boolean useSt = s.st() != null && (code == 0 || code == 1 || code == 3 || code == 7);
            boolean[] overlap = new boolean[1];
            for (int i = 0; i < n; i++) {
                long end = ends[i];
                long start = end - range;
                int lo = RangeArg.lowerIndex(ts, start);
                int hi = RangeArg.upperIndex(ts, end);
                if (hi <= lo) {
                    continue;
                }
                if (useSt) {
                    overlap[0] = false;
                    java.util.OptionalDouble r = switch (code) {
                        case 0, 1 -> StartTimestamps.rate(ts, v, s.st(), lo, hi, start, end, code == 0, overlap);
                        case 3 -> StartTimestamps.irate(ts, v, s.st(), lo, hi);
                        default -> java.util.OptionalDouble.of(StartTimestamps.resets(ts, v, s.st(), lo, hi));
                    };
                    if (overlap[0]) {
                        ev.annotations.startTimeOverlap(s.labels().metricName(), args.get(0).pos());
                    }
                    if (r.isPresent()) {
                        o.set(i, r.getAsDouble());
                        any = true;
                    }
                    continue;
                }
                double r;
                switch (code) {
                    case 0 -> r = RangeKernels.extrapolatedRate(ts, v, lo, hi, start, end, true, true);
                    case 1 -> r = RangeKernels.extrapolatedRate(ts, v, lo, hi, start, end, true, false);
                    case 2 -> r = RangeKernels.extrapolatedRate(ts, v, lo, hi, start, end, false, false);
                    case 3 -> r = RangeKernels.instantValue(ts, v, lo, hi, true);
                    case 4 -> r = RangeKernels.instantValue(ts, v, lo, hi, false);
                    case 5 -> {
                        if (hi - lo < 2) {
                            continue;
                        }
                        RangeKernels.linearRegression(ts, v, lo, hi, ts[lo], reg);
                        r = reg[0];
                    }
                    case 6 -> {
                        if (hi - lo < 2) {
                            continue;
                        }
                        RangeKernels.linearRegression(ts, v, lo, hi, ev.step(i), reg);
                        r = reg[0] * q1[i] + reg[1];
                    }
                    case 7 -> r = RangeKernels.resets(v, lo, hi);
                    case 8 -> r = RangeKernels.changes(v, lo, hi);
                    case 9 -> r = RangeKernels.sum(v, lo, hi);
                    case 10 -> r = RangeKernels.avg(v, lo, hi);
                    case 11 -> r = hi - lo;
                    case 12 -> r = RangeKernels.min(v, lo, hi);
                    case 13 -> r = RangeKernels.max(v, lo, hi);
                    case 14 -> r = v[hi - 1];
                    case 15 -> r = v[lo];
                    case 16 -> r = ts[hi - 1] / 1000.0;
                    case 17 -> r = ts[lo] / 1000.0;
                    case 18 -> r = 1;
                    case 19 -> r = RangeKernels.variance(v, lo, hi);
                    case 20 -> r = Math.sqrt(RangeKernels.variance(v, lo, hi));
                    case 21 -> r = Aggregations.quantileOf(q1[i], Arrays.copyOfRange(v, lo, hi), hi - lo);
                    case 23 -> r = tsOfExtreme(ts, v, lo, hi, true);
                    case 24 -> r = tsOfExtreme(ts, v, lo, hi, false);
                    case 25 -> {
                        if (hi - lo < 2) {
                            continue;
                        }
                        r = smooth(v, lo, hi, q1[i], q2[i]);
                    }
                    case 22 -> {
                        boolean anyNaN = false;
                        for (int k = lo; k < hi; k++) {
                            anyNaN |= Double.isNaN(v[k]);
                        }
                        if (anyNaN) {
                            r = Double.NaN;
                            break;
                        }
                        double[] w = Arrays.copyOfRange(v, lo, hi);
                        double med = Aggregations.quantileOf(0.5, w, w.length);
                        for (int k = 0; k < w.length; k++) {
                            w[k] = Math.abs(w[k] - med);
                        }
                        r = Aggregations.quantileOf(0.5, w, w.length);
                    }
                    default -> throw new EvalException("function \"" + name + "\" is not supported");
                }
                if (dropIfTooFew && hi - lo < 2) {
                    continue;
                }
                o.set(i, r);
                any = true;
            }
            if (any) {
                out.add(o);
                if (code <= 1) {
                    nonCounterInfo(ev, s.labels(), args.get(0));
                }
            }
        });
        return new Value.VectorValue(out);
    }

    /**
     * Prometheus's hint that rate()/increase() may be applied to a gauge: from the metric name's
     * suffix, or with type-and-unit labels from {@code __type__} (engine.go rangeEval; messages from
     * util/annotations: PossibleNonCounterInfo, PossibleNonCounterLabelInfo).
     */
    static void nonCounterInfo(Evaluator ev, io.vigia.persistence.series.Labels labels, Expr arg) {
        String metric = labels.metricName();
        if (metric.isEmpty()) {
            return;
        }
        if (ev.features.has(io.vigia.datasources.promql.ast.PromqlFeature.TYPE_AND_UNIT_LABELS)) {
            String type = labels.get("__type__");
            if (!type.equals("counter") && !type.equals("histogram")) {
                ev.annotations.info("metric might not be a counter, __type__ label is not set to \"counter\" or "
                        + "\"histogram\", got \"" + type + "\": \"" + metric + "\"", arg.pos());
            }
            return;
        }
        if (!(metric.endsWith("_total") || metric.endsWith("_sum")
                || metric.endsWith("_count") || metric.endsWith("_bucket"))) {
            ev.annotations.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \""
                    + metric + "\"", arg.pos());
        }
    }

    private static final List<String> FUNCTION_CODES = List.of("rate", "increase", "delta", "irate", "idelta", "deriv", "predict_linear", "resets", "changes", "sum_over_time", "avg_over_time", "count_over_time", "min_over_time", "max_over_time", "last_over_time", "first_over_time", "ts_of_last_over_time", "ts_of_first_over_time", "present_over_time", "stdvar_over_time", "stddev_over_time", "quantile_over_time", "mad_over_time",
            "ts_of_max_over_time", "ts_of_min_over_time", "double_exponential_smoothing");

    /** Timestamp of the last maximum (or minimum); NaN loses to any number. */
    private static double tsOfExtreme(long[] ts, double[] v, int lo, int hi, boolean max) {
        double best = v[lo];
        long at = ts[lo];
        for (int k = lo; k < hi; k++) {
            double c = v[k];
            if ((max ? c >= best : c <= best) || Double.isNaN(best)) {
                best = c;
                at = ts[k];
            }
        }
        return at / 1000.0;
    }

    /** Holt's double exponential smoothing with smoothing factor sf and trend factor tf. */
    private static double smooth(double[] v, int lo, int hi, double sf, double tf) {
        if (!(sf > 0 && sf < 1)) {
            throw new EvalException(String.format(java.util.Locale.ROOT,
                    "invalid smoothing factor. Expected: 0 < sf < 1, got: %f", sf));
        }
        if (!(tf > 0 && tf < 1)) {
            throw new EvalException(String.format(java.util.Locale.ROOT,
                    "invalid trend factor. Expected: 0 < tf < 1, got: %f", tf));
        }
        double s0 = 0;
        double s1 = v[lo];
        double b = v[lo + 1] - v[lo];
        for (int i = 1; i < hi - lo; i++) {
            double x = sf * v[lo + i];
            b = i - 1 == 0 ? b : tf * (s1 - s0) + (1 - tf) * b;
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        return s1;
    }

    private static Value absentOverTime(Evaluator ev, Expr argExpr) {
        RangeArg arg = ev.rangeArg(argExpr);
        int n = ev.stepCount();
        StepSeries o = new StepSeries(FunctionCalls.absentLabels(argExpr), n, false);
        boolean[] seen = new boolean[n];
        arg.forEach(s -> {
            for (int i = 0; i < n; i++) {
                long end = arg.windowEnd()[i];
                if (!seen[i] && RangeArg.upperIndex(s.ts(), end) > RangeArg.lowerIndex(s.ts(), end - arg.rangeMs())) {
                    seen[i] = true;
                }
            }
        });
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                o.set(i, 1);
            }
        }
        return new Value.VectorValue(o.isEmpty() ? List.of() : List.of(o));
    }
}
