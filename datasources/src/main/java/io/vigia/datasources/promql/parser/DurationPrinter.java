package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.DurationExpr;

/** Renders a duration expression back to PromQL, as Prometheus's DurationExpr.String() does. */
final class DurationPrinter {
    private DurationPrinter() {
    }

    static String format(DurationExpr e) {
        return switch (e) {
            case DurationExpr.Literal l -> literal(l.value());
            case DurationExpr.QueryContext q -> q.range() ? "range()" : "step()";
            case DurationExpr.MinMax m -> (m.max() ? "max_of(" : "min_of(") + format(m.lhs()) + ", "
                    + format(m.rhs()) + ")";
            case DurationExpr.Unary u -> (u.negate() ? "-" : "+") + format(u.expr());
            case DurationExpr.Paren p -> "(" + format(p.expr()) + ")";
            case DurationExpr.Binary b -> format(b.lhs()) + " " + b.op().text() + " " + format(b.rhs());
        };
    }

    /** Whole milliseconds print as a duration ({@code 1m30s}); anything else as seconds. */
    private static String literal(double seconds) {
        double ms = seconds * 1000;
        if (ms == Math.rint(ms) && Math.abs(ms) < Long.MAX_VALUE / 2.0) {
            long v = (long) ms;
            return v < 0 ? "-" + Durations.format(-v) : Durations.format(v);
        }
        return Printer.number(seconds);
    }
}
