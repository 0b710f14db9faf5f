package io.vigia.dashboards.query;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The series selectors of a PromQL query, read from its syntax tree, as {@code name{label="value",…}} text. */
public final class Selectors {
    private Selectors() {
    }

    /** Each selector of the query once, without offsets or ranges: what a series lookup ({@code match[]}) takes. */
    public static Set<String> of(String promql) {
        Set<String> out = new LinkedHashSet<>();
        collect(Parser.parse(promql), out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.VectorSelector v -> out.add(text(v));
            case Expr.MatrixSelector m -> collect(m.selector(), out);
            case Expr.Subquery s -> collect(s.expr(), out);
            case Expr.Paren p -> collect(p.expr(), out);
            case Expr.Unary u -> collect(u.expr(), out);
            case Expr.Binary b -> {
                collect(b.lhs(), out);
                collect(b.rhs(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
            case Expr.Aggregate a -> {
                collect(a.expr(), out);
                if (a.param() != null) {
                    collect(a.param(), out);
                }
            }
            case Expr.NumberLiteral n -> { }
            case Expr.StringLiteral s -> { }
        }
    }

    private static String text(Expr.VectorSelector v) {
        String name = v.name() == null ? "" : v.name();
        List<String> matchers = new ArrayList<>();
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals(Labels.METRIC_NAME) && m.type() == LabelMatcher.Type.EQUAL && (name.isEmpty() || name.equals(m.value()))) {
                name = m.value();
            } else {
                matchers.add(m.toString());
            }
        }
        return matchers.isEmpty() ? name : name + "{" + String.join(",", matchers) + "}";
    }
}
