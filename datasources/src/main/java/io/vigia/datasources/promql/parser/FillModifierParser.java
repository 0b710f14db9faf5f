package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.Expr;

import java.util.OptionalDouble;

/** The fill modifiers of a binary operator (Prometheus's {@code fill_modifiers} grammar rule). */
final class FillModifierParser {
    private FillModifierParser() {
    }

    /**
     * {@code fill(v)}, {@code fill_left(v)}, {@code fill_right(v)} or both one-sided ones, after the
     * grouping modifiers. As in Prometheus's lexer, the words are modifiers only when a parenthesis
     * follows, so {@code other + fill} still reads a metric named fill.
     */
    static Expr.FillValues parse(Parser p) {
        OptionalDouble left = OptionalDouble.empty();
        OptionalDouble right = OptionalDouble.empty();
        boolean both = false;
        while (p.peek(1).kind() == Token.Kind.LPAREN && (p.peek().is("fill") || p.peek().is("fill_left")
                || p.peek().is("fill_right"))) {
            Token kw = p.peek();
            boolean isBoth = kw.is("fill");
            boolean isLeft = kw.is("fill_left");
            if (both || isBoth && (left.isPresent() || right.isPresent())
                    || isLeft && left.isPresent() || kw.is("fill_right") && right.isPresent()) {
                throw p.unexpected(kw, null);
            }
            p.advance();
            p.advance();
            boolean negate = false;
            if (p.peek().kind() == Token.Kind.ADD || p.peek().kind() == Token.Kind.SUB) {
                negate = p.advance().kind() == Token.Kind.SUB;
            }
            Token n = p.peek();
            double v;
            if (n.kind() == Token.Kind.NUMBER) {
                v = p.parseNumber(p.advance());
            } else if (n.kind() == Token.Kind.DURATION) {
                v = Durations.parseMillisOrNull(p.advance().text()) / 1000.0;
            } else {
                throw p.error(n, "unexpected " + n.describe() + " in fill modifier, expected number");
            }
            p.expect(Token.Kind.RPAREN, "fill modifier");
            OptionalDouble value = OptionalDouble.of(negate ? -v : v);
            if (isBoth) {
                left = value;
                right = value;
                both = true;
            } else if (isLeft) {
                left = value;
            } else {
                right = value;
            }
        }
        return new Expr.FillValues(left, right);
    }
}
