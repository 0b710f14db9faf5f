package io.vigia.dashboards.report;

import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.VariableOptions;
import io.vigia.dashboards.findings.WatchedSeriesList;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;
import java.util.HashMap;

import io.vigia.datasources.guardrail.GuardrailTaxonomy;
import io.vigia.dashboards.findings.SecurityRisk;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.AnnotationLoader;
import io.vigia.dashboards.query.DriftPanel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Computes a {@link Report} of one dashboard over one ISO week from a metrics source (the local
 * store or a remote Prometheus): stat and gauge panels become KPIs compared with the week before,
 * time series become week-long charts (hourly steps), bar charts and tables are evaluated at the
 * week's end. The weekly evidence tables ({@link WeeklyEvidence}) follow the panels. A panel that
 * fails is listed and makes the report partial; the rest is still computed. A source that cannot
 * be reached at all is not a partial report: {@link SourceUnavailableException} stops the build.
 */
public final class ReportBuilder {
    /** Hourly points: 168 per series, plenty for a chart a page wide. */
    static final int POINTS_PER_WEEK = 168;
    static final int MAX_KPIS_PER_PANEL = 6;

    private final MetricsSource source;
    private final ReachabilityWatch watch;
    private final PanelDataLoader loader;
    private final Clock clock;
    private final Duration scrapeInterval;
    private BooleanSupplier cancelled = () -> false;
    private FindingsSection.Finder findings;
    private SecurityRisk securityRisk;

    private final SourceBindings bindings;

    /** Templates and deploy markers read the source as Vigia's own contract. */
    public ReportBuilder(MetricsSource source, Clock clock, Duration scrapeInterval) {
        this(source, ContractBindings.of(""), clock, scrapeInterval);
    }

    /** @param bindings what the source has for each input of the built-ins (probed, or overridden by the user) */
    public ReportBuilder(MetricsSource source, SourceBindings bindings, Clock clock, Duration scrapeInterval) {
        this.source = source;
        this.bindings = bindings;
        this.watch = new ReachabilityWatch(source);
        this.loader = new PanelDataLoader(name -> watch, name -> {
            throw new IllegalArgumentException("reports have no log source");
        }, scrapeInterval, new BindingStep(name -> bindings));
        this.clock = clock;
        this.scrapeInterval = scrapeInterval;
    }

    /** Checked between panels; when it turns true the build stops with a {@link java.util.concurrent.CancellationException}. */
    public ReportBuilder cancelledWhen(BooleanSupplier c) {
        this.cancelled = c;
        return this;
    }

    /** Adds a "Findings" section with what {@code finder} finds in the week (none by default). */
    public ReportBuilder withFindings(FindingsSection.Finder finder) {
        this.findings = finder;
        return this;
    }

    /** Adds the security risk tables of the week's SAST findings on accepted AI suggestions (none by default). */
    public ReportBuilder withSecurityRisk(SecurityRisk risk) {
        this.securityRisk = risk;
        return this;
    }

    /**
     * With each variable at its saved value when the source offers it, else All (or the first value
     * offered), as the app's picker falls back.
     */
    public Report build(Dashboard d, IsoWeek week, ZoneId zone) {
        Map<String, List<String>> values = new HashMap<>();
        Map<String, List<String>> all = new HashMap<>();
        VariableOptions options = new VariableOptions(name -> watch, new BindingStep(name -> bindings));
        for (Variable v : d.variables()) {
            if (!(v instanceof Variable.QueryVariable)) {
                continue;
            }
            try {
                List<String> offered = options.options(v, week.range(zone));
                all.put(v.name(), offered);
                boolean valid = !v.current().isEmpty() && v.current().stream().allMatch(x -> x.equals(Variable.ALL) || offered.contains(x));
                if (!valid) {
                    values.put(v.name(), v.includeAll() ? List.of(Variable.ALL) : offered.isEmpty() ? List.of() : List.of(offered.getFirst()));
                }
            } catch (QueryException | IllegalArgumentException e) {
                SourceUnavailableException.rethrowIfUnreachable(source, e);
            }
        }
        return build(d, week, zone, values, all);
    }

