package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.SeriesWriterSink;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.whatchanged.WhatChangedViewModel;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "What changed here" from an open dashboard's panel, without a scene, on the simulator's campaign (seed 42). */
class WhatChangedFlowTest {
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    /** The fleet's 16 days in a workspace file, as the demo loads it (5-minute scrapes). */
    static FleetScenario simulate(SqliteSeriesStore store) {
        try (SeriesWriter w = store.writer()) {
            FleetScenario s = FleetSimulator.run(42, END.minus(Duration.ofDays(16)).toEpochMilli(), END.toEpochMilli(),
                    Duration.ofMinutes(5).toMillis(), new SeriesWriterSink(w), FleetScenario.Story.DEFAULT);
            w.commit();
            return s;
        }
    }

    static Dashboard guardrails(String expr) {
        Panel p = Panel.of(1, PanelType.TIME_SERIES, "Blocked requests", new GridPos(0, 0, 24, 8),
                List.of(Query.promql("A", expr, "{{category}}")), FieldConfig.DEFAULT);
        return new Dashboard("g", "Guardrails", List.of(), "now-3d", "now", "", List.of(), List.of(p), List.of());
    }

    @Test
    void theRegionsRowsComeBackRankedAndAQueryWithoutLabelsToCompareSaysSo() {
        try (Workspace ws = Workspace.open(dir.resolve("fleet.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FleetScenario.Window c = simulate(store).injectionCampaign();
            Dashboard d = guardrails("sum by (category) (rate(vigia_guardrail_decisions_total{decision=\"blocked\"}[5m]))");
            DashboardViewModel vm = new DashboardViewModel(d, n -> new LocalPromqlSource("local", store), Duration.ofMinutes(5),
                    new SameThreadTaskExecutor().scope(), Clock.fixed(END, ZoneOffset.UTC), ZoneOffset.UTC);
            vm.range().zoomTo(c.startMillis() - Duration.ofDays(2).toMillis(), c.endMillis() + Duration.ofHours(6).toMillis());

            WhatChangedViewModel wc = vm.whatChangedIn(vm.dashboard().panels().getFirst(), c.endMillis(), c.startMillis());
            assertThat(vm.whatChanged().openProperty().get()).isSameAs(wc);
            assertThat(wc.busyProperty().get()).isFalse();
            assertThat(wc.errorProperty().get()).isEmpty();
            assertThat(wc.rows()).isNotEmpty();
            WhatChangedViewModel.Row top = wc.rows().getFirst();
            assertThat(top.label() + "=" + top.value()).isIn("category=prompt_injection", "detector=llm-guard:PromptInjection");
            assertThat(top.significant()).isTrue();
            assertThat(top.change()).startsWith("+").endsWith(" pp");
            assertThat(top.regionShare()).endsWith("%");
            assertThat(wc.statusProperty().get()).contains("changed share significantly (q < 0.05)")
                    .contains("Increase of vigia_guardrail_decisions_total{decision=\"blocked\"}");
            assertThat(wc.titleProperty().get()).startsWith("What changed in Blocked requests, ");

            // a selector matching no series: no label takes two values, nothing to compare
            DashboardViewModel one = new DashboardViewModel(guardrails("sum(vigia_guardrail_decisions_total{category=\"nothing\"})"),
                    n -> new LocalPromqlSource("local", store), Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(),
                    Clock.fixed(END, ZoneOffset.UTC), ZoneOffset.UTC);
            one.range().zoomTo(c.startMillis() - Duration.ofDays(2).toMillis(), c.endMillis());
            WhatChangedViewModel none = one.whatChangedIn(one.dashboard().panels().getFirst(), c.startMillis(), c.endMillis());
            assertThat(none.rows()).isEmpty();
            assertThat(none.errorProperty().get()).startsWith("Nothing to compare: no label of vigia_guardrail_decisions_total");

            vm.whatChanged().close();
            assertThat(vm.whatChanged().openProperty().get()).isNull();
        }
    }
}
