package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A workspace file with {@code days} of two hosts' {@code node_load1} (node exporter's name),
 * scraped every 5 minutes with the same daily shape every day, for the band's tests; and an
 * open dashboard over it with one time series panel.
 */
final class LoadHistory implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final long SCRAPE = 300_000;
    private static final long DAY = 86_400_000;
    final Workspace workspace;
    final SqliteSeriesStore store;
    final LocalPromqlSource source;

    LoadHistory(Path file, int days) {
        this.workspace = Workspace.open(file);
        this.store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            for (long t = NOW.toEpochMilli() - days * DAY; t <= NOW.toEpochMilli(); t += SCRAPE) {
                double hour = Math.floorMod(t, DAY) / 3_600_000.0;
                double load = 20 + 10 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
                w.append(Labels.of("__name__", "node_load1", "instance", "a"), t, load);
                w.append(Labels.of("__name__", "node_load1", "instance", "b"), t, 2 * load);
            }
            w.commit();
        }
        this.source = new LocalPromqlSource("local", store);
    }

    static Panel panel() {
        return Panel.of(1, PanelType.TIME_SERIES, "Load", new GridPos(0, 0, 24, 8),
                List.of(Query.promql("A", "node_load1", "{{instance}}")), FieldConfig.DEFAULT);
    }

    static Dashboard dashboard() {
        return new Dashboard("load", "Load", List.of(), "now-6h", "now", "", List.of(), List.of(panel()), List.of());
    }

    DashboardViewModel open(Dashboard d) {
        return new DashboardViewModel(d, n -> source, Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        store.close();
        workspace.close();
    }
}
