package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The single dispatch point for PromQL function calls: every function is looked up here by name
 * and runs over primitive arrays, one window or one step at a time.
 */
final class FunctionCalls {
    private FunctionCalls() {
    }

    static Value eval(Evaluator ev, Expr.Call call) {
        String name = call.func().name();
        List<Expr> args = call.args();
        DoubleUnaryOperator simple = simpleFunction(name);
        if (simple != null) {
            return mapValues(ev.vector(args.get(0)), simple);
        }
        return switch (name) {
            case "time" -> {
                double[] out = new double[ev.stepCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ev.step(i) / 1000.0;
                }
                yield new Value.ScalarValue(out);
            }
            case "pi" -> ev.scalar(Math.PI);
            case "start" -> ev.scalar(ev.queryStart / 1000.0);
            case "end" -> ev.scalar(ev.queryEnd / 1000.0);
            case "range" -> ev.scalar((ev.queryEnd - ev.queryStart) / 1000.0);
            case "step" -> ev.scalar(ev.queryStart == ev.queryEnd ? 0 : ev.queryStep / 1000.0);
            case "min_of", "max_of" -> {
                double[] x = ev.scalarValues(args.get(0));
                double[] y = ev.scalarValues(args.get(1));
                double[] out = new double[x.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = name.equals("min_of") ? Math.min(x[i], y[i]) : Math.max(x[i], y[i]);
                }
                yield new Value.ScalarValue(out);
            }
            case "vector" -> {
                double[] v = ev.scalarValues(args.get(0));
                StepSeries s = new StepSeries(Labels.EMPTY, v.length, false);
                for (int i = 0; i < v.length; i++) {
                    s.set(i, v[i]);
                }
                yield new Value.VectorValue(List.of(s));
            }
            case "scalar" -> {
                List<StepSeries> in = ev.vector(args.get(0));
                double[] out = new double[ev.stepCount()];
                for (int i = 0; i < out.length; i++) {
                    int c = 0;
                    double v = Double.NaN;
                    for (StepSeries s : in) {
                        if (s.present[i]) {
                            c++;
                            v = s.values[i];
                        }
                    }
                    out[i] = c == 1 ? v : Double.NaN;
                }
                yield new Value.ScalarValue(out);
            }
            case "timestamp" -> {
                Expr a = Evaluator.unwrap(args.get(0));
                List<StepSeries> in;
                if (a instanceof Expr.VectorSelector vs) {
                    in = ev.selectInstant(vs, true);
                } else {
                    in = new ArrayList<>();
                    for (StepSeries s : ev.vector(a)) {
                        StepSeries o = s.copy(s.labels, s.dropName);
                        for (int i = 0; i < o.values.length; i++) {
                            o.values[i] = ev.step(i) / 1000.0;
                        }
                        in.add(o);
                    }
                }
                for (StepSeries s : in) {
                    s.dropName = true;
                }
                yield new Value.VectorValue(in);
            }
            case "start_timestamp" -> startTimestamp(ev, args.get(0));
            case "round" -> {
                double[] to = args.size() > 1 ? ev.scalarValues(args.get(1)) : ev.scalar(1).values();
                yield mapValuesPerStep(ev.vector(args.get(0)), (v, i) -> {
                    double inv = 1.0 / to[i];
                    return Math.floor(v * inv + 0.5) / inv;
                });
            }
            case "clamp" -> {
                List<StepSeries> in = ev.vector(args.get(0));
                double[] lo = ev.scalarValues(args.get(1));
                double[] hi = ev.scalarValues(args.get(2));
                List<StepSeries> out = new ArrayList<>();
                for (StepSeries s : in) {
                    StepSeries o = new StepSeries(s.labels, s.values.length, true);
                    for (int i = 0; i < s.values.length; i++) {
                        if (s.present[i] && !(hi[i] < lo[i])) {
                            o.set(i, Math.max(lo[i], Math.min(hi[i], s.values[i])));
                        }
                    }
                    if (!o.isEmpty()) {
                        out.add(o);
                    }
                }
                yield new Value.VectorValue(out);
            }
            case "clamp_min" -> {
                double[] lo = ev.scalarValues(args.get(1));
                yield mapValuesPerStep(ev.vector(args.get(0)), (v, i) -> Math.max(lo[i], v));
            }
            case "clamp_max" -> {
                double[] hi = ev.scalarValues(args.get(1));
                yield mapValuesPerStep(ev.vector(args.get(0)), (v, i) -> Math.min(hi[i], v));
            }
            case "sort", "sort_desc" -> {
                warnSortInRange(ev, call);
                List<StepSeries> in = new ArrayList<>(ev.vector(args.get(0)));
                if (ev.isInstant()) {
                    boolean desc = name.equals("sort_desc");
                    in.sort((a, b) -> {
                        double x = a.values[0];
                        double y = b.values[0];
                        boolean nx = Double.isNaN(x);
                        boolean ny = Double.isNaN(y);
                        if (nx || ny) {
                            return Boolean.compare(nx, ny);
                        }
                        return desc ? Double.compare(y, x) : Double.compare(x, y);
                    });
                }
                yield new Value.VectorValue(in);
            }
            case "sort_by_label", "sort_by_label_desc" -> {
                warnSortInRange(ev, call);
                List<StepSeries> in = new ArrayList<>(ev.vector(args.get(0)));
                List<String> labels = new ArrayList<>();
                for (int a = 1; a < args.size(); a++) {
                    labels.add(((Value.StringValue) ev.eval(args.get(a))).value());
                }
                Comparator<StepSeries> cmp = (x, y) -> {
                    for (String l : labels) {
                        int c = NaturalOrder.compare(x.labels.get(l), y.labels.get(l));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return x.labels.compareTo(y.labels);
                };
                in.sort(name.endsWith("_desc") ? cmp.reversed() : cmp);
                yield new Value.VectorValue(in);
            }
            case "info" -> InfoFunction.eval(ev, call);
            case "label_replace" -> labelReplace(ev, args);
            case "label_join" -> labelJoin(ev, args);
            case "absent" -> absent(ev, args.get(0));
            case "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year" ->
                    dateFunction(ev, name, args);
            case "histogram_quantile" -> ClassicHistograms.quantile(ev, call);
            case "histogram_fraction" -> ClassicHistograms.fraction(ev, call);
            case "histogram_quantiles" -> ClassicHistograms.quantiles(ev, call);
            case "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev", "histogram_stdvar" -> {
                ev.vector(args.get(0));
                // Classic (float) series carry no native histogram: these functions return nothing for them.
                yield new Value.VectorValue(List.of());
            }
            default -> RangeFunctions.eval(ev, call);
        };
    }

    /**
     * start_timestamp(v): the start time of each selected sample in seconds (0 when unknown). As in
     * Prometheus, only a plain selector argument with use-start-timestamps on yields anything;
     * over an expression the start times are lost and the result is empty.
     */
    private static Value startTimestamp(Evaluator ev, Expr arg) {
        Expr a = Evaluator.unwrap(arg);
        if (!(a instanceof Expr.VectorSelector vs)
                || !ev.features.has(io.vigia.datasources.promql.ast.PromqlFeature.USE_START_TIMESTAMPS)) {
            ev.vector(arg);
            return new Value.VectorValue(List.of());
        }
        List<StepSeries> in = ev.selectInstant(vs, Evaluator.SampleField.START_TIMESTAMP);
        for (StepSeries s : in) {
            s.dropName = true;
        }
        return new Value.VectorValue(in);
    }

    private static void warnSortInRange(Evaluator ev, Expr.Call call) {
        if (ev.rangeQuery) {
            ev.annotations.warn("sort is ineffective for range queries since results are always ordered by labels",
                    call.pos());
        }
    }

    static DoubleUnaryOperator simpleFunction(String name) {
        return switch (name) {
            case "abs" -> Math::abs;
            case "ceil" -> Math::ceil;
            case "floor" -> Math::floor;
            case "exp" -> Math::exp;
            case "sqrt" -> Math::sqrt;
            case "ln" -> Math::log;
            case "log2" -> FunctionCalls::log2;
            case "log10" -> Math::log10;
            case "sgn" -> v -> v < 0 ? -1 : v > 0 ? 1 : v;
            case "deg" -> v -> v * 180 / Math.PI;
            case "rad" -> v -> v * Math.PI / 180;
            case "acos" -> Math::acos;
            case "asin" -> Math::asin;
            case "atan" -> Math::atan;
            case "cos" -> Math::cos;
            case "sin" -> Math::sin;
            case "tan" -> Math::tan;
            case "cosh" -> Math::cosh;
            case "sinh" -> Math::sinh;
            case "tanh" -> Math::tanh;
            case "acosh" -> FunctionCalls::acosh;
            case "asinh" -> FunctionCalls::asinh;
            case "atanh" -> FunctionCalls::atanh;
            default -> null;
        };
    }

    private static final double LN2 = Math.log(2);

    /** Inverse hyperbolic functions as Go's math package computes them (Java has none). */
    static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x >= 0x1p28) {
            return Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        boolean sign = x < 0;
        x = Math.abs(x);
        double t;
        if (x > 0x1p28) {
            t = Math.log(x) + LN2;
        } else if (x > 2) {
            t = Math.log(2 * x + 1 / (Math.sqrt(x * x + 1) + x));
        } else if (x < 0x1p-28) {
            t = x;
        } else {
            t = Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        }
        return sign ? -t : t;
    }

