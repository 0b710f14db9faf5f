package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.ValueType;

import java.util.ArrayList;
import java.util.List;

/** The arguments of {@code info()}, whose second one is a label selector rather than a vector selector. */
final class InfoArgsParser {
    private InfoArgsParser() {
    }

    /**
     * info(v [, {data selector}]): the second argument is a label selector that, unlike a vector
     * selector, may match the empty string everywhere (Prometheus sets BypassEmptyMatcherCheck).
     */
    static List<Expr> parse(Parser p) {
        List<Expr> args = new ArrayList<>();
        if (p.peek().kind() == Token.Kind.RPAREN) {
            return args;
        }
        args.add(p.parseExpr(0));
        if (p.peek().kind() != Token.Kind.COMMA) {
            return args;
        }
        Token comma = p.advance();
        if (p.peek().kind() == Token.Kind.RPAREN) {
            throw p.error(comma, "trailing commas not allowed in function call args");
        }
        Token t = p.peek();
        Expr sel;
        if (t.kind() == Token.Kind.LBRACE) {
            sel = p.parseSelector(null, t, true);
        } else {
            sel = p.parseExpr(0);
            if (sel.type() != ValueType.VECTOR) {
                throw p.error(sel.pos(), "expected type instant vector in call to function \"info\", got "
                        + sel.type().text());
            }
            throw p.error(sel.pos(), sel instanceof Expr.VectorSelector ? "expected label selectors only, got vector selector instead"
                    : "expected label selectors only");
        }
        args.add(sel);
        while (p.peek().kind() == Token.Kind.COMMA) {
            p.advance();
            args.add(p.parseExpr(0));
        }
        return args;
    }
}
