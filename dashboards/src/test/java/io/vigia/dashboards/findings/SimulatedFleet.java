package io.vigia.dashboards.findings;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.SeriesWriterSink;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The fleet simulator's history in a workspace file, as the demo loads it (5-minute scrapes). */
final class SimulatedFleet implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(5);
    final Instant start;
    final Instant end;
    final FleetScenario scenario;
    final MetricsSource source;
    private final Workspace workspace;
    private final SqliteSeriesStore store;

    SimulatedFleet(Path dir, long seed, Instant end, int days, FleetScenario.Story story) {
        this.end = end;
        this.start = end.minus(Duration.ofDays(days));
        this.workspace = Workspace.open(dir.resolve("fleet-" + seed + ".vigia"));
        this.store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            this.scenario = FleetSimulator.run(seed, start.toEpochMilli(), end.toEpochMilli(), INTERVAL.toMillis(),
                    new SeriesWriterSink(w), story);
            w.commit();
        }
        this.source = new LocalPromqlSource("local", store);
    }

    /** Midnight UTC of the end's day plus {@code days} days and {@code hours} hours (the story's clock). */
    Instant at(int days, int hours) {
        return end.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    @Override
    public void close() {
        store.close();
        workspace.close();
    }
}
