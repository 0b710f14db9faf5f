package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.BinaryOp;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arithmetic and comparison between two instant vectors, with Prometheus's matching rules
 * (engine.go VectorBinop): one-to-one, group_left/group_right, and the fill modifiers, which stand
 * in a value for a missing side. As in Prometheus, group_right swaps the sides for matching but
 * not the fill values, so fill_left still fills the side that is matched as the left one.
 */
final class VectorBinop {
    private final Expr.Binary b;
    private final Expr.VectorMatching m;
    private final Expr.Cardinality card;
    private final boolean swap;
    private final int n;
    private final BinaryOp op;
    private final Map<Labels, StepSeries> outputs = new LinkedHashMap<>();
    private final Map<Long, StepSeries> pairOutput = new HashMap<>();
    private final Map<Labels, int[]> sigStepMark = new HashMap<>();
    private final Map<Labels, int[]> groupMarks = new HashMap<>();
    /** Per "one"-side signature, the steps at which some pair (real or filled) was computed. */
    private final Map<Labels, boolean[]> matched = new HashMap<>();

    private VectorBinop(Expr.Binary b, int steps) {
        this.b = b;
        this.m = b.matching();
        this.card = m == null ? Expr.Cardinality.ONE_TO_ONE : m.card();
        this.swap = card == Expr.Cardinality.ONE_TO_MANY;
        this.n = steps;
        this.op = b.op();
    }

    static Value eval(Evaluator ev, List<StepSeries> lhsIn, List<StepSeries> rhsIn, Expr.Binary b) {
        return new VectorBinop(b, ev.stepCount()).run(lhsIn, rhsIn);
    }

    private Value run(List<StepSeries> lhsIn, List<StepSeries> rhsIn) {
        List<StepSeries> many = swap ? rhsIn : lhsIn;
        List<StepSeries> one = swap ? lhsIn : rhsIn;
        Expr.FillValues fill = m == null ? Expr.FillValues.NONE : m.fill();
        Map<Labels, List<Integer>> oneGroups = new HashMap<>();
        for (int j = 0; j < one.size(); j++) {
            oneGroups.computeIfAbsent(BinaryOps.signature(one.get(j).labels, m), k -> new ArrayList<>()).add(j);
        }
        checkOneSideUnique(one, oneGroups);
        for (int li = 0; li < many.size(); li++) {
            StepSeries ls = many.get(li);
            Labels sig = BinaryOps.signature(ls.labels, m);
            List<Integer> cands = oneGroups.getOrDefault(sig, List.of());
            for (int i = 0; i < n; i++) {
                if (!ls.present[i]) {
                    continue;
                }
                int rj = -1;
                for (int j : cands) {
                    if (one.get(j).present[i]) {
                        rj = j;
                        break;
                    }
                }
                if (rj >= 0) {
                    StepSeries rs = one.get(rj);
                    apply(pairKey(li, rj), sig, ls.labels, rs.labels, ls.values[i], rs.values[i], i, ls.dropName, li);
                } else if (fill.rhs().isPresent()) {
                    apply(null, sig, ls.labels, sig, ls.values[i], fill.rhs().getAsDouble(), i, ls.dropName, li);
                }
            }
        }
        if (fill.lhs().isPresent()) {
            double v = fill.lhs().getAsDouble();
            for (int j = 0; j < one.size(); j++) {
                StepSeries rs = one.get(j);
                Labels sig = BinaryOps.signature(rs.labels, m);
                boolean[] done = matched.get(sig);
                for (int i = 0; i < n; i++) {
                    if (rs.present[i] && (done == null || !done[i])) {
                        apply(null, sig, sig, rs.labels, v, rs.values[i], i, false, -1 - j);
                    }
                }
            }
        }
        return new Value.VectorValue(new ArrayList<>(outputs.values()));
    }

    private static long pairKey(int li, int rj) {
        return ((long) li << 32) | rj;
    }

