package io.vigia.dashboards.findings;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "What changed here" asked of a panel's query, on the simulator's prompt-injection campaign (seed 42). */
class PanelWhatChangedTest {
    @TempDir
    Path dir;

    private static Panel panel(String expr) {
        return Panel.of(1, PanelType.TIME_SERIES, "Blocked", new GridPos(0, 0, 24, 8), List.of(Query.promql("A", expr, "{{category}}")),
                FieldConfig.DEFAULT);
    }

    private static Dashboard dashboard(Panel p, List<Variable> variables) {
        return new Dashboard("g", "Guardrails", List.of(), "now-2d", "now", "", variables, List.of(p), List.of());
    }

    @Test
    void theCampaignRegionIsExplainedByItsCategoryThroughThePanelsOwnQuery() {
        try (SimulatedFleet f = new SimulatedFleet(dir, 42, Instant.parse("2026-11-20T12:00:00Z"), 16, FleetScenario.Story.DEFAULT)) {
            FleetScenario.Window c = f.scenario.injectionCampaign();
            TimeRange region = PanelWhatChanged.region(c.endMillis(), c.startMillis());
            TimeRange shown = new TimeRange(region.from().minus(Duration.ofDays(2)), region.to().plus(Duration.ofHours(6)));
            // the panel's query with a dashboard variable, as a user writes it
            Panel p = panel("sum by (category) (rate(vigia_guardrail_decisions_total{decision=\"$decision\"}[$__rate_interval]))");
            Dashboard d = dashboard(p, List.of(new Variable.CustomVariable("decision", "", List.of("blocked", "allowed"), false,
                    false, "", List.of("blocked"))));
            PanelRequest request = PanelRequest.of(shown, 1200, Map.of("decision", List.of("blocked")), Map.of());

            PanelWhatChanged.Answer a = new PanelWhatChanged(n -> f.source, SimulatedFleet.INTERVAL, QueryPreparation.EXPAND)
                    .compare(d, p, request, region);

            assertThat(a.selector()).isEqualTo("vigia_guardrail_decisions_total{decision=\"blocked\"}");
            assertThat(a.firstOfSeveral()).isFalse();
            assertThat(a.baseline().to()).isEqualTo(region.from());
            assertThat(a.baseline().from()).as("the part of the shown range before the region").isEqualTo(shown.from());
            WhatChanged.Row top = a.rows().getFirst();
            assertThat(top.significant()).isTrue();
            assertThat(top.label() + "=" + top.value()).isIn("category=prompt_injection", "detector=llm-guard:PromptInjection");
            assertThat(top.regionShare()).isGreaterThan(top.baselineShare());
            assertThat(a.significant()).isPositive();
        }
    }

