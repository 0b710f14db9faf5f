package io.vigia.views;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.DashboardViewModel;
import io.vigia.views.explore.ExploreResult;
import io.vigia.views.explore.LocalOnlySources;
import io.vigia.views.explore.QueryRunner;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same panel gives the same series through each consumer of the one query path: an open
 * dashboard (the view model), the weekly report and Explore, over the same week and width.
 */
class OneQueryPathTest {
    private static final String EXPR = "sum by (team) (rate(requests_total[$__rate_interval]))";
    private static final IsoWeek WEEK = new IsoWeek(2026, 47);

    @TempDir
    Path dir;

    @Test
    void aPanelDrawsTheSameSeriesInTheAppTheReportAndExplore() {
        TimeRange week = WEEK.range(ZoneOffset.UTC);
        TimeRange shown = new TimeRange(week.from(), week.to().minusMillis(1));
        try (Workspace ws = Workspace.open(dir.resolve("one.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            write(store, week);
            MetricsSource local = new LocalPromqlSource("local", store);
            Panel panel = Panel.of(1, PanelType.TIME_SERIES, "Requests", new GridPos(0, 0, 12, 8),
                    List.of(Query.promql("A", EXPR, "")), FieldConfig.DEFAULT);
            Dashboard d = new Dashboard("one", "One", List.of(), "now-7d", "now", "", List.of(), List.of(panel), List.of());
            Clock after = Clock.fixed(week.to().plus(Duration.ofDays(2)), ZoneOffset.UTC);

            // the app: 336 px wide, the panel half of it, as the report's 168 points
            DashboardViewModel app = new DashboardViewModel(d, name -> local, Duration.ofSeconds(15),
                    new SameThreadTaskExecutor().scope(), after, ZoneOffset.UTC);
            app.setWidth(336);
            app.range().rangeProperty().set(new RangeChoice.Absolute(shown));
            PanelData inApp = app.dataProperty(panel).get();
            assertThat(inApp.errors()).isEmpty();
            assertThat(inApp.range()).as("the data carries the range it answers").isEqualTo(shown);

            Report report = new ReportBuilder(local, after, Duration.ofSeconds(15)).build(d, WEEK, ZoneOffset.UTC);
            Report.Chart chart = (Report.Chart) report.sections().getFirst();

            ExploreResult explored = new QueryRunner(new LocalOnlySources(local), Duration.ofSeconds(15))
                    .run(new SourceChoice("local", QueryLanguage.PROMQL), EXPR, shown, 168, CancellationToken.NONE);

            assertThat(inApp.series()).extracting(TimeSeriesData::name).containsExactly("{team=\"a\"}", "{team=\"b\"}");
            assertThat(inApp.series().getFirst().ts()).hasSizeGreaterThan(100);
            for (int i = 0; i < inApp.series().size(); i++) {
                TimeSeriesData a = inApp.series().get(i);
                Report.ChartSeries r = chart.series().get(i);
                TimeSeriesData e = explored.series().get(i);
                assertThat(r.name()).isEqualTo(a.name());
                assertThat(e.name()).isEqualTo(a.name());
                assertThat(r.timestamps()).isEqualTo(a.ts());
                assertThat(e.ts()).isEqualTo(a.ts());
                assertThat(r.values()).isEqualTo(a.values());
                assertThat(e.values()).isEqualTo(a.values());
            }
            assertThat(chart.series()).hasSameSizeAs(inApp.series());
            assertThat(explored.series()).hasSameSizeAs(inApp.series());
            assertThat(explored.step()).isEqualTo(inApp.step());
        }
    }

    private static void write(SqliteSeriesStore store, TimeRange week) {
        try (SeriesWriter w = store.writer()) {
            double a = 0;
            double b = 0;
            long end = week.to().plus(Duration.ofDays(1)).toEpochMilli();
            for (long t = week.from().minus(Duration.ofDays(1)).toEpochMilli(); t <= end; t += 60_000) {
                a += 3 + (t / 3_600_000) % 5;
                b += 1 + (t / 7_200_000) % 3;
                w.append(Labels.of("__name__", "requests_total", "team", "a"), t, a);
                w.append(Labels.of("__name__", "requests_total", "team", "b"), t, b);
            }
            w.commit();
        }
    }
}
