package io.vigia.datasources.promql.conformance;

import io.vigia.datasources.promql.ast.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * promqltest re-runs every instant eval with an {@code @ <eval time>} on each selector and subquery
 * (those not already below an {@code @} subquery) at other evaluation times, to check that results are
 * step invariant. This builds the same variants on the AST.
 */
final class AtModifierVariants {
    /** Functions whose result depends on the evaluation time even for step-invariant arguments. */
    private static final Set<String> UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week", "day_of_year",
            "end", "hour", "minute", "month", "year", "predict_linear", "range", "start", "step", "time", "timestamp");

    private AtModifierVariants() {
    }

    /** The rewritten expression, or null when it uses a function that makes the check meaningless. */
    static Expr withAt(Expr e, long ts) {
        if (containsUnsafe(e)) {
            return null;
        }
        return rewrite(e, ts);
    }

    static List<Long> evalTimes(long ts) {
        if (ts == 0) {
            return List.of(-1000L, 0L, 1000L);
        }
        return List.of(-10 * ts, 0L, ts / 5, ts, 10 * ts);
    }

    private static boolean containsUnsafe(Expr e) {
        return switch (e) {
            case Expr.Call c -> UNSAFE.contains(c.func().name()) || c.args().stream().anyMatch(AtModifierVariants::containsUnsafe);
            case Expr.Paren p -> containsUnsafe(p.expr());
            case Expr.Unary u -> containsUnsafe(u.expr());
            case Expr.Binary b -> containsUnsafe(b.lhs()) || containsUnsafe(b.rhs());
            case Expr.Aggregate a -> containsUnsafe(a.expr()) || (a.param() != null && containsUnsafe(a.param()));
            case Expr.Subquery sq -> containsUnsafe(sq.expr());
            default -> false;
        };
    }

    private static Expr rewrite(Expr e, long ts) {
        return switch (e) {
            case Expr.VectorSelector vs -> vs.atMode() == Expr.AtMode.NONE ? vs.withAt(Expr.AtMode.TIMESTAMP, ts, vs.pos()) : vs;
            case Expr.MatrixSelector ms -> ms.selector().atMode() == Expr.AtMode.NONE
                    ? new Expr.MatrixSelector(ms.selector().withAt(Expr.AtMode.TIMESTAMP, ts, ms.selector().pos()),
                    ms.rangeMs(), ms.rangeExpr(), ms.pos())
                    : ms;
            case Expr.Subquery sq -> sq.atMode() != Expr.AtMode.NONE ? sq
                    : new Expr.Subquery(sq.expr(), sq.rangeMs(), sq.stepMs(), sq.offsetMs(), sq.offsetSet(),
                    Expr.AtMode.TIMESTAMP, ts, sq.durations(), sq.pos());
            case Expr.Paren p -> new Expr.Paren(rewrite(p.expr(), ts), p.pos());
            case Expr.Unary u -> new Expr.Unary(u.negate(), rewrite(u.expr(), ts), u.pos());
            case Expr.Binary b -> new Expr.Binary(b.op(), rewrite(b.lhs(), ts), rewrite(b.rhs(), ts), b.matching(),
                    b.returnBool(), b.pos());
            case Expr.Aggregate a -> new Expr.Aggregate(a.op(), rewrite(a.expr(), ts),
                    a.param() == null ? null : rewrite(a.param(), ts), a.grouping(), a.without(), a.pos());
            case Expr.Call c -> {
                List<Expr> args = new ArrayList<>();
                for (Expr x : c.args()) {
                    args.add(rewrite(x, ts));
                }
                yield new Expr.Call(c.func(), args, c.pos());
            }
            default -> e;
        };
    }
}
