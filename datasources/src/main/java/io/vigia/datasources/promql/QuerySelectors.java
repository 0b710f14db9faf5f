package io.vigia.datasources.promql;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.parser.GoStrings;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The series a PromQL query reads: each vector selector's matchers written as a series selector
 * ({@code {__name__="up",job="api"}}), the form of the API's {@code match[]} argument. Offsets and
 * {@code @} are left out: they move the query, not the series.
 */
public final class QuerySelectors {
    private QuerySelectors() {
    }

    /**
     * @throws ParseException when the text is not PromQL
     */
    public static List<String> of(String promql) {
        Set<String> out = new LinkedHashSet<>();
        walk(Parser.parse(promql), out);
        return List.copyOf(out);
    }

    private static void walk(Expr e, Set<String> out) {
        switch (e) {
            case Expr.VectorSelector v -> out.add(text(v.matchers()));
            case Expr.MatrixSelector m -> walk(m.selector(), out);
            case Expr.Subquery s -> walk(s.expr(), out);
            case Expr.Paren p -> walk(p.expr(), out);
            case Expr.Unary u -> walk(u.expr(), out);
            case Expr.Binary b -> {
                walk(b.lhs(), out);
                walk(b.rhs(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> walk(a, out));
            case Expr.Aggregate a -> {
                walk(a.expr(), out);
                if (a.param() != null) {
                    walk(a.param(), out);
                }
            }
            case Expr.NumberLiteral n -> { }
            case Expr.StringLiteral s -> { }
        }
    }

    /** The metric name first, then the other matchers as written. */
    private static String text(List<LabelMatcher> matchers) {
        StringBuilder b = new StringBuilder("{");
        List<LabelMatcher> ordered = new java.util.ArrayList<>(matchers);
        ordered.sort(java.util.Comparator.comparing(m -> !m.name().equals(Labels.METRIC_NAME)));
        for (LabelMatcher m : ordered) {
            if (b.length() > 1) {
                b.append(',');
            }
            // a name outside the legacy charset (an OpenTelemetry "service.name") is quoted, as Prometheus 3 writes it
            String name = m.name().matches("[a-zA-Z_][a-zA-Z0-9_]*") ? m.name() : GoStrings.quote(m.name());
            b.append(name).append(m.type().symbol()).append(GoStrings.quote(m.value()));
        }
        return b.append('}').toString();
    }
}
