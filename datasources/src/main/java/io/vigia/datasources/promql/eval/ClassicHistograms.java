package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * histogram_quantile and histogram_fraction over classic {@code le} bucket series. Interim
 * kernels until the shared function library is wired in.
 */
final class ClassicHistograms {
    private ClassicHistograms() {
    }

    private record Group(Labels labels, List<Integer> members, List<Double> bounds) {
    }

    private static Map<Labels, Group> groups(Evaluator ev, List<StepSeries> in, Expr vecArg, double[] bounds) {
        Map<Labels, Group> groups = new LinkedHashMap<>();
        for (int s = 0; s < in.size(); s++) {
            StepSeries ss = in.get(s);
            String le = ss.labels.get("le");
            double ub;
            try {
                ub = parseLe(le);
            } catch (NumberFormatException e) {
                String metric = ss.labels.metricName();
                ev.annotations.warn("bucket label \"le\" is missing or has a malformed value of \"" + le + "\""
                        + (metric.isEmpty() ? "" : " for metric name \"" + metric + "\""), vecArg.pos());
                continue;
            }
            bounds[s] = ub;
            // The name stays in the key: Prometheus 3 removes it only when the result is assembled.
            Labels key = ss.labels.toBuilder().remove("le").build();
            groups.computeIfAbsent(key, k -> new Group(k, new ArrayList<>(), new ArrayList<>())).members().add(s);
        }
        return groups;
    }

    static double parseLe(String le) {
        if (le.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        String t = le.trim();
        if (t.equalsIgnoreCase("+inf") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")
                || t.equalsIgnoreCase("+infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-inf") || t.equalsIgnoreCase("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!t.equals(le) || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new NumberFormatException(le);
        }
        return Double.parseDouble(t);
    }

    static Value quantile(Evaluator ev, Expr.Call call) {
        double[] q = ev.scalarValues(call.args().get(0));
        Expr vecArg = call.args().get(1);
        List<StepSeries> in = ev.vector(vecArg);
        int n = ev.stepCount();
        double[] bounds = new double[in.size()];
        Map<Labels, Group> groups = groups(ev, in, vecArg, bounds);
        List<StepSeries> out = new ArrayList<>();
        boolean warnedQ = false;
        for (double qv : q) {
            if (!(qv >= 0 && qv <= 1)) {
                ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(qv),
                        call.args().get(0).pos());
                warnedQ = true;
                break;
            }
        }
        for (Group g : groups.values()) {
            StepSeries o = new StepSeries(g.labels(), n, true);
            int m = g.members().size();
            double[] ub = new double[m];
            double[] cnt = new double[m];
            for (int i = 0; i < n; i++) {
                int k = 0;
                for (int s : g.members()) {
                    if (in.get(s).present[i]) {
                        ub[k] = bounds[s];
                        cnt[k++] = in.get(s).values[i];
                    }
                }
                if (k == 0) {
                    continue;
                }
                if (!(q[i] >= 0 && q[i] <= 1) && !warnedQ) {
                    ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(q[i]),
                            call.args().get(0).pos());
                    warnedQ = true;
                }
                boolean[] flags = new boolean[2];
                double[] fix = new double[3];
                double r = bucketQuantile(q[i], ub, cnt, k, flags, fix);
                if (flags[0]) {
                    ev.annotations.forcedMonotonicity(g.labels().metricName(), vecArg.pos(), ev.step(i), fix[0], fix[1],
                            fix[2]);
                }
                o.set(i, r);
            }
            if (!o.isEmpty()) {
                out.add(o);
            }
        }
        return new Value.VectorValue(out);
    }

