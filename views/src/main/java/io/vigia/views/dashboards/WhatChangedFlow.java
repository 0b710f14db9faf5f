package io.vigia.views.dashboards;

import io.vigia.dashboards.findings.PanelWhatChanged;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.views.dashboards.whatchanged.WhatChangedViewModel;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * "What changed here" on an open dashboard: one comparison at a time, for a region selected on a
 * panel, shown beside the panels until it is closed. The comparison uses the panel's query as the
 * panel prepares it (the dashboard's variables and the source's bindings).
 */
public final class WhatChangedFlow {
    private final PanelWhatChanged comparisons;
    private final TaskScope tasks;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<WhatChangedViewModel> open = new ReadOnlyObjectWrapper<>();

    WhatChangedFlow(Function<String, MetricsSource> sources, Duration minInterval, QueryPreparation preparation, TaskScope tasks,
                    ZoneId zone) {
        this.comparisons = new PanelWhatChanged(sources, minInterval, preparation);
        this.tasks = tasks;
        this.zone = zone;
    }

    /** Compares {@code region} of panel {@code p} (as {@code request} loads it) with the time before it. */
    WhatChangedViewModel open(Dashboard d, Panel p, PanelRequest request, TimeRange region) {
        close();
        WhatChangedViewModel vm = new WhatChangedViewModel(p.title(), r -> comparisons.compare(d, p, request, r), tasks, zone);
        open.set(vm);
        vm.run(region);
        return vm;
    }

    /** The comparison shown, null when none is. */
    public ReadOnlyObjectProperty<WhatChangedViewModel> openProperty() {
        return open.getReadOnlyProperty();
    }

    public void close() {
        if (open.get() != null) {
            open.get().cancel();
            open.set(null);
        }
    }
}