    @Test
    void whatCannotBeComparedIsRefusedWithTheReason() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("one.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (long t = now.minus(Duration.ofHours(6)).toEpochMilli(), i = 0; t <= now.toEpochMilli(); t += 15_000, i++) {
                    w.append(Labels.of("__name__", "http_requests_total", "job", "api"), t, i * 3.0);
                }
                w.commit();
            }
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            PanelWhatChanged wc = new PanelWhatChanged(n -> source, Duration.ofSeconds(15), QueryPreparation.EXPAND);
            TimeRange shown = new TimeRange(now.minus(Duration.ofHours(6)), now);
            TimeRange region = new TimeRange(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
            PanelRequest request = PanelRequest.of(shown, 1200, Map.of(), Map.of());

            Panel oneSeries = panel("sum(rate(http_requests_total[5m]))");
            assertThatThrownBy(() -> wc.compare(dashboard(oneSeries, List.of()), oneSeries, request, region))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Nothing to compare: no label of http_requests_total takes two or more values with data in both "
                            + "the region and the time before it");
            Panel noSeries = panel("vector(1)");
            assertThatThrownBy(() -> wc.compare(dashboard(noSeries, List.of()), noSeries, request, region))
                    .hasMessage("The query reads no series: there are no labels to compare");
            assertThatThrownBy(() -> wc.compare(dashboard(oneSeries, List.of()), oneSeries, request,
                    new TimeRange(region.from(), region.from().plusSeconds(60))))
                    .hasMessage("Select a longer region: at least 3m (6 steps of 30s)");
            Panel instant = oneSeries.withQueries(List.of(new Query("A", "", io.vigia.dashboards.model.QueryLanguage.PROMQL,
                    "http_requests_total", "", true, false, "")));
            assertThatThrownBy(() -> wc.compare(dashboard(instant, List.of()), instant, request, region))
                    .hasMessage("This panel has no PromQL range query: there is no series to compare");
        }
    }

    @Test
    void aGaugeIsComparedByItsMeanPerStepNotByAnIncrease() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        TimeRange shown = new TimeRange(now.minus(Duration.ofHours(6)), now);
        TimeRange region = new TimeRange(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        java.util.SplittableRandom noise = new java.util.SplittableRandom(7);
        try (Workspace ws = Workspace.open(dir.resolve("gauge.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (long t = shown.from().toEpochMilli(); t <= now.toEpochMilli(); t += 15_000) {
                    boolean inRegion = t >= region.from().toEpochMilli() && t < region.to().toEpochMilli();
                    // queue "b" holds three times its usual depth in the region; a gauge goes up and down
                    w.append(Labels.of("__name__", "queue_depth", "queue", "a"), t, 10 + noise.nextDouble(-1, 1));
                    w.append(Labels.of("__name__", "queue_depth", "queue", "b"), t, (inRegion ? 30 : 10) + noise.nextDouble(-1, 1));
                }
                w.commit();
            }
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            Panel p = panel("sum by (queue) (queue_depth)");
            PanelWhatChanged.Answer a = new PanelWhatChanged(n -> source, Duration.ofSeconds(15), QueryPreparation.EXPAND)
                    .compare(dashboard(p, List.of()), p, PanelRequest.of(shown, 1200, Map.of(), Map.of()), region);
            assertThat(a.reading()).isEqualTo(WhatChanged.Reading.MEAN);
            // two values: "a" lost the share "b" gained, both by 25 points
            WhatChanged.Row b = a.rows().stream().filter(r -> r.value().equals("b")).findFirst().orElseThrow();
            assertThat(b.significant()).isTrue();
            assertThat(b.baselineShare()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
            assertThat(b.regionShare()).as("30 of 40, not the increase of a gauge").isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @Test
    void counterNamesAreReadByTheirIncreaseEverythingElseByItsMean() {
        assertThat(WhatChanged.Reading.of("vigia_guardrail_decisions_total{decision=\"blocked\"}")).isEqualTo(WhatChanged.Reading.INCREASE);
        assertThat(WhatChanged.Reading.of("http_server_request_duration_seconds_count")).isEqualTo(WhatChanged.Reading.INCREASE);
        assertThat(WhatChanged.Reading.of("{__name__=\"http_server_request_duration_seconds_bucket\", le=\"0.1\"}"))
                .isEqualTo(WhatChanged.Reading.INCREASE);
        assertThat(WhatChanged.Reading.of("process_resident_memory_bytes{job=\"api\"}")).isEqualTo(WhatChanged.Reading.MEAN);
        assertThat(WhatChanged.Reading.of("{job=\"api\"}")).isEqualTo(WhatChanged.Reading.MEAN);
    }

    @Test
    void theBaselineIsTheTimeBeforeTheRegionAtLeastItsLengthAndTheStepGivesAboutSixtySteps() {
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        TimeRange region = new TimeRange(t, t.plus(Duration.ofHours(1)));
        assertThat(PanelWhatChanged.baseline(new TimeRange(t, t.plus(Duration.ofHours(3))), region))
                .as("the region starts the range: the hour before it").isEqualTo(new TimeRange(t.minus(Duration.ofHours(1)), t));
        assertThat(PanelWhatChanged.baseline(new TimeRange(t.minus(Duration.ofHours(2)), t.plus(Duration.ofHours(3))), region))
                .isEqualTo(new TimeRange(t.minus(Duration.ofHours(2)), t));
        assertThat(PanelWhatChanged.baseline(new TimeRange(t.minus(Duration.ofDays(7)), t.plus(Duration.ofHours(3))), region))
                .isEqualTo(new TimeRange(t.minus(Duration.ofHours(4)), t));
        assertThat(PanelWhatChanged.step(region, Duration.ofSeconds(15))).isEqualTo(Duration.ofMinutes(1));
        assertThat(PanelWhatChanged.step(region, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(10));
    }
}
