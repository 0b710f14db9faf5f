package io.vigia.dashboards.report.write;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The demo workspace (30 simulated days ending Monday 2026-11-23 08:00 UTC) and its Copilot Health report of 2026-W47. */
final class DemoReport {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final IsoWeek WEEK = IsoWeek.parse("2026-W47");
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private DemoReport() {
    }

    static Workspace demoWorkspace(Path file) {
        Workspace ws = Workspace.open(file);
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DemoWorkspace.load(new SettingsRepository(ws), store, NOW, new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                }

                @Override
                public void progress(long done, long all) {
                }
            }, () -> false);
        }
        return ws;
    }

    /**
     * Blocked prompts with hostile and secret-bearing categories during {@code week}: what an
     * attacker or a leaky detector puts into labels. 1 block every 5 minutes, from Tuesday 10:00.
     */
    static void addHostileTelemetry(Workspace ws, IsoWeek week, String... categories) {
        long start = week.range(MADRID).from().toEpochMilli() + Duration.ofHours(34).toMillis();
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws); SeriesWriter w = store.writer()) {
            for (String category : categories) {
                Labels labels = Labels.of("__name__", "vigia_guardrail_decisions_total", "app", "ide-gateway", "direction", "input",
                        "decision", "blocked", "category", category, "detector", "test");
                for (int i = 0; i < 12 * 48; i++) {
                    w.append(labels, start + i * 300_000L, i + 1);
                }
            }
            w.commit();
        }
    }

    static Report copilotHealth(Workspace ws, IsoWeek week) {
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            return new ReportBuilder(new LocalPromqlSource("local", store), Clock.fixed(NOW, ZoneOffset.UTC), DemoWorkspace.INTERVAL)
                    .build(BuiltInDashboards.copilotHealth(), week, MADRID);
        }
    }
}
