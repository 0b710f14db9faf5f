package io.vigia.views.dashboards;

import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.BindingsLookup;

import io.vigia.dashboards.findings.PanelBaseline;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The data of each panel of an open dashboard, loaded in parallel in the background on every
 * refresh. A panel with nothing on screen yet first paints the cache's last answer (marked
 * stale) while its real request runs. A panel that asks for its usual band gets it with its data
 * ({@link PanelBaseline}). A refresh cancels what the previous one still had in
 * flight, so a late answer never overwrites a newer one.
 */
final class PanelLoads {
    private final PanelDataLoader loader;
    private final PanelDataLoader cacheLoader;
    private final PanelBaseline baseline;
    private final TaskScope tasks;
    private final Map<Integer, ObjectProperty<PanelData>> data = new HashMap<>();
    private final IntegerProperty completed = new SimpleIntegerProperty();
    private final List<TaskHandle> inFlight = new ArrayList<>();
    private int pending;

    /**
     * @param cachedSources the sources answering only from their result cache
     */
    PanelLoads(Function<String, MetricsSource> sources, Function<String, Optional<MetricsSource>> cachedSources,
               Supplier<LogSources> logSources, BindingsLookup bindings, Duration minInterval, TaskScope tasks) {
        this.loader = new PanelDataLoader(sources, name -> logSources.get().logs(name), minInterval, new BindingStep(bindings));
        this.cacheLoader = new PanelDataLoader(name -> cachedSources.apply(name)
                .orElseThrow(() -> new QueryException("not_cached", "no cache for this source")), name -> {
                    throw new QueryException("not_cached", "no cache for logs");
                }, minInterval, new BindingStep(bindings));
        this.baseline = new PanelBaseline(sources, minInterval, new BindingStep(bindings));
        this.tasks = tasks;
    }

    /** The property a panel's view watches; made on first use. */
    ObjectProperty<PanelData> of(Panel p) {
        return data.computeIfAbsent(p.id(), id -> new SimpleObjectProperty<>());
    }

    boolean has(Panel p) {
        return data.containsKey(p.id());
    }

    /** Counts refreshes whose panels have all answered (with data or an error). */
    ReadOnlyIntegerProperty completedProperty() {
        return completed;
    }

    /** True while the last refresh still waits for some panel. */
    boolean busy() {
        return pending > 0;
    }

    /**
     * Loads the panels shown ({@code shown}: those of closed rows and hidden tabs wait until they
     * are opened) for {@code request}'s range; time series also get the previous period (same
     * length, just before) when {@code comparePrevious} is on.
     */
    void refresh(Dashboard d, List<Panel> shown, PanelRequest request, double widthPx, boolean comparePrevious) {
        cancel();
        List<Panel> drawn = shown.stream().filter(p -> p.type() != PanelType.ROW).toList();
        pending = drawn.size();
        for (Panel p : drawn) {
            PanelRequest forPanel = new PanelRequest(request.range(), (int) Math.max(100, widthPx * p.grid().w() / 24.0),
                    request.values(), request.allValues(), request.shift(), request.instantsAt());
            ObjectProperty<PanelData> target = of(p);
            boolean[] liveArrived = {false};
            if (target.get() == null) {
                // nothing on screen yet: the cache's last answer, at once, until the source answers
                inFlight.add(tasks.submit(BackgroundTask.of("Reading the cache for " + p.title(),
                                progress -> cacheLoader.load(d, p, forPanel))
                        .quiet()
                        .onSuccess(answer -> {
                            if (!liveArrived[0] && !answer.series().isEmpty()) {
                                target.set(answer);
                            }
                        })));
            }
            inFlight.add(tasks.submit(BackgroundTask.of("Loading " + p.title(), progress -> load(d, p, forPanel, comparePrevious))
                    .quiet()
                    .onSuccess(answer -> {
                        liveArrived[0] = true;
                        target.set(answer);
                        answered();
                    })
                    .onFailure(e -> {
                        liveArrived[0] = true;
                        target.set(PanelData.failed(request.range(), e.getMessage() == null ? e.toString() : e.getMessage()));
                        answered();
                    })));
        }
    }

    private PanelData load(Dashboard d, Panel p, PanelRequest request, boolean comparePrevious) {
        PanelData now = loader.load(d, p, request);
        if (PanelBaseline.wanted(p)) {
            // the weeks before, in the same background task: the band arrives with the series
            now = now.withBaseline(baseline.load(d, p, request, now.step()));
        }
        // a panel with its own time shift already shows another period
        if (!comparePrevious || p.type() != PanelType.TIME_SERIES || !p.timeShift().isBlank()) {
            return now;
        }
        TimeRange r = request.range();
        return now.withPreviousPeriod(loader.load(d, p, request.shiftedBack(r.length())));
    }

    private void answered() {
        if (--pending == 0) {
            completed.set(completed.get() + 1);
        }
    }

    void cancel() {
        inFlight.forEach(TaskHandle::cancel);
        inFlight.clear();
    }
}
