package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces duration expressions that use {@code step()} or {@code range()} with their values for
 * one query, as Prometheus's durationVisitor does before evaluation (promql/durations.go): the
 * step is 0 for an instant query, the range is end minus start.
 */
public final class DurationResolver {
    private final long stepMs;
    private final long rangeMs;

    private DurationResolver(long stepMs, long rangeMs) {
        this.stepMs = stepMs;
        this.rangeMs = rangeMs;
    }

    /**
     * The expression with every query-dependent duration resolved.
     *
     * @throws IllegalArgumentException with Prometheus's message when a duration comes out invalid
     *                                  (not positive where it must be, NaN, division by zero)
     */
    public static Expr resolve(Expr e, long stepMs, long rangeMs) {
        return new DurationResolver(stepMs, rangeMs).walk(e);
    }

    private Expr walk(Expr e) {
        return switch (e) {
            case Expr.NumberLiteral n -> n;
            case Expr.StringLiteral s -> s;
            case Expr.VectorSelector vs -> selector(vs);
            case Expr.MatrixSelector ms -> {
                Expr.VectorSelector sel = selector(ms.selector());
                if (ms.rangeExpr() == null && sel == ms.selector()) {
                    yield ms;
                }
                long range = ms.rangeExpr() == null ? ms.rangeMs()
                        : DurationExprParser.millis(ms.rangeExpr(), stepMs, rangeMs, false);
                yield new Expr.MatrixSelector(sel, range, null, ms.pos());
            }
            case Expr.Subquery sq -> {
                Expr inner = walk(sq.expr());
                Expr.SubqueryDurations d = sq.durations();
                if (!d.any() && inner == sq.expr()) {
                    yield sq;
                }
                long range = d.range() == null ? sq.rangeMs() : DurationExprParser.millis(d.range(), stepMs, rangeMs, false);
                long step = d.step() == null ? sq.stepMs() : DurationExprParser.millis(d.step(), stepMs, rangeMs, false);
                long off = d.offset() == null ? sq.offsetMs() : DurationExprParser.millis(d.offset(), stepMs, rangeMs, true);
                yield new Expr.Subquery(inner, range, step, off, sq.offsetSet(), sq.atMode(), sq.atMs(),
                        Expr.SubqueryDurations.NONE, sq.pos());
            }
            case Expr.Paren p -> {
                Expr inner = walk(p.expr());
                yield inner == p.expr() ? p : new Expr.Paren(inner, p.pos());
            }
            case Expr.Unary u -> {
                Expr inner = walk(u.expr());
                yield inner == u.expr() ? u : new Expr.Unary(u.negate(), inner, u.pos());
            }
            case Expr.Binary b -> {
                Expr l = walk(b.lhs());
                Expr r = walk(b.rhs());
                yield l == b.lhs() && r == b.rhs() ? b
                        : new Expr.Binary(b.op(), l, r, b.matching(), b.returnBool(), b.pos());
            }
            case Expr.Call c -> {
                List<Expr> args = new ArrayList<>(c.args().size());
                boolean changed = false;
                for (Expr a : c.args()) {
                    Expr w = walk(a);
                    changed |= w != a;
                    args.add(w);
                }
                yield changed ? new Expr.Call(c.func(), args, c.pos()) : c;
            }
            case Expr.Aggregate a -> {
                Expr inner = walk(a.expr());
                Expr param = a.param() == null ? null : walk(a.param());
                yield inner == a.expr() && param == a.param() ? a
                        : new Expr.Aggregate(a.op(), inner, param, a.grouping(), a.without(), a.pos());
            }
        };
    }

    private Expr.VectorSelector selector(Expr.VectorSelector vs) {
        if (vs.offsetExpr() == null) {
            return vs;
        }
        return vs.withOffset(DurationExprParser.millis(vs.offsetExpr(), stepMs, rangeMs, true), vs.pos());
    }
}
