package io.vigia.views.dashboards;

import io.vigia.dashboards.edit.DashboardEditor;
import io.vigia.dashboards.findings.PanelWhatChanged;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.BindingsLookup;
import io.vigia.dashboards.query.DataSpanFinder;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.query.VariableOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.views.dashboards.deploys.DeployImpactViewModel;
import io.vigia.views.dashboards.time.RangePickerViewModel;
import io.vigia.views.dashboards.whatchanged.WhatChangedViewModel;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One open dashboard. It holds the dashboard and composes the child view models, each with one
 * job: {@link DashboardVariables}, {@link DashboardSections} (rows and tabs), {@link RangeNavigation}
 * (the time range, zoom, shift, back and forward) with its {@link RangePickerViewModel},
 * {@link WhereTheDataIs} (where the data is when the range shows none), {@link PanelLoads} (each
 * panel's data, cache first), {@link DashboardAnnotations}, {@link DashboardEditing},
 * {@link AutoRefresh}, {@link DeployFlow} and {@link WhatChangedFlow}. A change of range, variable or compare mode refreshes
 * the panels and the annotations.
 */
public final class DashboardViewModel {
    private Dashboard dashboard;
    private final ReadOnlyObjectWrapper<Dashboard> dashboardVersion = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty comparePrevious = new SimpleBooleanProperty(false);
    private final ObservableList<SourceChoice> sourceChoices = FXCollections.observableArrayList();
    private final DashboardVariables variables;
    private final DashboardSections sections = new DashboardSections(this::refresh);
    private final TaskScope tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final RangeNavigation range;
    private final PanelLoads panels;
    private final DashboardAnnotations annotations;
    private final DashboardEditing editing;
    private final AutoRefresh autoRefresh;
    private final DeployFlow deploys;
    private final WhatChangedFlow whatChanged;
    private final RangePickerViewModel picker;
    private final WhereTheDataIs whereTheData;
    /** The request of the last refresh, for the search for data when it shows none. */
    private PanelRequest lastRequest;
    /** Both set once by the page before the first refresh; read by background loads (the bindings through {@link #bound}). */
    private volatile LogSources logSources = LogSources.NONE;
    private volatile BindingsLookup bindings = BindingsLookup.CONTRACT;
    private final BindingsLookup bound = name -> bindings.of(name);
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
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.range = new RangeNavigation(RangeChoice.of(dashboard.timeFrom(), dashboard.timeTo()), clock, zone, this::refresh);
        this.variables = new DashboardVariables(() -> this.dashboard, new VariableOptions(sources, new BindingStep(bound)), tasks,
                status, () -> logSources, range::current, this::refresh);
        sections.show(dashboard);
        this.panels = new PanelLoads(sources, cachedSources, () -> logSources, bound, minInterval, tasks);
        dashboard.allPanels().forEach(panels::of);
        this.annotations = new DashboardAnnotations(name -> sources.apply(variables.sourceOf(name)), () -> logSources, bound, tasks, status);
        this.editing = new DashboardEditing(() -> this.dashboard, this::show, tasks, status);
        this.autoRefresh = new AutoRefresh(tasks, () -> {
            // a refresh still waiting for slow panels is left to finish rather than cancelled every tick
            if (!panels.busy()) {
                refresh();
            }
        });
        this.deploys = new DeployFlow(sources, () -> logSources, bound, minInterval, tasks);
        this.whatChanged = new WhatChangedFlow(sources, minInterval, new BindingStep(bound), tasks, zone);
        this.picker = new RangePickerViewModel(range, tasks);
        this.whereTheData = new WhereTheDataIs(new DataSpanFinder(sources, QueryPreparation.EXPAND, minInterval), tasks, zone, c -> {
            range.rangeProperty().set(c);
            picker.remember(c);
        });
        panels.completedProperty().addListener((o, a, b) -> lookForDataIfNone());
        comparePrevious.addListener((o, a, b) -> refresh());
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** The dashboard as edited: a new version after every change (the view lays the panels out again). */
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboardVersion.getReadOnlyProperty();
    }

    /** The time range: the picker's choice, zoom, back and forward. */
    public RangeNavigation range() {
        return range;
    }

    /** The toolbar's time picker: typed ranges, dates, quick and recent ranges, shifting. */
    public RangePickerViewModel rangePicker() {
        return picker;
    }

    /** The banner saying where the data is when the range shows none, with "Zoom to data". */
    public WhereTheDataIs whereTheData() {
        return whereTheData;
    }

    /** Where the picker keeps recently used ranges (the workspace's settings); read in the background. */
    public void setRecentRanges(RecentRanges recent) {
        picker.setStore(recent); // null: kept only while the dashboard is open
    }

    /** Edit mode: moving, resizing and changing panels, undo, autosave. */
    public DashboardEditing editing() {
        return editing;
    }

    /** The markers over the time panels: missing days, deploys, manual notes, annotation queries. */
    public DashboardAnnotations annotations() {
        return annotations;
    }

    /** Saves an annotation at {@code timeMs} on this dashboard, shown on every time panel. */
    public void addAnnotation(long timeMs, String text) {
        annotations.add(dashboard.uid(), timeMs, text, range.current());
    }

    /** How often the dashboard refreshes by itself. */
    public AutoRefresh autoRefresh() {
        return autoRefresh;
    }

    public boolean hasDeployMarkers() {
        return DeployFlow.offeredBy(dashboard);
    }

    /** The deploy comparison over this dashboard's deploy source, for deploys in the current range. */
    public DeployImpactViewModel deployImpact() {
        return deploys.open(dashboard, range.current());
    }

    /** "What changed here": the comparison shown beside the panels, one at a time. */
    public WhatChangedFlow whatChanged() {
        return whatChanged;
    }

    /**
     * Compares the region {@code fromMillis}..{@code toMillis} selected on panel {@code p} with the
     * time before it, in the background, with the dashboard's variables as the panel has them.
     */
    public WhatChangedViewModel whatChangedIn(Panel p, long fromMillis, long toMillis) {
        PanelRequest shown = lastRequest != null ? lastRequest : PanelRequest.of(range.current(), 0, variables.values(), variables.offered());
        PanelRequest request = new PanelRequest(shown.range(), (int) Math.max(100, widthPx * p.grid().w() / 24.0), shown.values(),
                shown.allValues(), shown.shift(), shown.instantsAt());
        return whatChanged.open(dashboard, p, request, PanelWhatChanged.region(fromMillis, toMillis));
    }

    /** The sections (rows and tabs) with whether each is open; a new list after every edit. */
    public List<SectionState> sections() {
        return sections.states();
    }

    /** The panels on screen: the dashboard's own grid and those of open sections. */
    List<Panel> shownPanels() {
        return sections.shownPanels(dashboard);
    }

    /**
     * Turns a time series panel's usual band on or off. Saved with the dashboard when it can be
     * edited (a built-in's first change makes its editable copy); otherwise kept while it is open.
     */
    public void setSeasonalBand(int panelId, boolean on) {
        if (editing.canEdit()) {
            editing.setSeasonalBand(panelId, on);
        } else {
            show(new DashboardEditor(dashboard).update(panelId,
                    p -> p.withOptions(p.options().withGraph(p.options().graph().withSeasonalBand(on)))));
        }
    }

    /** Shows a new version: new panels get their data, and so do panels whose queries or band changed. */
    private void show(Dashboard next) {
        Map<Integer, Panel> before = new LinkedHashMap<>();
        dashboard.allPanels().forEach(p -> before.put(p.id(), p));
        dashboard = next;
        sections.show(next);
        boolean reload = false;
        for (Panel p : next.allPanels()) {
            Panel was = before.get(p.id());
            reload |= !panels.has(p) || was == null || !p.queries().equals(was.queries())
                    || p.options().graph().seasonalBand() != was.options().graph().seasonalBand();
            panels.of(p);
        }
        dashboardVersion.set(next);
        if (reload) {
            refresh();
        }
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The dashboard's variables shown in the toolbar (constants are not). */
    public List<VariableState> variables() {
        return variables.states();
    }

    /** Loads each variable's values in the background; a changed selection refreshes the panels. */
    public void loadVariableOptions() {
        variables.load();
    }

    /** Time series panels also draw the previous period (same length, just before), dashed. */
    public BooleanProperty comparePreviousProperty() {
        return comparePrevious;
    }

    /**
     * What each source has for the built-ins' templates, deploy markers and Deploy impact (the
     * workspace's bindings, probing a source on first use); Vigia's own contract until set.
     */
    public void setBindings(BindingsLookup b) {
        this.bindings = b;
    }

    /** The LogQL sources: logs panels, LogQL annotations and the deploy flow's log lines. */
    public void setLogSources(LogSources sources) {
        this.logSources = sources == null ? LogSources.NONE : sources;
    }

    /** The sources a panel can be bound to, read in the background (the editor offers them); empty until they arrive. */
    public ObservableList<SourceChoice> sourceChoices() {
        LogSources ls = logSources;
        tasks.submit(BackgroundTask.of("Listing data sources", p -> ls.choices()).quiet()
                .onSuccess(sourceChoices::setAll)
                .onFailure(e -> status.set("Data sources: " + e.getMessage())));
        return sourceChoices;
    }

    /** A panel's data; it carries the range it answers, which the painter draws it on. */
    public ObjectProperty<PanelData> dataProperty(Panel p) {
        return panels.of(p);
    }

    /** Counts refreshes whose panels have all answered (with data or an error); tests and timing watch it. */
    public ReadOnlyIntegerProperty refreshesCompletedProperty() {
        return panels.completedProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The width of the dashboard area, for the panels' resolution (max data points = pixels). */
    public void setWidth(double px) {
        this.widthPx = Math.max(200, px);
    }

    /** Resolves the range at now and loads every panel and annotation source for it. */
    public void refresh() {
        TimeRange r = range.resolveNow();
        status.set("");
        lastRequest = PanelRequest.of(r, 0, variables.values(), variables.offered());
        whereTheData.clear();
        panels.refresh(dashboard, shownPanels(), lastRequest, widthPx, comparePrevious.get());
        annotations.refresh(dashboard, r);
    }

    /** Every panel answered: if none has a sample, the banner will say where the data is. */
    private void lookForDataIfNone() {
        if (lastRequest == null) {
            return;
        }
        List<PanelData> answers = dashboard.allPanels().stream().filter(p -> p.type() != PanelType.ROW)
                .map(p -> panels.of(p).get()).toList();
        Instant now = clock.instant();
        Instant end = lastRequest.range().to().isAfter(now) ? lastRequest.range().to() : now;
        whereTheData.refreshed(dashboard, lastRequest, picker.describe(range.rangeProperty().get()), answers,
                end.plus(Duration.ofDays(1)));
    }

    public void close() {
        autoRefresh.stop();
        whatChanged.close();
        whereTheData.clear();
        panels.cancel();
        annotations.cancel();
    }
}
