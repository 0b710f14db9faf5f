package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.AggregateOp;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregation operators, evaluated per step over groups computed once for the whole range. */
final class Aggregations {
    private Aggregations() {
    }

    static Value eval(Evaluator ev, Expr.Aggregate a) {
        double[] param = null;
        String strParam = null;
        if (a.param() != null) {
            Value pv = ev.eval(a.param());
            if (pv instanceof Value.ScalarValue sv) {
                param = sv.values();
            } else if (pv instanceof Value.StringValue s) {
                strParam = s.value();
            }
        }
        List<StepSeries> in = ev.vector(a.expr());
        int n = ev.stepCount();
        // Group keys, once per input series.
        Map<Labels, Integer> groupIndex = new LinkedHashMap<>();
        int[] groupOf = new int[in.size()];
        for (int s = 0; s < in.size(); s++) {
            Labels key = groupKey(in.get(s).labels, a.grouping(), a.without());
            Integer g = groupIndex.get(key);
            if (g == null) {
                g = groupIndex.size();
                groupIndex.put(key, g);
            }
            groupOf[s] = g;
        }
        Labels[] keys = groupIndex.keySet().toArray(new Labels[0]);
        return switch (a.op()) {
            case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> {
                checkKParams(ev, a, param, in.isEmpty());
                yield new Value.VectorValue(selectK(ev, a.op(), in, groupOf, keys.length, param, n));
            }
            case COUNT_VALUES -> new Value.VectorValue(countValues(in, groupOf, keys, strParam, n));
            case QUANTILE -> new Value.VectorValue(keepDropName(quantile(ev, a, in, groupOf, keys, param, n), in, groupOf, keys));
            default -> new Value.VectorValue(keepDropName(simple(a.op(), in, groupOf, keys, n), in, groupOf, keys));
        };
    }

    /**
     * With delayed name removal, a group whose members are to lose their name loses it too
     * (engine.go groupedAggregation.dropName: "true if any sample in this group has DropName set"),
     * so {@code sum by (__name__) (rate(x[5m]))} ends without the name it grouped by.
     */
    private static List<StepSeries> keepDropName(List<StepSeries> out, List<StepSeries> in, int[] groupOf, Labels[] keys) {
        java.util.Set<Labels> dropping = new java.util.HashSet<>();
        for (int s = 0; s < in.size(); s++) {
            if (in.get(s).dropName && !in.get(s).isEmpty()) {
                dropping.add(keys[groupOf[s]]);
            }
        }
        if (!dropping.isEmpty()) {
            for (StepSeries o : out) {
                if (dropping.contains(o.labels)) {
                    o.dropName = true;
                }
            }
        }
        return out;
    }

