package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Explore: one query pane, or two side by side sharing the time range (the split view), the
 * sources to choose from, the history of queries run (saved in the workspace), and "add to
 * dashboard". Changing the time range runs again the panes that have run.
 */
public final class ExploreViewModel {
    private final ExploreSources sources;
    private final QueryHistory history;
    private final DashboardAppender appender;
    private final TaskScope scope;
    private final Clock clock;
    private final ZoneId zone;
    private final SourceMetadata metadata;
    private final QueryPaneViewModel left;
    private final QueryPaneViewModel right;

    private final ObservableList<SourceChoice> sourceChoices = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> historyEntries = FXCollections.observableArrayList();
    private final ObjectProperty<RangeChoice> range = new SimpleObjectProperty<>(this, "range", RangeChoice.of("now-6h", "now"));
    private final BooleanProperty split = new SimpleBooleanProperty(this, "split");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private boolean runWhenSourced;

    public ExploreViewModel(ExploreSources sources, QueryHistory history, DashboardAppender appender, TaskScope scope,
                            Clock clock, ZoneId zone) {
        this(sources, history, appender, scope, clock, zone, java.time.Duration.ofSeconds(15));
    }

    /** @param minInterval the step's lower bound for sources that do not say their scrape interval */
    public ExploreViewModel(ExploreSources sources, QueryHistory history, DashboardAppender appender, TaskScope scope,
                            Clock clock, ZoneId zone, java.time.Duration minInterval) {
        this.sources = sources;
        this.history = history;
        this.appender = appender;
        this.scope = scope;
        this.clock = clock;
        this.zone = zone;
        this.metadata = new SourceMetadata(sources);
        QueryRunner runner = new QueryRunner(sources, minInterval);
        this.left = new QueryPaneViewModel("A", scope, runner, metadata, this::resolvedRange, this::recordHistory, clock);
        this.right = new QueryPaneViewModel("B", scope, runner, metadata, this::resolvedRange, this::recordHistory, clock);
        range.addListener((o, a, b) -> {
            for (QueryPaneViewModel p : panes()) {
                if (p.hasRun()) {
                    p.run();
                }
            }
        });
        split.addListener((o, a, b) -> {
            if (!b) {
                right.cancel();
            }
        });
    }

    /** Reads the sources and the history (off the UI thread); panes without a source get the first one. */
    public void load() {
        scope.submit(BackgroundTask.of("Explore: data sources", p -> sources.list()).quiet().onSuccess(list -> {
            sourceChoices.setAll(list);
            for (QueryPaneViewModel pane : List.of(left, right)) {
                SourceChoice s = pane.sourceProperty().get();
                if (s == null || !list.contains(s)) {
                    pane.sourceProperty().set(list.isEmpty() ? null : list.getFirst());
                }
            }
            if (runWhenSourced && left.sourceProperty().get() != null) {
                runWhenSourced = false;
                left.run();
            }
        }).onFailure(e -> message.set("Could not read the data sources: " + e.getMessage())));
        scope.submit(BackgroundTask.of("Explore: history", p -> history.load()).quiet()
                .onSuccess(historyEntries::setAll)
                .onFailure(e -> message.set("Could not read the query history: " + e.getMessage())));
    }

    public QueryPaneViewModel left() {
        return left;
    }

    public QueryPaneViewModel right() {
        return right;
    }

    /** The visible panes: the left one, and the right one in the split view. */
    public List<QueryPaneViewModel> panes() {
        return split.get() ? List.of(left, right) : List.of(left);
    }

    public ObservableList<SourceChoice> sources() {
        return sourceChoices;
    }

    public ObservableList<HistoryEntry> history() {
        return historyEntries;
    }

    public ObjectProperty<RangeChoice> rangeProperty() {
        return range;
    }

    public BooleanProperty splitProperty() {
        return split;
    }

    /** What happened last that is not a pane's own (history unreadable, panel added, ...). */
    public StringProperty messageProperty() {
        return message;
    }

    public ZoneId zone() {
        return zone;
    }

    public TimeRange resolvedRange() {
        return range.get().resolve(clock.instant(), zone);
    }

    /**
     * Shows a query handed over from elsewhere (the Ask dialog's plan) in the left pane at an
     * absolute range, and runs it once the pane has a source.
     */
    public void show(String expr, TimeRange at) {
        left.expressionProperty().set(expr);
        range.set(new RangeChoice.Absolute(at));
        if (left.sourceProperty().get() != null) {
            left.run();
        } else {
            runWhenSourced = true; // the sources are still being read: run once the pane has one
        }
    }

    /** Puts a history entry in a pane, with its source when that source still exists. */
    public void reuse(HistoryEntry e, QueryPaneViewModel pane) {
        sourceChoices.stream().filter(s -> s.name().equals(e.source())).findFirst().ifPresent(pane.sourceProperty()::set);
        pane.expressionProperty().set(e.expr());
    }

    private void recordHistory(HistoryEntry e) {
        historyEntries.setAll(QueryHistory.prepend(historyEntries, e));
        scope.submit(BackgroundTask.of("Explore: save history", p -> history.add(e)).quiet()
                .onFailure(x -> message.set("Could not save the query history: " + x.getMessage())));
    }

    // ---- add to dashboard ----------------------------------------------------------------------

    /** The stored dashboards, read off the UI thread. */
    public void dashboards(Consumer<List<DashboardAppender.Target>> then) {
        scope.submit(BackgroundTask.of("Explore: dashboards", p -> appender.targets()).quiet().onSuccess(then::accept)
                .onFailure(e -> message.set("Could not read the dashboards: " + e.getMessage())));
    }

    /**
     * Adds the pane's query as a panel to the dashboard {@code target}, or to a new dashboard named
     * {@code newTitle} when {@code target} is null; {@code then} gets the saved dashboard.
     */
    public void addToDashboard(QueryPaneViewModel pane, DashboardAppender.Target target, String newTitle, String panelTitle,
                               Consumer<Dashboard> then) {
        String expr = pane.expressionProperty().get().strip();
        SourceChoice src = pane.sourceProperty().get();
        if (expr.isEmpty() || src == null) {
            message.set("Nothing to add: type a query first.");
            return;
        }
        var query = DashboardAppender.query(expr, src.name(), src.language());
        RangeChoice r = range.get();
        scope.submit(BackgroundTask.of("Explore: add to dashboard", p -> target == null
                        ? appender.create(newTitle, query, panelTitle, r.from(), r.to())
                        : appender.append(target.uid(), query, panelTitle))
                .onSuccess(d -> {
                    message.set("Added a panel to \"" + d.title() + "\".");
                    then.accept(d);
                })
                .onFailure(e -> message.set("Could not add the panel: " + e.getMessage())));
    }

    public void close() {
        left.cancel();
        right.cancel();
    }
}
