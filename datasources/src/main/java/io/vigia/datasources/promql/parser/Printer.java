package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.DurationExpr;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders an expression back to PromQL in Prometheus's canonical form (as its {@code String()}
 * methods do): for showing a normalised query and for logging.
 */
public final class Printer {
    private static final Pattern PLAIN_LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern PLAIN_METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private Printer() {
    }

    public static String format(Expr e) {
        return switch (e) {
            case Expr.NumberLiteral n -> number(n.value());
            case Expr.StringLiteral s -> GoStrings.quote(s.value());
            case Expr.Paren p -> "(" + format(p.expr()) + ")";
            case Expr.Unary u -> (u.negate() ? "-" : "+") + format(u.expr());
            // Prometheus prints an instant selector's modifier between @ and offset, a range selector's
            // right after the brackets (printer.go).
            case Expr.VectorSelector vs -> selector(vs) + at(vs.atMode(), vs.atMs()) + modifier(vs.modifier())
                    + offset(vs.offsetMs(), vs.offsetExpr());
            case Expr.MatrixSelector ms -> selector(ms.selector()) + "[" + duration(ms.rangeMs(), ms.rangeExpr()) + "]"
                    + modifier(ms.selector().modifier()) + at(ms.selector().atMode(), ms.selector().atMs())
                    + offset(ms.selector().offsetMs(), ms.selector().offsetExpr());
            case Expr.Subquery sq -> format(sq.expr()) + "[" + duration(sq.rangeMs(), sq.durations().range()) + ":"
                    + (sq.durations().step() != null ? DurationPrinter.format(sq.durations().step())
                    : sq.stepMs() > 0 ? Durations.format(sq.stepMs()) : "") + "]"
                    + at(sq.atMode(), sq.atMs()) + offset(sq.offsetMs(), sq.durations().offset());
            case Expr.Binary b -> format(b.lhs()) + " " + b.op().text() + (b.returnBool() ? " bool" : "")
                    + matching(b) + " " + format(b.rhs());
            case Expr.Call c -> {
                List<String> args = new ArrayList<>();
                for (Expr a : c.args()) {
                    args.add(format(a));
                }
                yield c.func().name() + "(" + String.join(", ", args) + ")";
            }
            case Expr.Aggregate a -> {
                StringBuilder sb = new StringBuilder(a.op().text());
                if (a.without()) {
                    sb.append(" without (").append(labelList(a.grouping())).append(") ");
                } else if (!a.grouping().isEmpty()) {
                    sb.append(" by (").append(labelList(a.grouping())).append(") ");
                }
                sb.append('(');
                if (a.param() != null) {
                    sb.append(format(a.param())).append(", ");
                }
                yield sb.append(format(a.expr())).append(')').toString();
            }
        };
    }

    private static String matching(Expr.Binary b) {
        Expr.VectorMatching m = b.matching();
        if (m == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean grouped = m.card() == Expr.Cardinality.MANY_TO_ONE || m.card() == Expr.Cardinality.ONE_TO_MANY;
        if (m.on() || !m.matchingLabels().isEmpty() || grouped) {
            sb.append(m.on() ? " on (" : " ignoring (").append(labelList(m.matchingLabels())).append(')');
        }
        if (m.card() == Expr.Cardinality.MANY_TO_ONE || m.card() == Expr.Cardinality.ONE_TO_MANY) {
            sb.append(m.card() == Expr.Cardinality.MANY_TO_ONE ? " group_left" : " group_right");
            sb.append(" (").append(labelList(m.include())).append(')');
        }
        Expr.FillValues f = m.fill();
        if (f.lhs().isPresent() && f.rhs().isPresent()
                && Double.compare(f.lhs().getAsDouble(), f.rhs().getAsDouble()) == 0) {
            sb.append(" fill (").append(number(f.lhs().getAsDouble())).append(')');
        } else {
            f.lhs().ifPresent(v -> sb.append(" fill_left (").append(number(v)).append(')'));
            f.rhs().ifPresent(v -> sb.append(" fill_right (").append(number(v)).append(')'));
        }
        return sb.toString();
    }

    private static String labelList(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            out.add(PLAIN_LABEL.matcher(l).matches() ? l : GoStrings.quote(l));
        }
        return String.join(", ", out);
    }

    private static String selector(Expr.VectorSelector vs) {
        List<String> parts = new ArrayList<>();
        String name = vs.name();
        boolean plainName = name != null && PLAIN_METRIC.matcher(name).matches();
        if (name != null && !plainName) {
            parts.add(GoStrings.quote(name));
        }
        for (LabelMatcher m : vs.matchers()) {
            if (name != null && m.name().equals(Labels.METRIC_NAME) && m.type() == LabelMatcher.Type.EQUAL
                    && m.value().equals(name)) {
                continue;
            }
            String label = PLAIN_LABEL.matcher(m.name()).matches() ? m.name() : GoStrings.quote(m.name());
            parts.add(label + m.type().symbol() + GoStrings.quote(m.value()));
        }
        String prefix = plainName ? name : "";
        if (parts.isEmpty() && plainName) {
            return prefix;
        }
        java.util.Collections.sort(parts);
        return prefix + "{" + String.join(",", parts) + "}";
    }

    private static String duration(long ms, DurationExpr expr) {
        return expr != null ? DurationPrinter.format(expr) : Durations.format(ms);
    }

    private static String modifier(Expr.SelectorModifier m) {
        return switch (m) {
            case ANCHORED -> " anchored";
            case SMOOTHED -> " smoothed";
            case NONE -> "";
        };
    }

    private static String at(Expr.AtMode at, long atMs) {
        return switch (at) {
            case TIMESTAMP -> " @ " + new java.math.BigDecimal(atMs).movePointLeft(3)
                    .setScale(3, java.math.RoundingMode.UNNECESSARY).toPlainString();
            case START -> " @ start()";
            case END -> " @ end()";
            case NONE -> "";
        };
    }

    private static String offset(long offsetMs, DurationExpr expr) {
        if (expr != null) {
            return " offset " + DurationPrinter.format(expr);
        }
        if (offsetMs > 0) {
            return " offset " + Durations.format(offsetMs);
        } else if (offsetMs < 0) {
            return " offset -" + Durations.format(-offsetMs);
        }
        return "";
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