    static double atanh(double x) {
        if (x < -1 || x > 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        boolean sign = x < 0;
        x = Math.abs(x);
        double t;
        if (x < 0x1p-28) {
            t = x;
        } else if (x < 0.5) {
            t = x + x;
            t = 0.5 * Math.log1p(t + t * x / (1 - x));
        } else {
            t = 0.5 * Math.log1p((x + x) / (1 - x));
        }
        return sign ? -t : t;
    }

    /** Go's math.Log2: exact for powers of two, via frexp otherwise. */
    static double log2(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return Math.log(v) / Math.log(2);
        }
        int scale = 0;
        if (v < Double.MIN_NORMAL) {
            v *= 0x1p54;
            scale = -54;
        }
        int e = Math.getExponent(v) + 1;
        double frac = v / Math.scalb(1.0, e);
        if (frac == 0.5) {
            return e - 1 + scale;
        }
        return Math.log(frac) * (1 / Math.log(2)) + e + scale;
    }

    interface StepOp {
        double apply(double v, int step);
    }

    static Value mapValues(List<StepSeries> in, DoubleUnaryOperator f) {
        return mapValuesPerStep(in, (v, i) -> f.applyAsDouble(v));
    }

    static Value mapValuesPerStep(List<StepSeries> in, StepOp f) {
        List<StepSeries> out = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            StepSeries o = new StepSeries(s.labels, s.values.length, true);
            for (int i = 0; i < s.values.length; i++) {
                if (s.present[i]) {
                    o.set(i, f.apply(s.values[i], i));
                }
            }
            out.add(o);
        }
        return new Value.VectorValue(out);
    }

    private static String str(Evaluator ev, Expr e) {
        return ((Value.StringValue) ev.eval(e)).value();
    }

    private static Value labelReplace(Evaluator ev, List<Expr> args) {
        String dst = str(ev, args.get(1));
        String repl = str(ev, args.get(2));
        String src = str(ev, args.get(3));
        String regex = str(ev, args.get(4));
        Pattern p;
        try {
            p = Pattern.compile("^(?:" + regex + ")$", Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new EvalException("invalid regular expression in label_replace(): " + regex);
        }
        if (!validLabelName(dst)) {
            throw new EvalException("invalid destination label name in label_replace(): " + dst);
        }
        List<StepSeries> in = ev.vector(args.get(0));
        List<StepSeries> out = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            Matcher m = p.matcher(s.labels.get(src));
            if (!m.matches()) {
                out.add(s);
                continue;
            }
            String v = expand(repl, m);
            Labels nl = s.labels.toBuilder().set(dst, v).build();
            boolean drop = s.dropName && !dst.equals(Labels.METRIC_NAME);
            out.add(s.copy(nl, drop));
        }
        return new Value.VectorValue(MetricNames.mergeSameLabels(out));
    }

    static boolean validLabelName(String s) {
        return !s.isEmpty() && io.vigia.datasources.promql.parser.GoStrings.isValidUtf8(s);
    }

    /** Go's regexp Expand: $1, ${1}, $name, ${name}, $$; unknown groups expand to nothing. */
    static String expand(String template, Matcher m) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char n = template.charAt(i + 1);
            if (n == '$') {
                sb.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (n == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    sb.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                next = close + 1;
            } else {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
                    j++;
                }
                if (j == i + 1) {
                    sb.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 1, j);
                next = j;
            }
            if (!name.isEmpty()) {
                try {
                    String g;
                    if (name.chars().allMatch(Character::isDigit)) {
                        int idx = Integer.parseInt(name);
                        g = idx <= m.groupCount() ? m.group(idx) : null;
                    } else {
                        g = m.group(name);
                    }
                    if (g != null) {
                        sb.append(g);
                    }
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    // Unknown group: Go expands it to the empty string.
                }
            }
            i = next;
        }
        return sb.toString();
    }

    private static Value labelJoin(Evaluator ev, List<Expr> args) {
        String dst = str(ev, args.get(1));
        String sep = str(ev, args.get(2));
        List<String> srcs = new ArrayList<>();
        for (int a = 3; a < args.size(); a++) {
            String l = str(ev, args.get(a));
            if (!validLabelName(l)) {
                throw new EvalException("invalid source label name in label_join(): " + l);
            }
            srcs.add(l);
        }
        if (!validLabelName(dst)) {
            throw new EvalException("invalid destination label name in label_join(): " + dst);
        }
        List<StepSeries> in = ev.vector(args.get(0));
        List<StepSeries> out = new ArrayList<>(in.size());
        for (StepSeries s : in) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < srcs.size(); k++) {
                if (k > 0) {
                    sb.append(sep);
                }
                sb.append(s.labels.get(srcs.get(k)));
            }
            Labels nl = s.labels.toBuilder().set(dst, sb.toString()).build();
            out.add(s.copy(nl, s.dropName && !dst.equals(Labels.METRIC_NAME)));
        }
        return new Value.VectorValue(MetricNames.mergeSameLabels(out));
    }

    /**
     * Labels of absent()'s output, as Prometheus builds them: a label is kept from the first equality
     * matcher on it and removed by any other matcher on it (parentheses are not looked through).
     */
    static Labels absentLabels(Expr e) {
        List<LabelMatcher> ms;
        if (e instanceof Expr.VectorSelector vs) {
            ms = vs.matchers();
        } else if (e instanceof Expr.MatrixSelector m) {
            ms = m.selector().matchers();
        } else {
            return Labels.EMPTY;
        }
        Labels.Builder b = Labels.builder();
        Set<String> has = new HashSet<>();
        for (LabelMatcher m : ms) {
            if (m.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (m.type() == LabelMatcher.Type.EQUAL && !has.contains(m.name())) {
                b.set(m.name(), m.value());
                has.add(m.name());
            } else {
                b.remove(m.name());
            }
        }
        return b.build();
    }

    private static Value absent(Evaluator ev, Expr arg) {
        List<StepSeries> in = ev.vector(arg);
        int n = ev.stepCount();
        StepSeries o = new StepSeries(absentLabels(arg), n, false);
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (StepSeries s : in) {
                if (s.present[i]) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                o.set(i, 1);
            }
        }
        return new Value.VectorValue(o.isEmpty() ? List.of() : List.of(o));
    }

    private static Value dateFunction(Evaluator ev, String name, List<Expr> args) {
        List<StepSeries> in;
        if (args.isEmpty()) {
            StepSeries s = new StepSeries(Labels.EMPTY, ev.stepCount(), false);
            for (int i = 0; i < ev.stepCount(); i++) {
                s.set(i, ev.step(i) / 1000.0);
            }
            in = List.of(s);
        } else {
            in = ev.vector(args.get(0));
        }
        return mapValues(in, v -> {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return Double.NaN;
            }
            ZonedDateTime t;
            try {
                t = Instant.ofEpochSecond((long) v).atZone(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return Double.NaN;
            }
            return switch (name) {
                case "days_in_month" -> t.toLocalDate().lengthOfMonth();
                case "day_of_month" -> t.getDayOfMonth();
                case "day_of_week" -> t.getDayOfWeek().getValue() % 7;
                case "day_of_year" -> t.getDayOfYear();
                case "hour" -> t.getHour();
                case "minute" -> t.getMinute();
                case "month" -> t.getMonthValue();
                case "year" -> t.getYear();
                default -> throw new IllegalStateException(name);
            };
        });
    }
}
