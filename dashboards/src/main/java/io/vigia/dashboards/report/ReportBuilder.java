package io.vigia.dashboards.report;

import io.vigia.dashboards.grafana.PanelOptions;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.LegendFormat;
import io.vigia.dashboards.query.QueryExpander;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.remote.GrafanaResolution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link Report} of one dashboard over one ISO week from a metrics source (the local
 * store or a remote Prometheus): stat and gauge panels become KPIs compared with the week before,
 * time series become week-long charts (hourly steps), tables are evaluated at the week's end.
 * A panel that fails is listed and makes the report partial; the rest is still computed.
 */
public final class ReportBuilder {
    /** Hourly points: 168 per series, plenty for a chart a page wide. */
    static final int POINTS_PER_WEEK = 168;
    static final int MAX_KPIS_PER_PANEL = 6;

    private final MetricsSource source;
    private final Clock clock;
    private final Duration scrapeInterval;

    public ReportBuilder(MetricsSource source, Clock clock, Duration scrapeInterval) {
        this.source = source;
        this.clock = clock;
        this.scrapeInterval = scrapeInterval;
    }

    public Report build(Dashboard d, IsoWeek week, ZoneId zone, Map<String, List<String>> variableValues,
                        Map<String, List<String>> allValues) {
        TimeRange range = week.range(zone);
        TimeRange previous = week.previous().range(zone);
        List<Report.Kpi> kpis = new ArrayList<>();
        List<Report.Section> sections = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean anyData = false;
        for (Panel p : d.allPanels()) {
            try {
                switch (p.type()) {
                    case ROW -> sections.add(new Report.Heading(p.title()));
                    case TEXT -> sections.add(new Report.Text(p.title(), p.text()));
                    case STAT, GAUGE -> {
                        List<Report.Kpi> panelKpis = kpis(d, p, range, previous, variableValues, allValues);
                        anyData |= panelKpis.stream().anyMatch(k -> !Double.isNaN(k.current()));
                        kpis.addAll(panelKpis);
                    }
                    case TIME_SERIES, BAR_CHART, HEATMAP -> {
                        Report.Chart chart = chart(d, p, range, variableValues, allValues);
                        anyData |= chart.series().stream().anyMatch(s -> s.timestamps().length > 0);
                        sections.add(chart);
                    }
                    case TABLE, BAR_GAUGE -> {
                        Report.Table table = table(d, p, range, variableValues, allValues);
                        anyData |= !table.rows().isEmpty();
                        sections.add(table);
                    }
                    case LOGS -> sections.add(new Report.Missing(p.title(), "log panels are not part of reports"));
                    case UNSUPPORTED -> sections.add(new Report.Missing(p.title(),
                            "a \"" + p.originalType() + "\" panel, which Vigia does not draw"));
                }
            } catch (QueryException | IllegalArgumentException e) {
                problems.add("\"" + p.title() + "\": " + e.getMessage());
                sections.add(new Report.Missing(p.title(), "could not be computed: " + e.getMessage()));
            }
        }
        List<String> summary = ReportSummary.write(week, kpis, problems, !anyData);
        return new Report(d.title(), d.uid(), week, zone, range.from(), range.to(), clock.instant(), kpis, sections,
                summary, !problems.isEmpty(), !anyData, problems);
    }

    private List<Report.Kpi> kpis(Dashboard d, Panel p, TimeRange range, TimeRange previous,
                                  Map<String, List<String>> values, Map<String, List<String>> all) {
        List<Report.Kpi> out = new ArrayList<>();
        String reducer = p.option(PanelOptions.REDUCE, "lastNotNull");
        for (Query q : visible(p)) {
            List<Report.ChartSeries> now = series(d, q, range, values, all);
            List<Report.ChartSeries> before = series(d, q, previous, values, all);
            for (Report.ChartSeries s : now.subList(0, Math.min(now.size(), MAX_KPIS_PER_PANEL))) {
                double prev = before.stream().filter(b -> b.name().equals(s.name())).findFirst()
                        .map(b -> Reducer.apply(reducer, b.values())).orElse(Double.NaN);
                String title = now.size() == 1 ? p.title() : p.title() + " — " + s.name();
                out.add(new Report.Kpi(title, p.fieldConfig().unit(), Reducer.apply(reducer, s.values()), prev, p.fieldConfig()));
            }
            if (now.isEmpty()) {
                out.add(new Report.Kpi(p.title(), p.fieldConfig().unit(), Double.NaN, Double.NaN, p.fieldConfig()));
            }
        }
        return out;
    }

    private Report.Chart chart(Dashboard d, Panel p, TimeRange range, Map<String, List<String>> values,
                               Map<String, List<String>> all) {
        List<Report.ChartSeries> series = new ArrayList<>();
        for (Query q : visible(p)) {
            series.addAll(series(d, q, range, values, all));
        }
        return new Report.Chart(p.title(), p.type(), p.fieldConfig(), series, p.option(PanelOptions.STACKING, "none"));
    }

    private Report.Table table(Dashboard d, Panel p, TimeRange range, Map<String, List<String>> values,
                               Map<String, List<String>> all) {
        List<List<String>> rows = new ArrayList<>();
        for (Query q : visible(p)) {
            String expr = expand(d, q, range, values, all);
            QueryResult r = source.query(expr, range.to().minusMillis(1)).result();
            if (r instanceof QueryResult.Vector v) {
                for (int i = 0; i < v.size(); i++) {
                    rows.add(List.of(LegendFormat.apply(q.legendFormat(), v.labels()[i]), Double.toString(v.values()[i])));
                }
            } else if (r instanceof QueryResult.Scalar s) {
                rows.add(List.of(q.refId(), Double.toString(s.value())));
            }
        }
        rows.sort((a, b) -> Double.compare(Double.parseDouble(b.get(1)), Double.parseDouble(a.get(1))));
        return new Report.Table(p.title(), List.of("Series", "Value"), rows);
    }

    private List<Report.ChartSeries> series(Dashboard d, Query q, TimeRange range, Map<String, List<String>> values,
                                            Map<String, List<String>> all) {
        GrafanaResolution res = resolution(range);
        String expr = QueryExpander.expand(q.expr(), d.variables(), values, all, res);
        Instant end = range.to().minusMillis(1);
        QueryResult r = source.queryRange(expr, range.from(), end, res.step()).result();
        List<Report.ChartSeries> out = new ArrayList<>();
        if (r instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                out.add(new Report.ChartSeries(LegendFormat.apply(q.legendFormat(), s.labels()), s.timestamps(), s.values()));
            }
        }
        return out;
    }

    private String expand(Dashboard d, Query q, TimeRange range, Map<String, List<String>> values,
                          Map<String, List<String>> all) {
        return QueryExpander.expand(q.expr(), d.variables(), values, all, resolution(range));
    }

    private GrafanaResolution resolution(TimeRange range) {
        return GrafanaResolution.compute(range.from(), range.to(), POINTS_PER_WEEK, scrapeInterval);
    }

    private static List<Query> visible(Panel p) {
        return p.queries().stream().filter(q -> !q.hidden() && q.language() == QueryLanguage.PROMQL).toList();
    }
}
