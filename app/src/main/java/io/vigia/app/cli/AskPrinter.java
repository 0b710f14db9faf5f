package io.vigia.app.cli;

import io.vigia.dashboards.ask.AskAnswer;
import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.AskPlan;
import io.vigia.dashboards.ask.AskStep;
import io.vigia.dashboards.ask.StepText;
import io.vigia.dashboards.ask.TimeWindow;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ValueFormat;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code vigia ask} in words: the plan (each step, what was assumed, what was refused), then the
 * answer's numbers and the exact queries behind them. Every text that came from telemetry or a
 * model (series names, log lines, the model's words) is printed inert ({@link InertText}): no
 * terminal escape or bidirectional override gets through.
 */
final class AskPrinter {
    /** Series printed per step; the rest are counted. */
    static final int MAX_SERIES = 20;

    private AskPrinter() {
    }

    static void plan(PrintWriter out, AskPlan plan, AskContext ctx, List<Optional<String>> checks) {
        out.println("Plan (" + plan.planner() + ", " + plan.intent().id().replace('_', ' ') + ") for: " + InertText.of(plan.question()));
        for (int i = 0; i < plan.steps().size(); i++) {
            AskStep s = plan.steps().get(i);
            out.println("  " + (i + 1) + ". " + describe(s, ctx));
            if (i < checks.size() && checks.get(i).isPresent()) {
                out.println("     refused: " + InertText.of(checks.get(i).get()));
            }
        }
        if (plan.steps().isEmpty()) {
            out.println("  (no step)");
        }
        plan.notes().forEach(n -> out.println("  note: " + InertText.of(n)));
        plan.refused().forEach(r -> out.println("  refused " + InertText.of(r.what()) + ": " + InertText.of(r.reason())));
    }

    static String describe(AskStep s, AskContext ctx) {
        return StepText.describe(s, ctx);
    }

    static void answer(PrintWriter out, AskAnswer answer) {
        out.println("Answer:");
        for (AskAnswer.StepAnswer s : answer.steps()) {
            switch (s) {
                case AskAnswer.Numbers n -> numbers(out, n);
                case AskAnswer.Impact i -> impact(out, i);
                case AskAnswer.Lines l -> {
                    out.println("  " + l.lines().size() + " log lines, " + l.range().from() + " to " + l.range().to() + ":");
                    l.lines().stream().limit(MAX_SERIES).forEach(e -> out.println("    " + Instant.ofEpochMilli(e.timestampMillis())
                            + " " + InertText.of(e.labels().toString()) + " " + InertText.of(e.line())));
                    out.println("  query (logql): " + InertText.of(l.step().expr()));
                }
                case AskAnswer.Dashboard d -> out.println("  open " + d.step().uid() + " from " + d.range().from() + " to "
                        + d.range().to() + ": vigia --dashboard " + d.step().uid());
                case AskAnswer.Drift d -> {
                    out.println("  drift, " + d.range().from() + " to " + d.range().to() + " against the period before "
                            + "(Jensen–Shannon distance; 0 = same distribution):");
                    d.scores().forEach(x -> out.println("    " + InertText.of(x.name()) + "  " + fmt(x.last(), "none")));
                    d.notices().forEach(x -> out.println("    note: " + InertText.of(x)));
                }
                case AskAnswer.Report r -> report(out, r.report());
                case AskAnswer.Refused r -> out.println("  " + r.step().action() + " refused: " + InertText.of(r.reason()));
                case AskAnswer.Failed f -> out.println("  " + f.step().action() + " failed: " + InertText.of(f.message()));
            }
        }
    }

    private static void numbers(PrintWriter out, AskAnswer.Numbers n) {
        String unit = n.step().stat() == null ? "" : n.step().stat().unit();
        out.println("  " + InertText.of(n.step().title()) + ", " + n.range().from() + " to " + n.range().to()
                + (n.instant() ? " (over the whole range)" : " (step " + TimeWindow.text(n.resolution()) + ")") + ":");
        List<AskAnswer.SeriesNumbers> sorted = n.series().stream()
                .sorted(Comparator.comparingDouble((AskAnswer.SeriesNumbers x) -> Double.isNaN(x.mean()) ? Double.NEGATIVE_INFINITY : x.mean())
                        .reversed()).toList();
        if (sorted.isEmpty()) {
            out.println("    no data");
        }
        for (AskAnswer.SeriesNumbers x : sorted.stream().limit(MAX_SERIES).toList()) {
            out.println(n.instant()
                    ? "    " + InertText.of(x.name()) + "  " + fmt(x.last(), unit)
                    : "    " + InertText.of(x.name()) + "  last " + fmt(x.last(), unit) + "  min " + fmt(x.min(), unit)
                    + "  max " + fmt(x.max(), unit) + "  mean " + fmt(x.mean(), unit));
        }
        if (sorted.size() > MAX_SERIES) {
            out.println("    … and " + (sorted.size() - MAX_SERIES) + " more series");
        }
        out.println("  query: " + InertText.of(n.query()));
    }

    private static void impact(PrintWriter out, AskAnswer.Impact i) {
        DeployImpact.Result r = i.result();
        out.println("  deploy impact of " + InertText.of(r.deploy().service()) + " " + InertText.of(r.deploy().version()) + " at "
                + Instant.ofEpochMilli(r.deploy().timeMillis()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", " + TimeWindow.text(r.window()) + " before and after (step "
                + TimeWindow.text(r.step()) + "), medians:");
        out.printf(Locale.ROOT, "    %-12s %12s %12s %10s %9s%n", "measure", "before", "after", "change", "p-value");
        List<DeployImpact.Row> rows = r.rows().stream()
                .sorted(Comparator.comparing((DeployImpact.Row row) -> row.measure() != measure(i.step()))).toList();
        for (DeployImpact.Row row : rows) {
            out.printf(Locale.ROOT, "    %-12s %12s %12s %10s %9s%s%n", row.measure().label(), fmt(row.before(), row.measure().unit()),
                    fmt(row.after(), row.measure().unit()),
                    Double.isNaN(row.changePercent()) ? "—" : String.format(Locale.ROOT, "%+.1f %%", row.changePercent()),
                    Double.isNaN(row.pValue()) ? "—" : String.format(Locale.ROOT, "%.3g", row.pValue()),
                    row.significant() ? "  significant" : "");
        }
        out.println("  queries:");
        r.rows().forEach(row -> out.println("    " + row.expr()));
    }

    private static DeployImpact.Measure measure(AskStep.DeployImpact step) {
        return switch (step.focus()) {
            case P50 -> DeployImpact.Measure.P50;
            case P99 -> DeployImpact.Measure.P99;
            case ERROR_SHARE -> DeployImpact.Measure.ERROR_RATE;
            case THROUGHPUT -> DeployImpact.Measure.THROUGHPUT;
            default -> DeployImpact.Measure.P95;
        };
    }

    private static void report(PrintWriter out, Report r) {
        out.println("  " + InertText.of(r.title()) + ", " + r.week() + " (" + r.from() + " to " + r.to() + "), against the week before:");
        for (Report.Kpi k : r.kpis()) {
            out.println("    " + InertText.of(k.title()) + "  " + fmt(k.current(), k.unit()) + "  (week before " + fmt(k.previous(), k.unit()) + ")");
        }
        r.summary().forEach(s -> out.println("    " + InertText.of(s)));
        out.println("  write it: vigia report --dashboard " + r.dashboardUid() + " --week " + r.week());
    }

    static String fmt(double v, String unit) {
        return Double.isNaN(v) ? "—" : ValueFormat.format(v, unit);
    }
}