    private static void checkKParams(Evaluator ev, Expr.Aggregate a, double[] param, boolean emptyInput) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (double p : param) {
            if (Double.isNaN(p)) {
                nan = true;
            } else {
                max = Math.max(max, p);
                min = Math.min(min, p);
            }
        }
        if (a.op() == AggregateOp.LIMIT_RATIO) {
            if (!nan && max == 0 && min == 0) {
                return;
            }
            if (nan) {
                throw new EvalException("Ratio value is NaN");
            }
            if (max > 1) {
                ev.annotations.warn("ratio value should be between -1 and 1, got " + FormatGo.formatG(max)
                        + ", capping to 1", a.param().pos());
            }
            if (min < -1) {
                ev.annotations.warn("ratio value should be between -1 and 1, got " + FormatGo.formatG(min)
                        + ", capping to -1", a.param().pos());
            }
            return;
        }
        if (!nan && max < 1) {
            return;
        }
        if (nan) {
            throw new EvalException("Parameter value is NaN");
        }
        if (min <= -9.223372036854775808e18) {
            throw new EvalException("Scalar value " + FormatGo.formatG(min) + " underflows int64");
        }
        if (max >= 9.223372036854775807e18) {
            throw new EvalException("Scalar value " + FormatGo.formatG(max) + " overflows int64");
        }
    }

    static Labels groupKey(Labels l, List<String> grouping, boolean without) {
        if (without) {
            Labels.Builder b = l.toBuilder();
            b.remove(Labels.METRIC_NAME);
            for (String g : grouping) {
                b.remove(g);
            }
            return b.build();
        }
        if (grouping.isEmpty()) {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        for (String g : grouping) {
            b.set(g, l.get(g));
        }
        return b.build();
    }

    private static List<StepSeries> simple(AggregateOp op, List<StepSeries> in, int[] groupOf, Labels[] keys, int n) {
        int g = keys.length;
        StepSeries[] out = new StepSeries[g];
        for (int k = 0; k < g; k++) {
            out[k] = new StepSeries(keys[k], n, false);
        }
        double[] acc = new double[g];
        double[] comp = new double[g];
        double[] mean = new double[g];
        double[] meanC = new double[g];
        int[] count = new int[g];
        boolean[] incr = new boolean[g];
        for (int i = 0; i < n; i++) {
            Arrays.fill(incr, false);
            Arrays.fill(count, 0);
            Arrays.fill(acc, 0);
            Arrays.fill(comp, 0);
            Arrays.fill(mean, 0);
            Arrays.fill(meanC, 0);
            for (int s = 0; s < in.size(); s++) {
                StepSeries ss = in.get(s);
                if (!ss.present[i]) {
                    continue;
                }
                double v = ss.values[i];
                int k = groupOf[s];
                int c = ++count[k];
                switch (op) {
                    case SUM -> {
                        double[] cc = {comp[k]};
                        acc[k] = RangeKernels.kahanInc(v, acc[k], cc);
                        comp[k] = cc[0];
                    }
                    case AVG -> {
                        if (c == 1) {
                            acc[k] = v;
                            comp[k] = 0;
                            incr[k] = false;
                            break;
                        }
                        if (!incr[k]) {
                            double[] cc = {comp[k]};
                            double nv = RangeKernels.kahanInc(v, acc[k], cc);
                            if (!Double.isInfinite(nv)) {
                                acc[k] = nv;
                                comp[k] = cc[0];
                                break;
                            }
                            incr[k] = true;
                            mean[k] = acc[k] / (c - 1);
                            comp[k] /= c - 1;
                        }
                        if (Double.isInfinite(mean[k])) {
                            if (Double.isInfinite(v) && (mean[k] > 0) == (v > 0)) {
                                break;
                            }
                            if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                                break;
                            }
                        }
                        double cur = mean[k] + comp[k];
                        double[] cc = {comp[k]};
                        mean[k] = RangeKernels.kahanInc(v / c - cur / c, mean[k], cc);
                        comp[k] = cc[0];
                    }
                    case MIN -> {
                        if (c == 1 || acc[k] > v || Double.isNaN(acc[k])) {
                            acc[k] = v;
                        }
                    }
                    case MAX -> {
                        if (c == 1 || acc[k] < v || Double.isNaN(acc[k])) {
                            acc[k] = v;
                        }
                    }
                    case STDDEV, STDVAR -> {
                        double delta = v - mean[k];
                        mean[k] += delta / c;
                        acc[k] += delta * (v - mean[k]);
                    }
                    default -> {
                    }
                }
            }
            for (int k = 0; k < g; k++) {
                int c = count[k];
                if (c == 0) {
                    continue;
                }
                double r = switch (op) {
                    case SUM -> acc[k] + comp[k];
                    case AVG -> incr[k] ? mean[k] + comp[k] : (acc[k] + comp[k]) / c;
                    case MIN, MAX -> acc[k];
                    case COUNT -> c;
                    case GROUP -> 1;
                    case STDVAR -> acc[k] / c;
                    case STDDEV -> Math.sqrt(acc[k] / c);
                    default -> throw new IllegalStateException(op.text());
                };
                out[k].set(i, r);
            }
        }
        List<StepSeries> res = new ArrayList<>(g);
        for (StepSeries s : out) {
            if (!s.isEmpty()) {
                res.add(s);
            }
        }
        return res;
    }

    private static List<StepSeries> selectK(Evaluator ev, AggregateOp op, List<StepSeries> in, int[] groupOf,
                                            int groups, double[] param, int n) {
        StepSeries[] outBySeries = new StepSeries[in.size()];
        int[][] members = new int[groups][];
        int[] sizes = new int[groups];
        for (int s = 0; s < in.size(); s++) {
            sizes[groupOf[s]]++;
        }
        for (int g = 0; g < groups; g++) {
            members[g] = new int[sizes[g]];
            sizes[g] = 0;
        }
        for (int s = 0; s < in.size(); s++) {
            members[groupOf[s]][sizes[groupOf[s]]++] = s;
        }
        List<Integer> order = new ArrayList<>();
        List<Integer> created = new ArrayList<>();
        int[] buf = new int[in.size()];
        boolean top = op == AggregateOp.TOPK;
        double[] offsets = null;
        if (op == AggregateOp.LIMIT_RATIO) {
            offsets = new double[in.size()];
            for (int s = 0; s < in.size(); s++) {
                offsets[s] = XxHash64.unitOffset(XxHash64.labelsHash(in.get(s).labels));
            }
        }
        for (int i = 0; i < n; i++) {
            double p = param[i];
            long kl;
            double ratio = 0;
            if (op == AggregateOp.LIMIT_RATIO) {
                if (p == 0) {
                    continue;
                }
                ratio = Math.max(-1, Math.min(1, p));
                kl = Long.MAX_VALUE;
            } else {
                kl = (long) p;
                if (kl < 1) {
                    continue;
                }
            }
            final int step = i;
            for (int[] grp : members) {
                int cnt = 0;
                for (int s : grp) {
                    if (in.get(s).present[step]) {
                        if (offsets != null && !((ratio >= 0 && offsets[s] < ratio)
                                || (ratio < 0 && offsets[s] >= 1.0 + ratio))) {
                            continue;
                        }
                        buf[cnt++] = s;
                    }
                }
                int take = (int) Math.min(kl, cnt);
                boolean ranked = op == AggregateOp.TOPK || op == AggregateOp.BOTTOMK;
                if (ranked && take > 16) {
                    Integer[] boxed = new Integer[cnt];
                    for (int a = 0; a < cnt; a++) {
                        boxed[a] = buf[a];
                    }
                    Arrays.sort(boxed, (x, y) -> better(in.get(x), in.get(y), step, top) ? -1
                            : better(in.get(y), in.get(x), step, top) ? 1 : 0);
                    for (int a = 0; a < cnt; a++) {
                        buf[a] = boxed[a];
                    }
                } else if (ranked) {
                    // Partial selection sort into the first `take` slots; NaN always loses.
                    for (int a = 0; a < take; a++) {
                        int best = a;
                        for (int b = a + 1; b < cnt; b++) {
                            if (better(in.get(buf[b]), in.get(buf[best]), step, top)) {
                                best = b;
                            }
                        }
                        int tmp = buf[a];
                        buf[a] = buf[best];
                        buf[best] = tmp;
                    }
                }
                for (int t = 0; t < take; t++) {
                    int s = buf[t];
                    StepSeries src = in.get(s);
                    StepSeries o = outBySeries[s];
                    if (o == null) {
                        o = new StepSeries(src.labels, n, src.dropName);
                        outBySeries[s] = o;
                        created.add(s);
                    }
                    o.set(step, src.values[step]);
                    if (n == 1) {
                        order.add(s);
                    }
                }
            }
        }
        List<StepSeries> res = new ArrayList<>();
        for (int s : n == 1 ? order : created) {
            res.add(outBySeries[s]);
        }
        return res;
    }

    /** Ranks for topk/bottomk; NaN always loses, and ties go to the lower label set so results are stable. */
    private static boolean better(StepSeries a, StepSeries b, int step, boolean top) {
        double x = a.values[step];
        double y = b.values[step];
        if (Double.isNaN(x)) {
            return false;
        }
        if (Double.isNaN(y)) {
            return true;
        }
        if (x == y) {
            return a.labels.compareTo(b.labels) < 0;
        }
        return top ? x > y : x < y;
    }

    private static List<StepSeries> countValues(List<StepSeries> in, int[] groupOf, Labels[] keys, String label, int n) {
        if (label == null || !validLabelName(label)) {
            throw new EvalException("invalid label name " + io.vigia.datasources.promql.parser.GoStrings.quote(
                    label == null ? "" : label));
        }
        Map<Labels, StepSeries> out = new LinkedHashMap<>();
        Map<Labels, int[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < in.size(); s++) {
                StepSeries ss = in.get(s);
                if (!ss.present[i]) {
                    continue;
                }
                Labels key = keys[groupOf[s]].toBuilder().set(label, FormatGo.formatFloat(ss.values[i])).build();
                StepSeries o = out.computeIfAbsent(key, kk -> new StepSeries(kk, n, false));
                int[] c = counts.computeIfAbsent(key, kk -> new int[n]);
                c[i]++;
                o.set(i, c[i]);
            }
        }
        return new ArrayList<>(out.values());
    }

    static boolean validLabelName(String s) {
        return !s.isEmpty() && io.vigia.datasources.promql.parser.GoStrings.isValidUtf8(s);
    }

    private static List<StepSeries> quantile(Evaluator ev, Expr.Aggregate a, List<StepSeries> in, int[] groupOf,
                                             Labels[] keys, double[] q, int n) {
        int g = keys.length;
        StepSeries[] out = new StepSeries[g];
        for (int k = 0; k < g; k++) {
            out[k] = new StepSeries(keys[k], n, false);
        }
        double[][] buf = new double[g][];
        int[] cnt = new int[g];
        for (int k = 0; k < g; k++) {
            buf[k] = new double[8];
        }
        warnQuantiles(ev, q, a.param());
        for (int i = 0; i < n; i++) {
            Arrays.fill(cnt, 0);
            for (int s = 0; s < in.size(); s++) {
                StepSeries ss = in.get(s);
                if (!ss.present[i]) {
                    continue;
                }
                int k = groupOf[s];
                if (cnt[k] == buf[k].length) {
                    buf[k] = Arrays.copyOf(buf[k], cnt[k] * 2);
                }
                buf[k][cnt[k]++] = ss.values[i];
            }
            for (int k = 0; k < g; k++) {
                if (cnt[k] > 0) {
                    out[k].set(i, quantileOf(q[i], buf[k], cnt[k]));
                }
            }
        }
        List<StepSeries> res = new ArrayList<>();
        for (StepSeries s : out) {
            if (!s.isEmpty()) {
                res.add(s);
            }
        }
        return res;
    }

    static void warnQuantiles(Evaluator ev, double[] q, Expr param) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (double v : q) {
            if (Double.isNaN(v)) {
                nan = true;
            } else {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        if (nan) {
            ev.annotations.warn("quantile value should be between 0 and 1, got NaN", param.pos());
        }
        if (max > 1) {
            ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(max), param.pos());
        }
        if (min < 0) {
            ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(min), param.pos());
        }
    }

    /** Prometheus's quantile: linear interpolation between the closest ranks, NaNs sorted first. */
    static double quantileOf(double q, double[] values, int len) {
        if (len == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] v = Arrays.copyOf(values, len);
        Arrays.sort(v);
        int nan = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                nan++;
            }
        }
        if (nan > 0) {
            double[] w = new double[len];
            Arrays.fill(w, 0, nan, Double.NaN);
            System.arraycopy(v, 0, w, nan, len - nan);
            v = w;
        }
        double rank = q * (len - 1);
        double lower = Math.max(0, Math.floor(rank));
        double upper = Math.min(len - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return v[(int) lower] * (1 - weight) + v[(int) upper] * weight;
    }
}
