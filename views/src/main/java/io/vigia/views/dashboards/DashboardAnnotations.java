package io.vigia.views.dashboards;

import io.vigia.dashboards.query.BindingsLookup;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.query.AnnotationLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.persistence.workspace.AnnotationRepository;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The markers over a dashboard's time panels: missing-day regions under everything, then deploys,
 * the manual annotations kept in the workspace, and the annotation queries' markers. Each source
 * is read in the background; its markers stay until its next answer.
 */
public final class DashboardAnnotations {
    /** Manual annotations: blue, as Grafana draws them. */
    public static final ChartColor MANUAL = ChartColor.hex("#3274D9");

    private final ObjectProperty<List<Annotation>> shown = new SimpleObjectProperty<>(List.of());
    private final Function<String, MetricsSource> sources;
    private final Supplier<LogSources> logSources;
    private final TaskScope tasks;
    private final StringProperty status;
    private final List<TaskHandle> inFlight = new ArrayList<>();
    // each annotation source's markers from its latest answer (FX thread only)
    private final Map<AnnotationSource, List<Annotation>> loaded = new LinkedHashMap<>();
    private List<Annotation> manual = List.of();
    private AnnotationRepository store;

    private final BindingsLookup bindings;

    DashboardAnnotations(Function<String, MetricsSource> sources, Supplier<LogSources> logSources, BindingsLookup bindings,
                         TaskScope tasks, StringProperty status) {
        this.sources = sources;
        this.bindings = bindings;
        this.logSources = logSources;
        this.tasks = tasks;
        this.status = status;
    }

    public ObjectProperty<List<Annotation>> annotationsProperty() {
        return shown;
    }

    /** Where manual annotations are kept; without it, none are shown or added. */
    public void setStore(AnnotationRepository store) {
        this.store = store;
    }

    public boolean canAnnotate() {
        return store != null;
    }

    /** Reads every source again for {@code r}. */
    void refresh(Dashboard d, TimeRange r) {
        cancel();
        loadManual(d.uid(), r);
        // query annotations are found again for every range; the others stay until their new answer
        loaded.keySet().removeIf(a -> a.kind() == AnnotationSource.Kind.QUERY || !d.annotations().contains(a));
        Duration step = Duration.ofMillis(Math.max(60_000, r.length().toMillis() / 2000));
        LogSources ls = logSources.get();
        for (AnnotationSource a : d.annotations()) {
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
            inFlight.add(tasks.submit(BackgroundTask.of(title, progress -> AnnotationLoader.load(a, sources, ls::logs, bindings, r, step))
                    .quiet()
                    .onSuccess(found -> {
                        loaded.put(a, found);
                        shown.set(combined());
                    })
                    .onFailure(e -> status.set(failure + e.getMessage()))));
        }
    }

    /** Saves an annotation at {@code timeMs} on dashboard {@code uid}, shown on every time panel. */
    void add(String uid, long timeMs, String text, TimeRange r) {
        if (store == null || text == null || text.isBlank()) {
            return;
        }
        AnnotationRepository s = store;
        tasks.submit(BackgroundTask.of("Saving the annotation", p -> s.add(uid, timeMs, null, text.strip(), "[]", "manual"))
                .onSuccess(id -> loadManual(uid, r))
                .onFailure(e -> status.set("Could not save the annotation: " + e.getMessage())));
    }

    void cancel() {
        inFlight.forEach(TaskHandle::cancel);
        inFlight.clear();
    }

    private void loadManual(String uid, TimeRange r) {
        if (store == null) {
            return;
        }
        AnnotationRepository s = store;
        inFlight.add(tasks.submit(BackgroundTask.of("Reading annotations",
                        p -> s.between(uid, r.from().toEpochMilli(), r.to().toEpochMilli()))
                .quiet()
                .onSuccess(found -> {
                    manual = found.stream().map(a -> new Annotation(a.timeMs(), a.endMs() == null ? a.timeMs() : a.endMs(),
                            a.text(), MANUAL)).toList();
                    shown.set(combined());
                })
                .onFailure(e -> status.set("Annotations: " + e.getMessage()))));
    }

    private List<Annotation> combined() {
        List<Annotation> all = new ArrayList<>();
        addLoaded(all, AnnotationSource.Kind.DATA_GAPS);
        addLoaded(all, AnnotationSource.Kind.DEPLOYS);
        all.addAll(manual);
        addLoaded(all, AnnotationSource.Kind.QUERY);
        return List.copyOf(all);
    }

    private void addLoaded(List<Annotation> out, AnnotationSource.Kind kind) {
        loaded.forEach((source, found) -> {
            if (source.kind() == kind) {
                out.addAll(found);
            }
        });
    }
}
