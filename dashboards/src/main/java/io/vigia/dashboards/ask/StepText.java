package io.vigia.dashboards.ask;

import io.vigia.dashboards.chart.InertText;

import java.time.Instant;
import java.util.Locale;

/**
 * A plan step in words, as {@code vigia ask} prints it and the app's Ask dialog shows it. Text
 * that came from the question, telemetry or a model (titles, expressions, versions) is made inert
 * ({@link InertText}).
 */
public final class StepText {
    private StepText() {
    }

    public static String describe(AskStep s, AskContext ctx) {
        return switch (s) {
            case AskStep.Query q -> q.action() + " " + InertText.of(q.title() == null ? "" : q.title()) + ", " + q.range()
                    + "\n     " + q.language().name().toLowerCase(Locale.ROOT) + ": " + InertText.of(q.expr());
            case AskStep.DeployImpact d -> "deploy impact of " + InertText.of(d.service()) + " "
                    + ctx.deploy(d.service(), d.version()).map(x -> x.version() + " (deployed " + Instant.ofEpochMilli(x.timeMillis()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")")
                    .orElse(InertText.of(d.version()) + " (not found)")
                    + ", " + TimeWindow.text(d.window()) + " before and after, " + d.focus().id() + " first";
            case AskStep.OpenDashboard o -> "open dashboard " + o.uid() + " (" + InertText.of(o.title()) + "), " + o.range();
            case AskStep.DriftCheck d -> "drift check of " + (d.feature() == null ? "every feature" : InertText.of(d.feature()))
                    + ", " + d.range() + " against the period before";
            case AskStep.Report r -> "weekly report of " + r.uid() + " (" + InertText.of(r.title()) + "), " + r.range();
        };
    }
}
