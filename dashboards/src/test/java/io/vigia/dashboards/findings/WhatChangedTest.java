package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BubbleUp-style ranking on the simulator's prompt-injection campaign (seed 42). */
class WhatChangedTest {
    @TempDir
    Path dir;

    @Test
    void theCampaignIsExplainedByItsCategoryAndTheChatApp() {
        try (SimulatedFleet f = new SimulatedFleet(dir, 42, Instant.parse("2026-11-20T12:00:00Z"), 16, FleetScenario.Story.DEFAULT)) {
            FleetScenario.Window c = f.scenario.injectionCampaign();
            TimeRange region = new TimeRange(Instant.ofEpochMilli(c.startMillis()), Instant.ofEpochMilli(c.endMillis()));
            TimeRange baseline = region.shiftedBack(Duration.ofDays(2));
            List<WhatChanged.Row> rows = WhatChanged.load(f.source, "vigia_guardrail_decisions_total{decision=\"blocked\"}",
                    region, baseline, Duration.ofMinutes(30));
            WhatChanged.Row top = rows.getFirst();
            assertThat(top.significant()).isTrue();
            assertThat(top.label() + "=" + top.value()).isIn("category=prompt_injection", "detector=llm-guard:PromptInjection");
            assertThat(top.changePoints()).isGreaterThan(30);
            assertThat(rows).filteredOn(r -> r.label().equals("app") && r.value().equals("chat-assistant")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.significant()).isTrue();
                        assertThat(r.regionShare()).isGreaterThan(r.baselineShare());
                    });
            // every row carries its test; the adjusted p-values are never below the raw ones
            assertThat(rows).allSatisfy(r -> assertThat(r.qValue()).isGreaterThanOrEqualTo(r.test().pValue()));
            // categories other than the campaign's lose share: none of them gains significantly
            assertThat(rows).filteredOn(r -> r.label().equals("category") && !r.value().equals("prompt_injection")
                    && r.significant()).allSatisfy(r -> assertThat(r.changePoints()).isNegative());
        }
    }

    @Test
    void aLabelWithOneValueExplainsNothingAndIdenticalWindowsChangeNothing() {
        List<Labels> labels = List.of(Labels.of("__name__", "x", "app", "a", "env", "prod"), Labels.of("__name__", "x", "app", "b",
                "env", "prod"));
        double[] a = new double[48];
        double[] b = new double[48];
        for (int i = 0; i < 48; i++) {
            a[i] = 10 + (i * 7 % 5);
            b[i] = 20 + (i * 3 % 4);
        }
        WhatChanged.Window w = new WhatChanged.Window(labels, List.of(a, b));
        List<WhatChanged.Row> rows = WhatChanged.compare(w, w);
        assertThat(rows).extracting(WhatChanged.Row::label).containsOnly("app");
        assertThat(rows).noneMatch(WhatChanged.Row::significant);
        assertThat(rows).allSatisfy(r -> assertThat(r.changePoints()).isZero());
    }
}
