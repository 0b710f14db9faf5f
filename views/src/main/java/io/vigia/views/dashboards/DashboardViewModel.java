package io.vigia.views.dashboards;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.AnnotationLoader;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One open dashboard: its time range (Grafana's grammar, with zoom and back), and the data of each
 * panel, loaded in parallel in the background on every refresh. A refresh cancels what the
 * previous one still had in flight, so a late answer never overwrites a newer one.
 */
public final class DashboardViewModel {
    /** A time range as the user chose it: Grafana expressions, resolved at each refresh. */
    public record RangeChoice(String label, String from, String to) {
        @Override
        public String toString() {
            return label;
        }
    }

    public static final List<RangeChoice> QUICK_RANGES = List.of(
            new RangeChoice("Last 6 hours", "now-6h", "now"),
            new RangeChoice("Last 24 hours", "now-24h", "now"),
            new RangeChoice("Last 7 days", "now-7d", "now"),
            new RangeChoice("Last 14 days", "now-14d", "now"),
            new RangeChoice("Last 30 days", "now-30d", "now"),
            new RangeChoice("This week so far", "now/w", "now"),
            new RangeChoice("Previous week", "now-1w/w", "now-1w/w"));

    private Dashboard dashboard;
    private final ReadOnlyObjectWrapper<Dashboard> dashboardVersion = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.BooleanProperty editing = new javafx.beans.property.SimpleBooleanProperty(false);
    private io.vigia.dashboards.edit.DashboardEditor editor;
    private java.util.function.Consumer<Dashboard> saver;
    private final Function<String, MetricsSource> sources;
    private final PanelDataLoader loader;
    private final PanelDataLoader cacheLoader;
    private final Duration minInterval;
    private final TaskScope tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProperty<RangeChoice> range = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TimeRange> resolved = new ReadOnlyObjectWrapper<>();
    private final Map<Integer, ObjectProperty<PanelData>> data = new LinkedHashMap<>();
    private final ObjectProperty<List<Annotation>> annotations = new SimpleObjectProperty<>(List.of());
    private List<Annotation> manualAnnotations = List.of();
    // each other annotation source's markers from its latest answer (FX thread only)
    private final java.util.Map<AnnotationSource, List<Annotation>> loadedAnnotations = new java.util.LinkedHashMap<>();
    private io.vigia.persistence.workspace.AnnotationRepository annotationStore;
    /** Set once by the page before the first refresh; read by background loads. */
    private volatile LogSources logSources = LogSources.NONE;
    private final javafx.collections.ObservableList<io.vigia.views.explore.SourceChoice> sourceChoices =
            javafx.collections.FXCollections.observableArrayList();
    /** Manual annotations: blue, as Grafana draws them. */
    public static final io.vigia.dashboards.chart.ChartColor MANUAL_ANNOTATION = io.vigia.dashboards.chart.ChartColor.hex("#3274D9");
    private final StringProperty status = new SimpleStringProperty("");
    private final Deque<RangeChoice> history = new ArrayDeque<>();
    private final Deque<RangeChoice> forward = new ArrayDeque<>();
    private boolean navigating;
    private final List<TaskHandle> inFlight = new ArrayList<>();
    private final javafx.beans.property.IntegerProperty refreshesCompleted = new javafx.beans.property.SimpleIntegerProperty();
    private int pending;
    private final List<VariableState> variables = new ArrayList<>();
    private final io.vigia.dashboards.query.VariableOptions variableOptions;
    private final javafx.beans.property.BooleanProperty comparePrevious = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObjectProperty<Duration> autoRefresh = new SimpleObjectProperty<>(Duration.ZERO);
    private javafx.animation.Timeline autoRefreshTimer;

    /** Grafana's auto-refresh choices; zero is off. */
    public static final List<Duration> AUTO_REFRESH_CHOICES = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
    private double widthPx = 1200;

    public DashboardViewModel(Dashboard dashboard, Function<String, MetricsSource> sources, Duration minInterval,
                              TaskScope tasks, Clock clock, ZoneId zone) {
        this(dashboard, sources, name -> Optional.empty(), minInterval, tasks, clock, zone);
    }

    /**
     * @param cachedSources the sources answering only from their result cache: a panel with nothing
     *                      yet paints that at once (marked stale) while its real request runs
     */
    public DashboardViewModel(Dashboard dashboard, Function<String, MetricsSource> sources,
                              Function<String, Optional<MetricsSource>> cachedSources, Duration minInterval,
                              TaskScope tasks, Clock clock, ZoneId zone) {
        this.dashboard = dashboard;
        this.dashboardVersion.set(dashboard);
        this.minInterval = minInterval;
        this.variableOptions = new io.vigia.dashboards.query.VariableOptions(sources);
        for (io.vigia.dashboards.model.Variable v : dashboard.variables()) {
            if (!(v instanceof io.vigia.dashboards.model.Variable.TextVariable t && t.constant())) {
                VariableState st = new VariableState(v);
                st.selected().addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
                variables.add(st);
            }
        }
        this.cacheLoader = new PanelDataLoader(name -> cachedSources.apply(name)
                .orElseThrow(() -> new QueryException("not_cached", "no cache for this source")), minInterval);
        this.sources = sources;
        this.loader = new PanelDataLoader(sources, name -> logSources.logs(name), minInterval);
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        for (Panel p : dashboard.allPanels()) {
            data.put(p.id(), new SimpleObjectProperty<>());
        }
        range.set(QUICK_RANGES.stream().filter(r -> r.from().equals(dashboard.timeFrom()) && r.to().equals(dashboard.timeTo()))
                .findFirst().orElse(new RangeChoice(dashboard.timeFrom() + " to " + dashboard.timeTo(),
                        dashboard.timeFrom(), dashboard.timeTo())));
        autoRefresh.addListener((o, a, b) -> scheduleAutoRefresh(b));
        comparePrevious.addListener((o, a, b) -> refresh());
        range.addListener((o, a, b) -> {
            if (a != null && !a.equals(b)) {
                history.push(a);
                if (!navigating) {
                    forward.clear(); // a new choice ends the way forward, as in a browser
                }
            }
            refresh();
        });
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** The dashboard as edited: a new version after every change (the view lays the panels out again). */
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboardVersion.getReadOnlyProperty();
    }

    /** Edit mode: panels can be moved, resized, duplicated, edited and removed. */
    public javafx.beans.property.BooleanProperty editingProperty() {
        return editing;
    }

    /**
     * Where edits are saved, at once after each change (autosave); built-in dashboards are saved
     * as an editable copy on their first change. Without a saver the dashboard cannot be edited.
     */
    public void setSaver(java.util.function.Consumer<Dashboard> saver) {
        this.saver = saver;
    }

    public boolean canEdit() {
        return saver != null;
    }

    public boolean canUndo() {
        return editor != null && editor.canUndo();
    }

    public boolean canRedo() {
        return editor != null && editor.canRedo();
    }

    public void movePanel(int id, int x, int y) {
        edit(e -> e.move(id, x, y));
    }

    public void resizePanel(int id, int w, int h) {
        edit(e -> e.resize(id, w, h));
    }

    public void duplicatePanel(int id) {
        edit(e -> e.duplicate(id));
    }

    public void removePanel(int id) {
        edit(e -> e.remove(id));
    }

    /** Changes a panel's title, first query, legend format and unit. */
    public void updatePanel(int id, String title, String expr, String legend, String unit) {
        Panel current = dashboard.allPanels().stream().filter(p -> p.id() == id).findFirst().orElse(null);
        if (current == null) {
            return;
        }
        io.vigia.dashboards.model.Query q = current.queries().isEmpty() ? null : current.queries().getFirst();
        updatePanel(id, current.type(), q == null ? "" : q.dataSource(),
                q == null ? io.vigia.dashboards.model.QueryLanguage.PROMQL : q.language(), title, expr, legend, unit);
    }

    /**
     * Changes a panel's type, title, first query (its data source, language and expression), legend
     * format and unit. A logs panel's query is LogQL; a query moved off a logs panel becomes PromQL.
     */
    public void updatePanel(int id, PanelType type, String dataSource, io.vigia.dashboards.model.QueryLanguage language,
                            String title, String expr, String legend, String unit) {
        io.vigia.dashboards.model.QueryLanguage lang = type == PanelType.LOGS ? io.vigia.dashboards.model.QueryLanguage.LOGQL : language;
        edit(e -> e.update(id, p -> {
            List<io.vigia.dashboards.model.Query> queries = new ArrayList<>(p.queries());
            io.vigia.dashboards.model.Query first = queries.isEmpty() ? io.vigia.dashboards.model.Query.promql("A", expr, legend)
                    : queries.getFirst();
            io.vigia.dashboards.model.Query changed = new io.vigia.dashboards.model.Query(first.refId(), dataSource,
                    lang, expr, legend, type != PanelType.LOGS && first.instant(), first.hidden(), first.minInterval());
            if (queries.isEmpty()) {
                queries.add(changed);
            } else {
                queries.set(0, changed);
            }
            return p.withType(type).withTitle(title).withQueries(queries).withFieldConfig(new io.vigia.dashboards.model.FieldConfig(unit,
                    p.fieldConfig().min(), p.fieldConfig().max(), p.fieldConfig().decimals(), p.fieldConfig().thresholds()));
        }));
    }

    /** Adds a time series panel at the bottom; returns its id. */
    public int addPanel(String title, String expr) {
        edit(e -> e.add(Panel.of(0, PanelType.TIME_SERIES, title, new io.vigia.dashboards.model.GridPos(0, 0, 12, 8),
                List.of(io.vigia.dashboards.model.Query.promql("A", expr, "")), io.vigia.dashboards.model.FieldConfig.DEFAULT)));
        return dashboard.panels().getLast().id();
    }

    public void undo() {
        if (canUndo()) {
            show(editor.undo());
        }
    }

    public void redo() {
        if (canRedo()) {
            show(editor.redo());
        }
    }

    private void edit(java.util.function.Function<io.vigia.dashboards.edit.DashboardEditor, Dashboard> change) {
        if (saver == null) {
            return;
        }
        if (editor == null) {
            Dashboard start = dashboard;
            if (io.vigia.dashboards.builtin.BuiltInDashboards.find(dashboard.uid()).isPresent()) {
                // built-ins stay as shipped: the first change makes an editable copy
                start = new Dashboard(dashboard.uid() + "-copy", dashboard.title() + " (copy)", dashboard.tags(),
                        dashboard.timeFrom(), dashboard.timeTo(), dashboard.refresh(), dashboard.variables(),
                        dashboard.panels(), dashboard.annotations());
            }
            editor = new io.vigia.dashboards.edit.DashboardEditor(start);
            dashboard = start;
        }
        show(change.apply(editor));
    }

    /** Shows a new version: new panels get their data, and it is saved. */
    private void show(Dashboard next) {
        Map<Integer, List<io.vigia.dashboards.model.Query>> before = new LinkedHashMap<>();
        dashboard.allPanels().forEach(p -> before.put(p.id(), p.queries()));
        dashboard = next;
        boolean reload = false;
        for (Panel p : next.allPanels()) {
            if (!data.containsKey(p.id())) {
                data.put(p.id(), new SimpleObjectProperty<>());
            }
            reload |= !p.queries().equals(before.get(p.id()));
        }
        dashboardVersion.set(next);
        if (reload) {
            refresh();
        }
        Dashboard toSave = next;
        tasks.submit(BackgroundTask.of("Saving " + next.title(), p -> {
            saver.accept(toSave);
            return toSave;
        }).quiet().onFailure(e -> status.set("Could not save: " + e.getMessage())));
    }

    public Clock clock() {
        return clock;
    }

    /** The dashboard's variables shown in the toolbar (constants are not). */
    public List<VariableState> variables() {
        return variables;
    }

    /** Loads each variable's values in the background; a changed selection refreshes the panels. */
    public void loadVariableOptions() {
        TimeRange r = resolved.get() == null ? resolve(range.get()) : resolved.get();
        for (VariableState st : variables) {
            tasks.submit(BackgroundTask.of("Values of $" + st.variable().name(), p -> variableOptions.options(st.variable(), r))
                    .quiet()
                    .onSuccess(st::offer)
                    .onFailure(e -> status.set("$" + st.variable().name() + ": " + e.getMessage())));
        }
    }

    private Map<String, List<String>> selectedValues() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (VariableState st : variables) {
            out.put(st.variable().name(), List.copyOf(st.selected()));
        }
        return out;
    }

    private Map<String, List<String>> allValues() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (VariableState st : variables) {
            out.put(st.variable().name(), List.copyOf(st.options()));
        }
        return out;
    }

    /** Time series panels also draw the previous period (same length, just before), dashed. */
    public javafx.beans.property.BooleanProperty comparePreviousProperty() {
        return comparePrevious;
    }

    /** A panel's data, with the previous period overlaid on time series when asked. */
    private PanelData loadPanel(Panel p, TimeRange r, int width, boolean compare, Map<String, List<String>> values,
                                Map<String, List<String>> all) {
        PanelData d = loader.load(dashboard, p, r, width, values, all);
        if (!compare || p.type() != PanelType.TIME_SERIES) {
            return d;
        }
        Duration shift = r.length();
        if (!p.timeShift().isBlank()) {
            return d; // a panel with its own time shift already shows another period
        }
        Panel previous = p.withTimeShift(shift.toSeconds() + "s");
        return d.withPreviousPeriod(loader.load(dashboard, previous, r, width, values, all));
    }

    /** The LogQL sources: logs panels, LogQL annotations and the deploy flow's log lines. */
    public void setLogSources(LogSources sources) {
        this.logSources = sources == null ? LogSources.NONE : sources;
    }

    /**
     * The sources a panel can be bound to, read in the background (the editor offers them); empty
     * until they arrive.
     */
    public javafx.collections.ObservableList<io.vigia.views.explore.SourceChoice> sourceChoices() {
        LogSources ls = logSources;
        tasks.submit(BackgroundTask.of("Listing data sources", p -> ls.choices()).quiet()
                .onSuccess(sourceChoices::setAll)
                .onFailure(e -> status.set("Data sources: " + e.getMessage())));
        return sourceChoices;
    }

    /** Where manual annotations are kept; without it, none are shown or added. */
    public void setAnnotationStore(io.vigia.persistence.workspace.AnnotationRepository store) {
        this.annotationStore = store;
    }

    /** Missing-day regions under everything, then deploys, the manual ones and the queries' markers. */
    private List<Annotation> combined() {
        List<Annotation> all = new ArrayList<>();
        addLoaded(all, AnnotationSource.Kind.DATA_GAPS);
        addLoaded(all, AnnotationSource.Kind.DEPLOYS);
        all.addAll(manualAnnotations);
        addLoaded(all, AnnotationSource.Kind.QUERY);
        return List.copyOf(all);
    }

    private void addLoaded(List<Annotation> out, AnnotationSource.Kind kind) {
        loadedAnnotations.forEach((source, found) -> {
            if (source.kind() == kind) {
                out.addAll(found);
            }
        });
    }

    private void loadManualAnnotations(TimeRange r) {
        if (annotationStore == null) {
            return;
        }
        var store = annotationStore;
        inFlight.add(tasks.submit(BackgroundTask.of("Reading annotations",
                        p -> store.between(dashboard.uid(), r.from().toEpochMilli(), r.to().toEpochMilli()))
                .quiet()
                .onSuccess(found -> {
                    manualAnnotations = found.stream().map(a -> new Annotation(a.timeMs(), a.endMs() == null ? a.timeMs() : a.endMs(),
                            a.text(), MANUAL_ANNOTATION)).toList();
                    annotations.set(combined());
                })
                .onFailure(e -> status.set("Annotations: " + e.getMessage()))));
    }

    /** Saves an annotation at {@code timeMs} on this dashboard, shown on every time panel. */
    public void addAnnotation(long timeMs, String text) {
        if (annotationStore == null || text == null || text.isBlank()) {
            return;
        }
        var store = annotationStore;
        TimeRange r = resolved.get();
        tasks.submit(BackgroundTask.of("Saving the annotation",
                        p -> store.add(dashboard.uid(), timeMs, null, text.strip(), "[]", "manual"))
                .onSuccess(id -> loadManualAnnotations(r))
                .onFailure(e -> status.set("Could not save the annotation: " + e.getMessage())));
    }

    public boolean canAnnotate() {
        return annotationStore != null;
    }

    /** True when the dashboard marks deploys, so the deploy comparison can be offered. */
    public boolean hasDeployMarkers() {
        return dashboard.annotations().stream().anyMatch(a -> a.enabled() && a.kind() == AnnotationSource.Kind.DEPLOYS);
    }

    /** The deploy comparison over this dashboard's deploy source, for deploys in the current range. */
    public io.vigia.views.deploys.DeployImpactViewModel deployImpact() {
        String ds = dashboard.annotations().stream().filter(a -> a.kind() == AnnotationSource.Kind.DEPLOYS)
                .map(AnnotationSource::dataSource).findFirst().orElse("");
        LogSources ls = logSources;
        io.vigia.views.deploys.DeployImpactViewModel d = new io.vigia.views.deploys.DeployImpactViewModel(() -> sources.apply(ds), minInterval, tasks,
                new io.vigia.views.deploys.DeployLogSource() {
                    @Override
                    public java.util.Optional<String> name() {
                        return ls.deployLogsSource();
                    }

                    @Override
                    public io.vigia.datasources.logs.LogsSource source(String name) {
                        return ls.logs(name);
                    }
                });
        d.load(resolved.get() == null ? resolve(range.get()) : resolved.get(), null);
        return d;
    }

    /** How often the dashboard refreshes by itself; {@link Duration#ZERO} for never. */
    public ObjectProperty<Duration> autoRefreshProperty() {
        return autoRefresh;
    }

    private void scheduleAutoRefresh(Duration every) {
        if (autoRefreshTimer != null) {
            autoRefreshTimer.stop();
            autoRefreshTimer = null;
        }
        if (every == null || every.isZero() || every.isNegative()) {
            return;
        }
        autoRefreshTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(every.toMillis()), e -> {
            // a refresh still waiting for slow panels is left to finish rather than cancelled every tick
            if (pending == 0) {
                refresh();
            }
        }));
        autoRefreshTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autoRefreshTimer.play();
    }

    public ObjectProperty<RangeChoice> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<TimeRange> resolvedRangeProperty() {
        return resolved.getReadOnlyProperty();
    }

    public ObjectProperty<PanelData> dataProperty(Panel p) {
        return data.get(p.id());
    }

    public ObjectProperty<List<Annotation>> annotationsProperty() {
        return annotations;
    }

    /** Counts refreshes whose panels have all answered (with data or an error); tests and timing watch it. */
    public javafx.beans.property.ReadOnlyIntegerProperty refreshesCompletedProperty() {
        return refreshesCompleted;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The width of the dashboard area, for the panels' resolution (max data points = pixels). */
    public void setWidth(double px) {
        this.widthPx = Math.max(200, px);
    }

    /** Zooms to an absolute range, e.g. after a drag over a chart. */
    public void zoomTo(long fromMillis, long toMillis) {
        if (toMillis - fromMillis < 60_000) {
            return;
        }
        range.set(new RangeChoice("Zoomed", Long.toString(fromMillis), Long.toString(toMillis)));
    }

    /** Back to the range before the last change. */
    public boolean back() {
        if (history.isEmpty()) {
            return false;
        }
        RangeChoice previous = history.pop();
        forward.push(range.get());
        navigating = true;
        try {
            range.set(previous);
        } finally {
            navigating = false;
        }
        history.pop(); // setting it pushed the current one; going back must not grow the history
        return true;
    }

    /** Returns to the range left by {@link #back()}. */
    public boolean forward() {
        if (forward.isEmpty()) {
            return false;
        }
        navigating = true;
        try {
            range.set(forward.pop());
        } finally {
            navigating = false;
        }
        return true;
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }

    public boolean canGoBack() {
        return !history.isEmpty();
    }

    public void refresh() {
        inFlight.forEach(TaskHandle::cancel);
        inFlight.clear();
        TimeRange r = resolve(range.get());
        resolved.set(r);
        status.set("");
        List<Panel> drawn = dashboard.allPanels().stream().filter(p -> p.type() != PanelType.ROW).toList();
        Map<String, List<String>> values = selectedValues();
        Map<String, List<String>> all = allValues();
        pending = drawn.size();
        for (Panel p : drawn) {
            int width = (int) Math.max(100, widthPx * p.grid().w() / 24.0);
            ObjectProperty<PanelData> target = data.get(p.id());
            boolean[] liveArrived = {false};
            if (target.get() == null) {
                // nothing on screen yet: the cache's last answer, at once, until the source answers
                inFlight.add(tasks.submit(BackgroundTask.of("Reading the cache for " + p.title(),
                                progress -> cacheLoader.load(dashboard, p, r, width, values, all))
                        .quiet()
                        .onSuccess(d -> {
                            if (!liveArrived[0] && !d.series().isEmpty()) {
                                target.set(d);
                            }
                        })));
            }
            boolean compare = comparePrevious.get();
            inFlight.add(tasks.submit(BackgroundTask.of("Loading " + p.title(),
                            progress -> loadPanel(p, r, width, compare, values, all))
                    .quiet()
                    .onSuccess(d -> {
                        liveArrived[0] = true;
                        target.set(d);
                        answered();
                    })
                    .onFailure(e -> {
                        liveArrived[0] = true;
                        target.set(new PanelData(List.of(), List.of(), Duration.ZERO, List.of(),
                                List.of(e.getMessage() == null ? e.toString() : e.getMessage())));
                        answered();
                    })));
        }
        loadManualAnnotations(r);
        // query annotations are found again for every range; the others stay until their new answer
        loadedAnnotations.keySet().removeIf(a -> a.kind() == AnnotationSource.Kind.QUERY || !dashboard.annotations().contains(a));
        Duration step = Duration.ofMillis(Math.max(60_000, r.length().toMillis() / 2000));
        LogSources ls = logSources;
        for (AnnotationSource a : dashboard.annotations()) {
            if (!AnnotationLoader.isLoadable(a)) {
                continue;
            }
            String title = switch (a.kind()) {
                case DEPLOYS -> "Finding deploys";
                case DATA_GAPS -> "Checking for missing days";
                default -> "Annotations: " + a.name();
            };
            String failure = switch (a.kind()) {
                case DEPLOYS -> "Deploy markers: ";
                case DATA_GAPS -> "Missing-day check: ";
                default -> "Annotations \"" + a.name() + "\": ";
            };
            inFlight.add(tasks.submit(BackgroundTask.of(title,
                            progress -> AnnotationLoader.load(a, sources, ls::logs, r, step))
                    .quiet()
                    .onSuccess(found -> {
                        loadedAnnotations.put(a, found);
                        annotations.set(combined());
                    })
                    .onFailure(e -> status.set(failure + e.getMessage()))));
        }
    }

    private void answered() {
        if (--pending == 0) {
            refreshesCompleted.set(refreshesCompleted.get() + 1);
        }
    }

    private TimeRange resolve(RangeChoice c) {
        Instant now = clock.instant();
        if (c.from().matches("\\d+") && c.to().matches("\\d+")) {
            return new TimeRange(Instant.ofEpochMilli(Long.parseLong(c.from())), Instant.ofEpochMilli(Long.parseLong(c.to())));
        }
        return TimeRange.resolve(c.from(), c.to(), now, zone, DayOfWeek.MONDAY);
    }

    public void close() {
        scheduleAutoRefresh(Duration.ZERO);
        inFlight.forEach(TaskHandle::cancel);
        inFlight.clear();
    }
}
