package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.BinaryOp;
import io.vigia.datasources.promql.ast.DurationExpr;
import io.vigia.datasources.promql.ast.PosRange;

/**
 * Parses durations where Prometheus 3 accepts duration expressions (its grammar's
 * {@code duration_expr}, {@code positive_duration_expr} and {@code offset_duration_expr} in
 * {@code promql/parser/generated_parser.y}): the full arithmetic inside {@code [...]} and, after
 * {@code offset}, a signed literal, {@code step()}, {@code range()}, {@code min_of}/{@code max_of}
 * or a parenthesised expression; {@code foo offset 1m + 2} stays {@code (foo offset 1m) + 2}.
 */
final class DurationExprParser {
    /** Go's time.Duration holds about 292 years in nanoseconds; Prometheus refuses longer literals. */
    private static final double MAX_SECONDS = 0x1p63 / 1e9;

    private final Parser p;
    private final boolean enabled;

    DurationExprParser(Parser p, boolean enabled) {
        this.p = p;
        this.enabled = enabled;
    }

    /** A range or subquery duration: any arithmetic. */
    DurationExpr full(String context) {
        DurationExpr e = expr(0, context);
        requireEnabled(e);
        return e;
    }

    /** An offset: a signed primary only, so that operators after it apply to the selector. */
    DurationExpr offset() {
        Token sign = null;
        if (p.peek().kind() == Token.Kind.ADD || p.peek().kind() == Token.Kind.SUB) {
            sign = p.advance();
        }
        DurationExpr e = primary("offset");
        if (sign != null) {
            PosRange pos = new PosRange(sign.start(), e.pos().end());
            boolean negate = sign.kind() == Token.Kind.SUB;
            e = e instanceof DurationExpr.Literal l
                    ? new DurationExpr.Literal(negate ? -l.value() : l.value(), pos)
                    : new DurationExpr.Unary(negate, e, pos);
        }
        requireEnabled(e);
        return e;
    }

    private void requireEnabled(DurationExpr e) {
        if (!enabled && !(e instanceof DurationExpr.Literal)) {
            throw p.error(e.pos(), "experimental duration expression is not enabled");
        }
    }

    private DurationExpr expr(int minPrec, String context) {
        DurationExpr lhs = unary(context);
        while (true) {
            BinaryOp op = operator(p.peek());
            if (op == null || op.precedence() < minPrec) {
                return lhs;
            }
            p.advance();
            DurationExpr rhs = expr(op.rightAssociative() ? op.precedence() : op.precedence() + 1, context);
            lhs = new DurationExpr.Binary(op, lhs, rhs, new PosRange(lhs.pos().start(), rhs.pos().end()));
        }
    }

    /** A sign binds like multiplication: {@code -2^2} is {@code -(2^2)}, {@code -2*2} is {@code (-2)*2}. */
    private DurationExpr unary(String context) {
        Token t = p.peek();
        if (t.kind() != Token.Kind.ADD && t.kind() != Token.Kind.SUB) {
            return primary(context);
        }
        p.advance();
        DurationExpr e = expr(BinaryOp.POW.precedence(), context);
        PosRange pos = new PosRange(t.start(), e.pos().end());
        boolean negate = t.kind() == Token.Kind.SUB;
        if (e instanceof DurationExpr.Literal l) {
            return new DurationExpr.Literal(negate ? -l.value() : l.value(), pos);
        }
        return new DurationExpr.Unary(negate, e, pos);
    }

    private DurationExpr primary(String context) {
        Token t = p.peek();
        switch (t.kind()) {
            case NUMBER -> {
                p.advance();
                return literal(p.parseNumber(t), t);
            }
            case DURATION -> {
                p.advance();
                return literal(Durations.parseMillisOrNull(t.text()) / 1000.0, t);
            }
            case LPAREN -> {
                p.advance();
                DurationExpr inner = expr(0, context);
                Token r = p.expect(Token.Kind.RPAREN, "duration expression");
                return new DurationExpr.Paren(inner, new PosRange(t.start(), r.end()));
            }
            case IDENT -> {
                if (p.peek(1).kind() == Token.Kind.LPAREN) {
                    if (t.is("step") || t.is("range")) {
                        p.advance();
                        p.advance();
                        Token r = p.expect(Token.Kind.RPAREN, "duration expression");
                        return new DurationExpr.QueryContext(t.is("range"), new PosRange(t.start(), r.end()));
                    }
                    if (t.is("min_of") || t.is("max_of")) {
                        p.advance();
                        p.advance();
                        DurationExpr a = expr(0, context);
                        p.expect(Token.Kind.COMMA, "duration expression");
                        DurationExpr b = expr(0, context);
                        Token r = p.expect(Token.Kind.RPAREN, "duration expression");
                        return new DurationExpr.MinMax(t.is("max_of"), a, b, new PosRange(t.start(), r.end()));
                    }
                }
            }
            default -> { }
        }
        throw p.error(t, "unexpected " + t.describe() + " in " + context
                + ", expected number, duration, step(), or range()");
    }

    private DurationExpr literal(double seconds, Token t) {
        if (Double.isNaN(seconds) || Math.abs(seconds) > MAX_SECONDS) {
            throw p.error(t, "duration out of range");
        }
        return new DurationExpr.Literal(seconds, new PosRange(t.start(), t.end()));
    }

    private static BinaryOp operator(Token t) {
        return switch (t.kind()) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            default -> null;
        };
    }

    /**
     * A duration expression's value in milliseconds, checked as Prometheus's durations.go does:
     * finite, positive unless negative values are allowed (offsets), within Go's duration range.
     *
     * @throws IllegalArgumentException with Prometheus's message, prefixed by the expression's offsets
     */
    static long millis(DurationExpr e, long stepMs, long rangeMs, boolean allowNegative) {
        double s;
        try {
            s = e.seconds(stepMs, rangeMs);
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException(where(e) + ex.getMessage(), ex);
        }
        if (Double.isNaN(s) || Double.isInfinite(s)) {
            throw new IllegalArgumentException(where(e) + "duration is NaN or infinite");
        }
        if (s <= 0 && !allowNegative) {
            throw new IllegalArgumentException(where(e) + "duration must be greater than 0");
        }
        if (Math.abs(s) > MAX_SECONDS) {
            throw new IllegalArgumentException(where(e) + "duration is out of range");
        }
        // Literals round as the grammar does; computed values truncate as durations.go's conversion does.
        return e instanceof DurationExpr.Literal ? Math.round(s * 1000) : (long) (s * 1000);
    }

    private static String where(DurationExpr e) {
        return e.pos().start() + ":" + e.pos().end() + ": ";
    }
}