    /** Two series of the "one" side with the same signature at the same step: Prometheus's many-to-many error. */
    private void checkOneSideUnique(List<StepSeries> one, Map<Labels, List<Integer>> oneGroups) {
        for (Map.Entry<Labels, List<Integer>> g : oneGroups.entrySet()) {
            List<Integer> members = g.getValue();
            if (members.size() < 2) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                StepSeries first = null;
                for (int j : members) {
                    StepSeries s = one.get(j);
                    if (!s.present[i]) {
                        continue;
                    }
                    if (first != null) {
                        List<String> pair = java.util.stream.Stream.of(BinaryOps.goLabels(first.labels),
                                BinaryOps.goLabels(s.labels)).sorted().toList();
                        throw new EvalException("found duplicate series for the match group "
                                + BinaryOps.goLabels(g.getKey()) + " on the " + (swap ? "left" : "right")
                                + " hand-side of the operation: [" + pair.get(0) + ", " + pair.get(1)
                                + "];many-to-many matching not allowed: matching labels must be unique on one side");
                    }
                    first = s;
                }
            }
        }
    }

    /**
     * One pair at step {@code i}: {@code manyLabels}/{@code oneLabels} and values as matched (a filled
     * side carries the signature's labels); {@code key} caches the output of a real pair,
     * {@code manyId} identifies the many-side element for the uniqueness checks.
     */
    private void apply(Long key, Labels sig, Labels manyLabels, Labels oneLabels, double manyValue, double oneValue,
                       int i, boolean dropName, int manyId) {
        if (card == Expr.Cardinality.ONE_TO_ONE) {
            int[] mark = sigStepMark.computeIfAbsent(sig, k -> minusOnes());
            if (mark[i] >= 0 && mark[i] != manyId) {
                throw new EvalException("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
            }
            mark[i] = manyId;
        }
        matched.computeIfAbsent(sig, k -> new boolean[n])[i] = true;
        StepSeries o = key == null ? null : pairOutput.get(key);
        if (o == null) {
            Labels ol = resultLabels(manyLabels, oneLabels);
            if (BinaryOps.dropsName(op)) {
                // Arithmetic changes the metric's meaning: Prometheus removes the metadata labels at once.
                ol = MetricNames.withoutMetadata(ol);
            }
            o = outputs.get(ol);
            if (o == null) {
                o = new StepSeries(ol, n, b.returnBool() || dropName);
                outputs.put(ol, o);
            }
            if (key != null) {
                pairOutput.put(key, o);
            }
        }
        if (card != Expr.Cardinality.ONE_TO_ONE) {
            // Checked before filtering, as Prometheus does: the grouping labels must make each
            // result unique among the matches of one signature.
            int[] mark = groupMarks.computeIfAbsent(o.labels, k -> minusOnes());
            if (mark[i] >= 0 && mark[i] != manyId) {
                throw new EvalException("multiple matches for labels: grouping labels must ensure unique matches");
            }
            mark[i] = manyId;
        }
        double x = swap ? oneValue : manyValue;
        double y = swap ? manyValue : oneValue;
        double v;
        if (op.isComparison()) {
            boolean keep = BinaryOps.compare(op, x, y);
            if (b.returnBool()) {
                v = keep ? 1 : 0;
            } else if (keep) {
                v = x;
            } else {
                return;
            }
        } else {
            v = BinaryOps.arith(op, x, y);
        }
        if (o.present[i]) {
            throw new EvalException("vector cannot contain metrics with the same labelset");
        }
        o.set(i, v);
    }

    private int[] minusOnes() {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private Labels resultLabels(Labels manyLabels, Labels oneLabels) {
        if (m == null) {
            return manyLabels;
        }
        Labels.Builder lb = manyLabels.toBuilder();
        if (card == Expr.Cardinality.ONE_TO_ONE) {
            if (m.on()) {
                Labels.Builder k = Labels.builder();
                for (String name : m.matchingLabels()) {
                    k.set(name, manyLabels.get(name));
                }
                lb = k;
            } else {
                for (String name : m.matchingLabels()) {
                    lb.remove(name);
                }
            }
        }
        for (String name : m.include()) {
            lb.set(name, oneLabels.get(name));
        }
        return lb.build();
    }
}
