package io.vigia.views.dashboards.deploys;

import io.vigia.dashboards.query.DeployEvents;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;

import io.vigia.datasources.sources.DataSourceCatalog;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployLogs;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SRE flow: pick a deploy seen in the dashboard's time range (the latest by default) and a
 * window; see p50/p95/p99, 5xx share and throughput before and after, with the change, its
 * percent and whether it is significant, and both windows overlaid.
 */
public final class DeployImpactViewModel {
    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(24));

    private final Supplier<MetricsSource> source;
    private final Supplier<SourceBindings> bindings;
    private final Duration scrapeInterval;
    private final TaskScope tasks;
    private final ObservableList<Deploy> deploys = FXCollections.observableArrayList();
    private final ObjectProperty<Deploy> deploy = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(Duration.ofHours(1));
    private final ReadOnlyObjectWrapper<DeployImpact.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private TaskHandle running;
    /** Log windows offered around the deploy (each side). */
    public static final List<Duration> LOG_WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1));
    private final DeployLogSource logSource;
    private final ObjectProperty<Duration> logWindow = new SimpleObjectProperty<>(DeployLogs.DEFAULT_WINDOW);
    private final StringProperty logQuery = new SimpleStringProperty("");
    private final ObservableList<LogLine> logLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper logStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logSourceName = new ReadOnlyStringWrapper("");
    private TaskHandle runningLogs;

    /** @param scrapeInterval the source's scrape interval when it does not say (the local store) */
    public DeployImpactViewModel(Supplier<MetricsSource> source, Duration scrapeInterval, TaskScope tasks) {
        this(source, () -> ContractBindings.of(""), scrapeInterval, tasks, DeployLogSource.NONE);
    }

    /**
     * @param bindings  the source's bindings: deploys from its deploy signals, the measures from its histogram and counter
     * @param logSource where the log lines around the deploy come from
     */
    public DeployImpactViewModel(Supplier<MetricsSource> source, Supplier<SourceBindings> bindings, Duration scrapeInterval,
                                 TaskScope tasks, DeployLogSource logSource) {
        this.bindings = bindings;
        this.logSource = logSource;
        this.source = source;
        this.scrapeInterval = scrapeInterval;
        this.tasks = tasks;
        deploy.addListener((o, a, b) -> compare());
        window.addListener((o, a, b) -> compare());
        logWindow.addListener((o, a, b) -> loadLogs());
    }

    /** Finds the deploys in {@code range} and selects {@code preferred} (or the latest). */
    public void load(TimeRange range, Deploy preferred) {
        status.set("Finding deploys…");
        Duration step = Duration.ofMillis(Math.max(60_000, range.length().toMillis() / 2000));
        tasks.submit(BackgroundTask.of("Finding deploys", p -> {
                    SourceBindings b = bindings.get();
                    return new Detected(DeployEvents.find(source.get(), b, range, step), b);
                })
                .quiet()
                .onSuccess(detected -> {
                    DeployEvents.Found found = detected.found();
                    SourceBindings b = detected.bindings();
                    List<Deploy> latestFirst = found.deploys().stream().sorted(Comparator.comparingLong(Deploy::timeMillis).reversed()).toList();
                    deploys.setAll(latestFirst);
                    if (latestFirst.isEmpty()) {
                        status.set(noDeploys(b, found));
                        return;
                    }
                    status.set("");
                    if (deploy.get() != null && latestFirst.contains(deploy.get())) {
                        return; // the user chose while the list was loading
                    }
                    Deploy pick = preferred == null ? latestFirst.getFirst() : latestFirst.stream()
                            .min(Comparator.comparingLong(d -> Math.abs(d.timeMillis() - preferred.timeMillis()))).orElseThrow();
                    if (pick.equals(deploy.get())) {
                        compare();
                    } else {
                        deploy.set(pick);
                    }
                })
                .onFailure(e -> status.set("Could not find deploys: " + e.getMessage())));
    }

    private record Detected(DeployEvents.Found found, SourceBindings bindings) {
    }

    /** Why the list is empty: what marks a deploy on this source, or what it lacks; restarts are not deploys. */
    static String noDeploys(SourceBindings b, DeployEvents.Found found) {
        String restarts = found.restarts().isEmpty() ? "" : " " + found.restarts().size()
                + (found.restarts().size() == 1 ? " restart" : " restarts") + " without a new version (shown as restart markers).";
        return b.deploys().map(s -> "No deploy in this time range (a deploy is a change of " + s.describe() + ").")
                .orElseGet(() -> "No deploy signal on this source: " + b.input(SemanticInput.DEPLOY_SIGNAL).missing() + ".") + restarts;
    }

    /** Runs the comparison for the chosen deploy and window, cancelling one in flight. */
    public void compare() {
        Deploy d = deploy.get();
        Duration w = window.get();
        if (d == null || w == null) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        status.set("Comparing the " + w.toMinutes() + " min before and after " + d.service() + " " + d.version() + "…");
        running = tasks.submit(BackgroundTask.of("Comparing deploy " + d.service() + " " + d.version(),
                        p -> DeployImpact.compute(source.get(), bindings.get(), d, w, scrapeInterval))
                .onSuccess(r -> {
                    result.set(r);
                    status.set("");
                })
                .onFailure(e -> status.set("Could not compare: " + e.getMessage())));
        loadLogs();
    }

    /**
     * Loads the log lines around the chosen deploy: the query as typed, or the default of the log
     * source ({@value DeployLogs#LOKI_DEFAULT} on Loki, the guardrail events on the workspace's own).
     */
    public void loadLogs() {
        Deploy d = deploy.get();
        Duration w = logWindow.get();
        if (d == null || w == null) {
            return;
        }
        if (runningLogs != null) {
            runningLogs.cancel();
        }
        String typed = logQuery.get() == null ? "" : logQuery.get().strip();
        logStatus.set("Reading log lines around the deploy…");
        runningLogs = tasks.submit(BackgroundTask.of("Log lines around " + d.service() + " " + d.version(), p -> {
                    Optional<String> name = logSource.name();
                    if (name.isEmpty()) {
                        return null;
                    }
                    String query = typed.isEmpty() ? defaultQuery(name.get()) : typed;
                    return new NamedLogs(name.get(), query, DeployLogs.around(logSource.source(name.get()), query, d, w, CancellationToken.NONE));
                })
                .quiet()
                .onSuccess(r -> {
                    if (r == null) {
                        logLines.clear();
                        logSourceName.set("");
                        logStatus.set("No log source: add a Loki source to see log lines around deploys.");
                        return;
                    }
                    logSourceName.set(r.source());
                    if (typed.isEmpty()) {
                        logQuery.set(r.query());
                    }
                    logLines.setAll(r.result().lines());
                    String where = w.toMinutes() + " min before and after, from " + r.source();
                    logStatus.set(r.result().lines().isEmpty() ? "No log lines " + where + " for " + r.result().query()
                            : r.result().lines().size() + (r.result().lines().size() >= DeployLogs.LIMIT ? "+" : "")
                            + (r.result().lines().size() == 1 ? " log line " : " log lines ") + where + (r.result().warnings().isEmpty() ? "" : " · " + String.join("; ", r.result().warnings())));
                })
                .onFailure(e -> {
                    logLines.clear();
                    logStatus.set("Could not read log lines: " + e.getMessage());
                }));
    }

    /** The default log query of a source: the workspace's own logs have no service label, so its guardrail events. */
    static String defaultQuery(String sourceName) {
        return DataSourceCatalog.LOCAL.equals(sourceName) ? DeployLogs.EMBEDDED_DEFAULT : DeployLogs.LOKI_DEFAULT;
    }

    private record NamedLogs(String source, String query, DeployLogs.Result result) {
    }

    public ObjectProperty<Duration> logWindowProperty() {
        return logWindow;
    }

    /** The LogQL of the log lines ({@code $service}, {@code $version} filled from the deploy); filled with the default when empty. */
    public StringProperty logQueryProperty() {
        return logQuery;
    }

    /** Newest first. */
    public ObservableList<LogLine> logLines() {
        return logLines;
    }

    public ReadOnlyStringProperty logStatusProperty() {
        return logStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty logSourceNameProperty() {
        return logSourceName.getReadOnlyProperty();
    }

    public ObservableList<Deploy> deploys() {
        return deploys;
    }

    public ObjectProperty<Deploy> deployProperty() {
        return deploy;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    public ReadOnlyObjectProperty<DeployImpact.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