    /** histogram_quantiles(v, "label", q1, q2, ...): one output series per quantile, labelled by it. */
    static Value quantiles(Evaluator ev, Expr.Call call) {
        Expr vecArg = call.args().get(0);
        String qLabel = ((Value.StringValue) ev.eval(call.args().get(1))).value();
        List<double[]> qs = new ArrayList<>();
        for (int a = 2; a < call.args().size(); a++) {
            double[] q = ev.scalarValues(call.args().get(a));
            for (double qv : q) {
                if (!(qv >= 0 && qv <= 1)) {
                    ev.annotations.warn("quantile value should be between 0 and 1, got " + FormatGo.formatG(qv),
                            call.args().get(a).pos());
                    break;
                }
            }
            qs.add(q);
        }
        List<StepSeries> in = ev.vector(vecArg);
        int n = ev.stepCount();
        double[] bounds = new double[in.size()];
        Map<Labels, Group> groups = groups(ev, in, vecArg, bounds);
        Map<Labels, StepSeries> out = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            int m = g.members().size();
            double[] ub = new double[m];
            double[] cnt = new double[m];
            for (int i = 0; i < n; i++) {
                for (double[] q : qs) {
                    int k = 0;
                    for (int s : g.members()) {
                        if (in.get(s).present[i]) {
                            ub[k] = bounds[s];
                            cnt[k++] = in.get(s).values[i];
                        }
                    }
                    if (k == 0) {
                        continue;
                    }
                    boolean[] flags = new boolean[2];
                    double[] fix = new double[3];
                    double r = bucketQuantile(q[i], ub, cnt, k, flags, fix);
                    if (flags[0]) {
                        ev.annotations.forcedMonotonicity(g.labels().metricName(), vecArg.pos(), ev.step(i), fix[0],
                                fix[1], fix[2]);
                    }
                    Labels l = g.labels().toBuilder().set(qLabel, formatOpenMetricsFloat(q[i])).build();
                    StepSeries o = out.computeIfAbsent(l, x -> new StepSeries(x, n, true));
                    if (o.present[i]) {
                        throw new EvalException("vector cannot contain metrics with the same labelset");
                    }
                    o.set(i, r);
                }
            }
        }
        return new Value.VectorValue(new ArrayList<>(out.values()));
    }

    /** OpenMetrics float text: Go's %g, with ".0" appended to integral values. */
    static String formatOpenMetricsFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        String g = FormatGo.formatG(f);
        return g.contains(".") || g.contains("e") ? g : g + ".0";
    }

    static Value fraction(Evaluator ev, Expr.Call call) {
        double[] lower = ev.scalarValues(call.args().get(0));
        double[] upper = ev.scalarValues(call.args().get(1));
        Expr vecArg = call.args().get(2);
        List<StepSeries> in = ev.vector(vecArg);
        int n = ev.stepCount();
        double[] bounds = new double[in.size()];
        Map<Labels, Group> groups = groups(ev, in, vecArg, bounds);
        List<StepSeries> out = new ArrayList<>();
        for (Group g : groups.values()) {
            StepSeries o = new StepSeries(g.labels(), n, true);
            int m = g.members().size();
            double[] ub = new double[m];
            double[] cnt = new double[m];
            for (int i = 0; i < n; i++) {
                int k = 0;
                for (int s : g.members()) {
                    if (in.get(s).present[i]) {
                        ub[k] = bounds[s];
                        cnt[k++] = in.get(s).values[i];
                    }
                }
                if (k == 0) {
                    continue;
                }
                o.set(i, bucketFraction(lower[i], upper[i], ub, cnt, k));
            }
            if (!o.isEmpty()) {
                out.add(o);
            }
        }
        return new Value.VectorValue(out);
    }

    /** Sorts by bound and merges equal bounds; returns the new length. */
    private static int sortAndCoalesce(double[] ub, double[] cnt, int k) {
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(ub[a], ub[b]));
        double[] u2 = new double[k];
        double[] c2 = new double[k];
        for (int i = 0; i < k; i++) {
            u2[i] = ub[idx[i]];
            c2[i] = cnt[idx[i]];
        }
        int len = 0;
        for (int i = 0; i < k; i++) {
            if (len > 0 && u2[i] == ub[len - 1]) {
                cnt[len - 1] += c2[i];
            } else {
                ub[len] = u2[i];
                cnt[len] = c2[i];
                len++;
            }
        }
        return len;
    }

    static double bucketQuantile(double q, double[] ub, double[] cnt, int k, boolean[] flags) {
        return bucketQuantile(q, ub, cnt, k, flags, new double[3]);
    }

    /** flags[0]: forced monotonic; flags[1]: fixed precision; fix: min bucket, max bucket, max diff. */
    static double bucketQuantile(double q, double[] ub, double[] cnt, int k, boolean[] flags, double[] fix) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        k = sortAndCoalesce(ub, cnt, k);
        if (ub[k - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        fix[0] = Double.POSITIVE_INFINITY;
        fix[1] = Double.NEGATIVE_INFINITY;
        fix[2] = 0;
        double prev = cnt[0];
        for (int i = 1; i < k; i++) {
            double curr = cnt[i];
            if (curr == prev) {
                continue;
            }
            if (almostEqual(prev, curr, 1e-12)) {
                cnt[i] = prev;
                flags[1] = true;
                continue;
            }
            if (curr < prev) {
                cnt[i] = prev;
                flags[0] = true;
                fix[0] = Math.min(fix[0], ub[i]);
                fix[1] = Math.max(fix[1], ub[i]);
                fix[2] = Math.max(fix[2], prev - curr);
                continue;
            }
            prev = curr;
        }
        if (k < 2) {
            return Double.NaN;
        }
        double observations = cnt[k - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < k - 1 && !(cnt[b] >= rank)) {
            b++;
        }
        if (b == k - 1) {
            return ub[k - 2];
        }
        if (b == 0 && ub[0] <= 0) {
            return ub[0];
        }
        double bucketStart = 0;
        double bucketEnd = ub[b];
        double count = cnt[b];
        if (b > 0) {
            bucketStart = ub[b - 1];
            count -= cnt[b - 1];
            rank -= cnt[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    static boolean almostEqual(double a, double b, double epsilon) {
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < epsilon * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }

    static double bucketFraction(double lower, double upper, double[] ub, double[] cnt, int k) {
        k = sortAndCoalesce(ub, cnt, k);
        if (ub[k - 1] != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double count = cnt[k - 1];
        if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        for (int i = 0; i < k; i++) {
            double lowerBound = Double.NEGATIVE_INFINITY;
            if (i > 0) {
                lowerBound = ub[i - 1];
            } else if (ub[0] > 0) {
                lowerBound = 0;
            }
            double upperBound = ub[i];
            if (!lowerSet && lowerBound >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && lowerBound >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            if (!lowerSet && lowerBound < lower && upperBound > lower) {
                lowerRank = interpolate(rank, cnt[i], lowerBound, upperBound, lower);
                lowerSet = true;
            }
            if (!upperSet && lowerBound < upper && upperBound > upper) {
                upperRank = interpolate(rank, cnt[i], lowerBound, upperBound, upper);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank = cnt[i];
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return (upperRank - lowerRank) / count;
    }

    private static double interpolate(double rank, double bucketCount, double lowerBound, double upperBound, double v) {
        if (Double.isInfinite(lowerBound) || Double.isInfinite(upperBound)) {
            // No interpolation into an open-ended bucket: take its lower rank.
            return Double.isInfinite(upperBound) ? rank : bucketCount;
        }
        return rank + (bucketCount - rank) * (v - lowerBound) / (upperBound - lowerBound);
    }
}
