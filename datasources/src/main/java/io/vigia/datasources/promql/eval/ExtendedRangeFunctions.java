package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The range functions an {@code anchored} or {@code smoothed} selector works with: rate, increase
 * and delta (both modifiers), changes and resets (anchored), per step over each series' samples.
 */
final class ExtendedRangeFunctions {
    private ExtendedRangeFunctions() {
    }

    static Value eval(Evaluator ev, Expr.Call call, RangeArg arg) {
        String name = call.func().name();
        boolean smoothed = arg.modifier() == Expr.SelectorModifier.SMOOTHED;
        long before = ExtendedRanges.before(arg.modifier());
        long after = ExtendedRanges.after(arg.modifier());
        int n = ev.stepCount();
        long[] ends = arg.windowEnd();
        List<StepSeries> out = new ArrayList<>();
        arg.forEach(s -> {
            long[] ts = s.ts();
            double[] v = s.values();
            StepSeries o = new StepSeries(s.labels(), n, true);
            for (int i = 0; i < n; i++) {
                long end = ends[i];
                long start = end - arg.rangeMs();
                int lo = RangeArg.lowerIndex(ts, start - before);
                int hi = RangeArg.upperIndex(ts, end + after);
                OptionalDouble r = switch (name) {
                    case "rate" -> ExtendedRanges.rate(ts, v, lo, hi, start, end, smoothed, true, true);
                    case "increase" -> ExtendedRanges.rate(ts, v, lo, hi, start, end, smoothed, true, false);
                    case "delta" -> ExtendedRanges.rate(ts, v, lo, hi, start, end, smoothed, false, false);
                    case "changes", "resets" -> {
                        int first = ExtendedRanges.anchoredStart(ts, lo, hi, start);
                        yield first < 0 ? OptionalDouble.empty() : OptionalDouble.of(name.equals("changes")
                                ? RangeKernels.changes(v, first, hi) : RangeKernels.resets(v, first, hi));
                    }
                    default -> throw new IllegalStateException(name);
                };
                if (r.isPresent()) {
                    o.set(i, r.getAsDouble());
                }
            }
            if (!o.isEmpty()) {
                out.add(o);
                if (name.equals("rate") || name.equals("increase")) {
                    RangeFunctions.nonCounterInfo(ev, s.labels(), call.args().get(0));
                }
            }
        });
        return new Value.VectorValue(out);
    }
}
