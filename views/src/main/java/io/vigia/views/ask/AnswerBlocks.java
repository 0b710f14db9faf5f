package io.vigia.views.ask;

import io.vigia.dashboards.ask.AskAnswer;
import io.vigia.dashboards.ask.TimeWindow;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ValueFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An answer turned into {@link AnswerBlock}s, with the same numbers and queries {@code vigia ask}
 * prints: every text from telemetry or a model made inert, values formatted by their unit.
 */
final class AnswerBlocks {
    /** Series shown per query step; the rest are counted in a note. */
    static final int MAX_SERIES = 20;

    private AnswerBlocks() {
    }

    static List<AnswerBlock> of(AskAnswer answer) {
        List<AnswerBlock> out = new ArrayList<>();
        for (AskAnswer.StepAnswer s : answer.steps()) {
            out.add(switch (s) {
                case AskAnswer.Numbers n -> numbers(n);
                case AskAnswer.Impact i -> impact(i.result());
                case AskAnswer.Lines l -> new AnswerBlock(l.lines().size() + " log lines, " + l.range().from() + " to " + l.range().to(),
                        List.of("time", "labels", "line"), l.lines().stream().limit(MAX_SERIES).map(e -> List.of(
                                Instant.ofEpochMilli(e.timestampMillis()).toString(), InertText.of(e.labels().toString()),
                                InertText.of(e.line()))).toList(), List.of(InertText.of(l.step().expr())), List.of());
                case AskAnswer.Dashboard d -> new AnswerBlock("Dashboard " + InertText.of(d.step().title()) + ", "
                        + d.range().from() + " to " + d.range().to(), List.of(), List.of(), List.of(), List.of());
                case AskAnswer.Drift d -> new AnswerBlock("Drift, " + d.range().from() + " to " + d.range().to()
                        + " against the period before (Jensen–Shannon distance; 0 = same distribution)", List.of("feature", "distance"),
                        d.scores().stream().map(x -> List.of(InertText.of(x.name()), fmt(x.last(), "none"))).toList(), List.of(),
                        d.notices().stream().map(InertText::of).toList());
                case AskAnswer.Report r -> report(r.report());
                case AskAnswer.Refused r -> new AnswerBlock(r.step().action() + " refused", List.of(), List.of(), List.of(),
                        List.of(InertText.of(r.reason())));
                case AskAnswer.Failed f -> new AnswerBlock(f.step().action() + " failed", List.of(), List.of(), List.of(),
                        List.of(InertText.of(f.message())));
            });
        }
        return out;
    }

    private static AnswerBlock numbers(AskAnswer.Numbers n) {
        String unit = n.step().stat() == null ? "" : n.step().stat().unit();
        List<AskAnswer.SeriesNumbers> sorted = n.series().stream()
                .sorted(Comparator.comparingDouble((AskAnswer.SeriesNumbers x) -> Double.isNaN(x.mean()) ? Double.NEGATIVE_INFINITY : x.mean())
                        .reversed()).toList();
        List<List<String>> rows = new ArrayList<>();
        for (AskAnswer.SeriesNumbers x : sorted.stream().limit(MAX_SERIES).toList()) {
            rows.add(n.instant() ? List.of(InertText.of(x.name()), fmt(x.last(), unit))
                    : List.of(InertText.of(x.name()), fmt(x.last(), unit), fmt(x.min(), unit), fmt(x.max(), unit), fmt(x.mean(), unit)));
        }
        List<String> notes = new ArrayList<>();
        if (sorted.isEmpty()) {
            notes.add("no data");
        } else if (sorted.size() > MAX_SERIES) {
            notes.add("… and " + (sorted.size() - MAX_SERIES) + " more series");
        }
        String heading = InertText.of(n.step().title()) + ", " + n.range().from() + " to " + n.range().to()
                + (n.instant() ? " (over the whole range)" : " (step " + TimeWindow.text(n.resolution()) + ")");
        return new AnswerBlock(heading, n.instant() ? List.of("series", "value") : List.of("series", "last", "min", "max", "mean"),
                rows, List.of(InertText.of(n.query())), notes);
    }

    private static AnswerBlock impact(DeployImpact.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (DeployImpact.Row row : r.rows()) {
            rows.add(List.of(row.measure().label(), fmt(row.before(), row.measure().unit()), fmt(row.after(), row.measure().unit()),
                    Double.isNaN(row.changePercent()) ? "—" : String.format(Locale.ROOT, "%+.1f %%", row.changePercent()),
                    Double.isNaN(row.pValue()) ? "—" : String.format(Locale.ROOT, "%.3g", row.pValue()),
                    row.significant() ? "significant" : ""));
        }
        String heading = "Deploy impact of " + InertText.of(r.deploy().service()) + " " + InertText.of(r.deploy().version()) + " at "
                + Instant.ofEpochMilli(r.deploy().timeMillis()) + ", " + TimeWindow.text(r.window()) + " before and after (step "
                + TimeWindow.text(r.step()) + "), medians";
        return new AnswerBlock(heading, List.of("measure", "before", "after", "change", "p-value", ""), rows,
                r.rows().stream().map(DeployImpact.Row::expr).toList(), List.of());
    }

    private static AnswerBlock report(Report r) {
        List<List<String>> rows = r.kpis().stream().map(k -> List.of(InertText.of(k.title()), fmt(k.current(), k.unit()),
                fmt(k.previous(), k.unit()))).toList();
        return new AnswerBlock(InertText.of(r.title()) + ", " + r.week() + " (" + r.from() + " to " + r.to() + "), against the week before",
                List.of("measure", "this week", "week before"), rows, List.of(),
                r.summary().stream().map(InertText::of).toList());
    }

    static String fmt(double v, String unit) {
        return Double.isNaN(v) ? "—" : ValueFormat.format(v, unit);
    }
}