    public Report build(Dashboard d, IsoWeek week, ZoneId zone, Map<String, List<String>> variableValues,
                        Map<String, List<String>> allValues) {
        TimeRange range = week.range(zone);
        TimeRange previous = week.previous().range(zone);
        List<Report.Kpi> kpis = new ArrayList<>();
        List<Report.Section> sections = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean anyData = false;
        List<Annotation> deploys = deployMarkers(d, range, problems);
        for (Panel p : d.allPanels()) {
            checkCancelled();
            try {
                switch (p.type()) {
                    case ROW -> sections.add(new Report.Heading(p.title()));
                    case TEXT -> sections.add(new Report.Text(p.title(), p.text()));
                    case STAT, GAUGE -> {
                        List<Report.Kpi> panelKpis = kpis(d, p, range, previous, zone, variableValues, allValues);
                        anyData |= panelKpis.stream().anyMatch(k -> !Double.isNaN(k.current()));
                        kpis.addAll(panelKpis);
                    }
                    case TIME_SERIES, BAR_CHART, HEATMAP -> {
                        Report.Chart chart = chart(d, p, range, variableValues, allValues,
                                p.type() == PanelType.TIME_SERIES ? deploys : List.of());
                        anyData |= chart.hasData();
                        sections.add(chart);
                    }
                    case TABLE, BAR_GAUGE -> {
                        if (DriftPanel.isDrift(p)) {
                            // the report's own drift table (WeeklyEvidence: this week vs the week before,
                            // with PSI) says the same for the report's week
                            continue;
                        }
                        Report.Table table = table(d, p, range, variableValues, allValues);
                        anyData |= !table.rows().isEmpty();
                        sections.add(table);
                    }
                    case LOGS -> sections.add(new Report.Missing(p.title(), "log panels are not part of reports"));
                    case UNSUPPORTED -> sections.add(new Report.Missing(p.title(),
                            "a \"" + p.originalType() + "\" panel, which Vigia does not draw"));
                }
            } catch (NotOnThisSource e) {
                sections.add(new Report.Missing(p.title(), "not on this source: " + e.getMessage()));
            } catch (QueryException | IllegalArgumentException e) {
                SourceUnavailableException.rethrowIfUnreachable(source, e);
                problems.add("\"" + p.title() + "\": " + e.getMessage());
                sections.add(new Report.Missing(p.title(), "could not be computed: " + e.getMessage()));
            }
        }
        checkCancelled();
        kpis = KpiDailyValues.adjust(kpis);
        List<Report.Table> evidenceTables = new WeeklyEvidence(source, bindings, scrapeInterval, week, zone).tables(d, problems);
        sections.addAll(evidenceTables);
        if (findings != null) {
            try {
                sections.add(FindingsSection.table(findings.find(source, bindings, range, zone),
                        WatchedSeriesList.of(bindings).notWatched(), zone));
            } catch (QueryException | IllegalArgumentException e) {
                SourceUnavailableException.rethrowIfUnreachable(source, e);
                problems.add("\"" + FindingsSection.TITLE + "\": " + e.getMessage());
            }
        }
        if (securityRisk != null) {
            sections.addAll(SecurityRiskSection.tables(securityRisk, range));
        }
        List<String> summary = ReportSummary.write(week, kpis, evidenceTables, problems, !anyData);
        return new Report(d.title(), d.uid(), week, zone, range.from(), range.to(), clock.instant(), kpis, sections,
                summary, !problems.isEmpty(), !anyData, problems);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("report cancelled");
        }
    }

    /** Deploy markers and missing-day regions for the time series, when the dashboard shows them. */
    private List<Annotation> deployMarkers(Dashboard d, TimeRange range, List<String> problems) {
        List<Annotation> out = new ArrayList<>();
        for (AnnotationSource a : d.annotations()) {
            // a report has one source, and no query annotations (they belong to the screen)
            if (!AnnotationLoader.isLoadable(a) || a.kind() == AnnotationSource.Kind.QUERY) {
                continue;
            }
            try {
                // deploys are looked for at the scrape interval: a restart is one scrape's step
                out.addAll(AnnotationLoader.load(a, name -> source, name -> {
                    throw new IllegalStateException("reports have no log source");
                }, name -> bindings, range, AnnotationLoader.isBound(a) ? scrapeInterval : resolution(range).step()));
            } catch (QueryException e) {
                SourceUnavailableException.rethrowIfUnreachable(source, e);
                problems.add((a.kind() == AnnotationSource.Kind.DEPLOYS ? "deploy markers \"" : "missing-day check \"")
                        + a.name() + "\": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * One KPI per series of the panel's first query (query B of a built-in stat, "the period
     * before", is not needed: the previous week is evaluated here). Instant queries are evaluated
     * once at the week's end (or now, for the week in progress); range queries are reduced with
     * the panel's reducer.
     */
    private List<Report.Kpi> kpis(Dashboard d, Panel p, TimeRange range, TimeRange previous, ZoneId zone,
                                  Map<String, List<String>> values, Map<String, List<String>> all) {
        List<Report.Kpi> out = new ArrayList<>();
        String reducer = p.options().stat().reducerOrDefault();
        List<Query> queries = visible(p);
        if (queries.isEmpty()) {
            return out;
        }
        Panel first = p.withQueries(List.of(queries.getFirst()));
        Loaded loaded = load(d, first, range, values, all);
        List<Report.ChartSeries> now = loaded.series();
        List<Report.ChartSeries> before = series(d, first, previous, values, all);
        DailyKpis daily = now.isEmpty() ? null : daily(d, first, range, previous, zone, reducer, values, all);
        for (Report.ChartSeries s : now.subList(0, Math.min(now.size(), MAX_KPIS_PER_PANEL))) {
            double prev = before.stream().filter(b -> b.name().equals(s.name())).findFirst()
                    .map(b -> Reducer.apply(reducer, b.values())).orElse(Double.NaN);
            String title = now.size() == 1 ? p.title() : p.title() + " — " + s.name();
            out.add(new Report.Kpi(title, p.fieldConfig().unit(), Reducer.apply(reducer, s.values()), prev, p.fieldConfig(),
                    p.options().stat().direction(), daily.test(s.name(), now.size() == 1), loaded.source()));
        }
        if (now.isEmpty()) {
            out.add(new Report.Kpi(p.title(), p.fieldConfig().unit(), Double.NaN,
                    before.isEmpty() ? Double.NaN : Reducer.apply(reducer, before.getFirst().values()), p.fieldConfig(),
                    p.options().stat().direction(), null, loaded.source()));
        }
        return out;
    }

    /** The daily values of a KPI panel's query in both weeks, or why there are none. */
    private record DailyKpis(Map<String, double[]> before, Map<String, double[]> now, String failure) {
        KpiTest test(String name, boolean single) {
            return failure != null ? KpiTest.untested(failure)
                    : KpiDailyValues.test(KpiDailyValues.of(before, name, single), KpiDailyValues.of(now, name, single));
        }
    }

    private DailyKpis daily(Dashboard d, Panel first, TimeRange range, TimeRange previous, ZoneId zone, String reducer,
                            Map<String, List<String>> values, Map<String, List<String>> all) {
        KpiDailyValues.Evaluator eval = day -> series(d, first, day, values, all);
        try {
            return new DailyKpis(KpiDailyValues.daily(eval, KpiDailyValues.days(previous, zone), reducer),
                    KpiDailyValues.daily(eval, KpiDailyValues.days(range, zone), reducer), null);
        } catch (QueryException | IllegalArgumentException e) {
            SourceUnavailableException.rethrowIfUnreachable(source, e);
            return new DailyKpis(Map.of(), Map.of(), "the daily values could not be computed: " + e.getMessage());
        }
    }

    private Report.Chart chart(Dashboard d, Panel p, TimeRange range, Map<String, List<String>> values,
                               Map<String, List<String>> all, List<Annotation> annotations) {
        // drift panels are scored in Vigia from the bucket series: the loader computes them too
        Panel shown = DriftPanel.isDrift(p) ? p : p.withQueries(visible(p));
        Loaded loaded = load(d, shown, range, values, all);
        return new Report.Chart(p.title(), p.type(), p.fieldConfig(), loaded.series(),
                p.options().graph().stacked(), p, annotations, loaded.source());
    }

    private Report.Table table(Dashboard d, Panel p, TimeRange range, Map<String, List<String>> values,
                               Map<String, List<String>> all) {
        boolean owasp = p.options().table().owaspColumn();
        List<List<String>> rows = new ArrayList<>();
        Panel atEnd = p.withQueries(visible(p).stream().map(Query::asInstant).toList());
        Loaded loaded = load(d, atEnd, range, values, all);
        for (Report.ChartSeries s : loaded.series()) {
            double v = s.values().length == 0 ? Double.NaN : s.values()[s.values().length - 1];
            rows.add(owasp ? List.of(s.name(), GuardrailTaxonomy.owaspLabel(s.name()), Double.toString(v))
                    : List.of(s.name(), Double.toString(v)));
        }
        int valueColumn = owasp ? 2 : 1;
        rows.sort((a, b) -> Double.compare(Double.parseDouble(b.get(valueColumn)), Double.parseDouble(a.get(valueColumn))));
        String unit = p.fieldConfig().unit() == null || p.fieldConfig().unit().isEmpty() ? "short" : p.fieldConfig().unit();
        return owasp
                ? new Report.Table(p.title(), List.of("Series", "OWASP LLM Top 10 (2025)", "Value"), List.of("", "", unit), rows, loaded.source())
                : new Report.Table(p.title(), List.of("Series", "Value"), List.of("", unit), rows, loaded.source());
    }

    /**
     * The panel's series over the week, through the app's own panel loader at one point per hour:
     * the range ends just before the next week starts, instant queries are evaluated there or now,
     * whichever is earlier (a week in progress has no samples after now), and an instant answer
     * without a value is left out. A failing query fails the panel.
     */
    private List<Report.ChartSeries> series(Dashboard d, Panel p, TimeRange week, Map<String, List<String>> values,
                                            Map<String, List<String>> all) {
        return load(d, p, week, values, all).series();
    }

    /** The panel's series and its source line ({@link io.vigia.dashboards.query.Provenance#reportLine()}). */
    private record Loaded(List<Report.ChartSeries> series, String source) {
    }

    /**
     * {@link #series} with where they came from. A panel with several feeds none of which the
     * source can run is empty with its reason, as on the dashboard, not "not on this source".
     */
    private Loaded load(Dashboard d, Panel p, TimeRange week, Map<String, List<String>> values,
                        Map<String, List<String>> all) {
        TimeRange range = new TimeRange(week.from(), week.to().minusMillis(1));
        Instant now = clock.instant();
        PanelRequest request = PanelRequest.of(range, POINTS_PER_WEEK, values, all)
                .instantsAt(now.isBefore(range.to()) && now.isAfter(range.from()) ? now : range.to());
        PanelData data = loader.load(d, p, request);
        watch.rethrowIfUnreachable();
        String source = data.provenance().reportLine();
        boolean noneRun = !data.sent().isEmpty() && data.sent().stream().noneMatch(x -> x.notRun() == null);
        if (noneRun && !data.provenance().missing().isEmpty()) {
            return new Loaded(List.of(), source);
        }
        if (noneRun && !data.errors().isEmpty()) {
            // the source has nothing for this panel: said in its place, not a failure of the report
            throw new NotOnThisSource(String.join("; ", data.errors()));
        }
        if (!data.errors().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", data.errors()));
        }
        List<Report.ChartSeries> out = new ArrayList<>();
        for (int i = 0; i < data.series().size(); i++) {
            TimeSeriesData s = data.series().get(i);
            if (s.ts().length == 1 && Double.isNaN(s.values()[0]) && isInstant(p, data.refIds().get(i))) {
                continue;
            }
            out.add(new Report.ChartSeries(s.name(), data.refIds().get(i), s.ts(), s.values()));
        }
        return new Loaded(out, source);
    }

    private static boolean isInstant(Panel p, String refId) {
        return p.queries().stream().anyMatch(q -> q.refId().equals(refId) && q.instant());
    }

    private GrafanaResolution resolution(TimeRange range) {
        return GrafanaResolution.compute(range.from(), range.to(), POINTS_PER_WEEK, scrapeInterval);
    }

    private static List<Query> visible(Panel p) {
        return p.queries().stream().filter(q -> !q.hidden() && q.language() == QueryLanguage.PROMQL).toList();
    }

    /** A panel none of whose queries the source can answer (what it needs and what was found nearest). */
    private static final class NotOnThisSource extends RuntimeException {
        NotOnThisSource(String message) {
            super(message, null, false, false);
        }
    }
}
