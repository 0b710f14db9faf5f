package io.vigia.dashboards.ask;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.query.DriftPanel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan's steps, each checked again by the {@link StepGuard} first (a plan may have been
 * edited), each within the limits: a query that runs past the time limit is interrupted, a result
 * with more series than allowed is refused, not cut. Deploy impact, drift and reports are computed
 * by the dashboards' own code, so the numbers are those of the views. Blocking.
 */
public final class AskRunner {
    private final MetricsSource source;
    private final LogsSource logs;
    private final StepGuard guard;

    /** @param logs where LogQL steps run; null when the workspace has none */
    public AskRunner(MetricsSource source, LogsSource logs, StepGuard guard) {
        this.source = source;
        this.logs = logs;
        this.guard = guard;
    }

    public AskAnswer run(AskPlan plan, AskContext ctx) {
        List<AskAnswer.StepAnswer> out = new ArrayList<>();
        for (AskStep s : plan.steps()) {
            out.add(runStep(s, ctx));
        }
        return new AskAnswer(plan, out);
    }

    AskAnswer.StepAnswer runStep(AskStep s, AskContext ctx) {
        var refusal = guard.refusal(s, ctx);
        if (refusal.isPresent()) {
            return new AskAnswer.Refused(s, refusal.get());
        }
        TimeRange range = StepRanges.resolve(s, ctx);
        try {
            return switch (s) {
                case AskStep.Query q when q.language() == AskStep.QueryLanguage.LOGQL -> lines(q, range);
                case AskStep.Query q -> numbers(q, range, ctx);
                case AskStep.DeployImpact d -> {
                    Deploy deploy = ctx.deploy(d.service(), d.version()).orElseThrow();
                    yield new AskAnswer.Impact(d, Timed.run(guard.limits().timeout(),
                            () -> DeployImpact.compute(source, deploy, d.window(), ctx.minStep())));
                }
                case AskStep.OpenDashboard o -> new AskAnswer.Dashboard(o, range);
                case AskStep.DriftCheck d -> drift(d, range, ctx);
                case AskStep.Report r -> new AskAnswer.Report(r, Timed.run(guard.limits().timeout(),
                        () -> new ReportBuilder(source, Clock.fixed(ctx.now(), ctx.zone()), ctx.minStep())
                                .build(ctx.dashboard(r.uid()).orElseThrow(), IsoWeek.of(range.from().atZone(ctx.zone()).toLocalDate()),
                                        ctx.zone())));
            };
        } catch (Timed.TimeLimitException e) {
            return new AskAnswer.Refused(s, e.getMessage());
        } catch (QueryException | IllegalArgumentException | IllegalStateException e) {
            return new AskAnswer.Failed(s, e.getMessage());
        }
    }

    private AskAnswer.StepAnswer numbers(AskStep.Query q, TimeRange range, AskContext ctx) {
        GrafanaResolution res = StepRanges.resolution(range, ctx);
        String expr = res.expand(q.expr());
        boolean instant = q.stat() != null && StepBuilder.isTotal(q.stat());
        QueryResult r = Timed.run(guard.limits().timeout(), () -> instant
                ? source.query(expr, range.to()).result()
                : source.queryRange(expr, range.from(), range.to(), res.step()).result());
        List<AskAnswer.SeriesNumbers> series = SeriesSummaries.of(r);
        if (series.size() > guard.limits().maxSeries()) {
            return new AskAnswer.Refused(q, "the query returned " + series.size() + " series, over the limit of "
                    + guard.limits().maxSeries() + "; add a filter or aggregate");
        }
        return new AskAnswer.Numbers(q, expr, range, res.step(), instant, series);
    }

    private AskAnswer.StepAnswer lines(AskStep.Query q, TimeRange range) {
        if (logs == null) {
            return new AskAnswer.Failed(q, "this workspace has no log source");
        }
        LogQueryResult r = Timed.run(guard.limits().timeout(), () -> logs.queryLogs(q.expr(), range.from(), range.to(),
                guard.limits().maxLogLines(), CancellationToken.NONE));
        return new AskAnswer.Lines(q, range, r.entries());
    }

    /** The Model Drift dashboard's status table (Jensen–Shannon distance per feature, range vs the period before). */
    private AskAnswer.StepAnswer drift(AskStep.DriftCheck d, TimeRange range, AskContext ctx) {
        var dash = BuiltInDashboards.modelDrift();
        Panel status = dash.allPanels().stream()
                .filter(p -> p.options().drift().active() && p.options().drift().mode() == PanelOptions.Drift.Mode.STATUS)
                .findFirst().orElseThrow();
        PanelData data = Timed.run(guard.limits().timeout(), () -> new PanelDataLoader(name -> source, ctx.minStep())
                .load(dash, status, range, StepRanges.POINTS, Map.of(), Map.of()));
        if (!data.errors().isEmpty()) {
            return new AskAnswer.Failed(d, String.join("; ", data.errors()));
        }
        List<AskAnswer.SeriesNumbers> scores = new ArrayList<>();
        for (int i = 0; i < data.series().size(); i++) {
            TimeSeriesData s = data.series().get(i);
            boolean js = DriftPanel.REF_JS.equals(data.refIds().get(i));
            if (js && (d.feature() == null || s.name().contains(d.feature()))) {
                double v = s.size() == 0 ? Double.NaN : s.values()[s.size() - 1];
                scores.add(new AskAnswer.SeriesNumbers(s.name(), v, v, v, v, s.ts(), s.values()));
            }
        }
        return new AskAnswer.Drift(d, range, scores, data.notices());
    }

}
