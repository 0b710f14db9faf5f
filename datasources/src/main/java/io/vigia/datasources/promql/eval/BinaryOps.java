package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.BinaryOp;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binary operators between scalars and instant vectors, with Prometheus's matching rules. */
final class BinaryOps {
    private BinaryOps() {
    }

    static Value eval(Evaluator ev, Expr.Binary b) {
        Value l = ev.eval(b.lhs());
        Value r = ev.eval(b.rhs());
        if (l instanceof Value.ScalarValue ls && r instanceof Value.ScalarValue rs) {
            double[] out = new double[ls.values().length];
            for (int i = 0; i < out.length; i++) {
                double x = ls.values()[i];
                double y = rs.values()[i];
                if (b.op().isComparison()) {
                    out[i] = compare(b.op(), x, y) ? 1 : 0;
                } else {
                    out[i] = arith(b.op(), x, y);
                }
            }
            return new Value.ScalarValue(out);
        }
        if (l instanceof Value.VectorValue lv && r instanceof Value.ScalarValue rs) {
            return vectorScalar(lv.series(), rs.values(), b, false);
        }
        if (l instanceof Value.ScalarValue ls && r instanceof Value.VectorValue rv) {
            return vectorScalar(rv.series(), ls.values(), b, true);
        }
        List<StepSeries> lhs = ((Value.VectorValue) l).series();
        List<StepSeries> rhs = ((Value.VectorValue) r).series();
        return switch (b.op()) {
            case AND -> and(lhs, rhs, b.matching(), false);
            case UNLESS -> and(lhs, rhs, b.matching(), true);
            case OR -> or(lhs, rhs, b.matching());
            default -> VectorBinop.eval(ev, lhs, rhs, b);
        };
    }

    static boolean dropsName(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, POW, MOD, ATAN2 -> true;
            default -> false;
        };
    }

    static double arith(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MOD -> x % y;
            case POW -> pow(x, y);
            case ATAN2 -> Math.atan2(x, y);
            default -> throw new IllegalArgumentException(op.text());
        };
    }

    /** Go's math.Pow special cases where Java's differ. */
    static double pow(double x, double y) {
        if (x == 1) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }

    static boolean compare(BinaryOp op, double x, double y) {
        return switch (op) {
            case EQLC -> x == y;
            case NEQ -> x != y;
            case GTR -> x > y;
            case LSS -> x < y;
            case GTE -> x >= y;
            case LTE -> x <= y;
            default -> throw new IllegalArgumentException(op.text());
        };
    }

    private static Value vectorScalar(List<StepSeries> vec, double[] sc, Expr.Binary b, boolean scalarLeft) {
        BinaryOp op = b.op();
        boolean cmp = op.isComparison();
        List<StepSeries> out = new ArrayList<>(vec.size());
        for (StepSeries s : vec) {
            StepSeries o = new StepSeries(s.labels, s.values.length, s.dropName || dropsName(op) || b.returnBool());
            boolean any = false;
            for (int i = 0; i < s.values.length; i++) {
                if (!s.present[i]) {
                    continue;
                }
                double x = scalarLeft ? sc[i] : s.values[i];
                double y = scalarLeft ? s.values[i] : sc[i];
                if (cmp) {
                    boolean keep = compare(op, x, y);
                    if (b.returnBool()) {
                        o.set(i, keep ? 1 : 0);
                        any = true;
                    } else if (keep) {
                        o.set(i, s.values[i]);
                        any = true;
                    }
                } else {
                    o.set(i, arith(op, x, y));
                    any = true;
                }
            }
            if (any) {
                out.add(o);
            }
        }
        return new Value.VectorValue(out);
    }

    /** The labels two series are matched on. */
    static Labels signature(Labels l, Expr.VectorMatching m) {
        if (m == null) {
            return l.withoutMetricName();
        }
        if (m.on()) {
            Labels.Builder b = Labels.builder();
            for (String n : m.matchingLabels()) {
                b.set(n, l.get(n));
            }
            return b.build();
        }
        Labels.Builder b = l.toBuilder();
        b.remove(Labels.METRIC_NAME);
        for (String n : m.matchingLabels()) {
            b.remove(n);
        }
        return b.build();
    }

    private static Value and(List<StepSeries> lhs, List<StepSeries> rhs, Expr.VectorMatching m, boolean unless) {
        if (lhs.isEmpty()) {
            return new Value.VectorValue(List.of());
        }
        int n = lhs.get(0).values.length;
        Map<Labels, boolean[]> rhsPresence = new HashMap<>();
        for (StepSeries r : rhs) {
            boolean[] p = rhsPresence.computeIfAbsent(signature(r.labels, m), k -> new boolean[n]);
            for (int i = 0; i < n; i++) {
                p[i] |= r.present[i];
            }
        }
        List<StepSeries> out = new ArrayList<>();
        for (StepSeries l : lhs) {
            boolean[] p = rhsPresence.get(signature(l.labels, m));
            StepSeries o = new StepSeries(l.labels, n, l.dropName);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                boolean matched = p != null && p[i];
                if (l.present[i] && matched != unless) {
                    o.set(i, l.values[i]);
                    any = true;
                }
            }
            if (any) {
                out.add(o);
            }
        }
        return new Value.VectorValue(out);
    }

    private static Value or(List<StepSeries> lhs, List<StepSeries> rhs, Expr.VectorMatching m) {
        List<StepSeries> out = new ArrayList<>(lhs);
        if (rhs.isEmpty()) {
            return new Value.VectorValue(out);
        }
        int n = rhs.get(0).values.length;
        Map<Labels, boolean[]> lhsPresence = new HashMap<>();
        for (StepSeries l : lhs) {
            boolean[] p = lhsPresence.computeIfAbsent(signature(l.labels, m), k -> new boolean[n]);
            for (int i = 0; i < n; i++) {
                p[i] |= l.present[i];
            }
        }
        for (StepSeries r : rhs) {
            boolean[] p = lhsPresence.get(signature(r.labels, m));
            if (p == null) {
                out.add(r);
                continue;
            }
            StepSeries o = new StepSeries(r.labels, n, r.dropName);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (r.present[i] && !p[i]) {
                    o.set(i, r.values[i]);
                    any = true;
                }
            }
            if (any) {
                out.add(o);
            }
        }
        return new Value.VectorValue(out);
    }

    /** Labels as Go's labels.Labels.String() renders them: {a="b", c="d"}. */
    static String goLabels(Labels l) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(l.name(i)).append("=\"").append(l.value(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
