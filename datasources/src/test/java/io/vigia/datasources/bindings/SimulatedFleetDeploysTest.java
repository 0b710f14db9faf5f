package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetSimulation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's story, found again by binding its series and detecting deploys: every deploy the
 * scenario makes, at its time (to the 5-minute sample interval), from the version before it.
 */
class SimulatedFleetDeploysTest {
    @Test
    void everyScriptedDeployIsDetectedWithItsVersionsAndTime() {
        long end = Instant.parse("2026-11-23T08:00:00Z").toEpochMilli();
        long start = end - Duration.ofDays(30).toMillis();
        long step = Duration.ofMinutes(5).toMillis();
        FleetScenario scenario = FleetScenario.endingAt(end);
        InMemorySeriesReader store = new InMemorySeriesReader();
        new FleetSimulation(42, scenario, start, step).advanceTo(end, store::append);
        LocalPromqlSource source = new LocalPromqlSource("local", store);

        SourceBindings b = new BindingProber(ConventionCatalog.standard()).probe("local", source, MetricTypes.none(),
                new ProbeWindow(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))).bindings();
        DeployDetector.Detection d = new DeployDetector(source).detect(b.deploys().orElseThrow(), b.restarts().orElse(null),
                Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), Duration.ofMillis(step));

        assertThat(d.problems()).isEmpty();
        assertThat(d.deploys()).hasSize(scenario.deploys().size());
        for (FleetScenario.Deploy expected : scenario.deploys()) {
            assertThat(d.deploys()).filteredOn(found -> found.service().equals(expected.service())
                            && found.newVersion().equals(expected.version()))
                    .singleElement().satisfies(found -> {
                        assertThat(found.timeMillis()).isBetween(expected.timeMillis(), expected.timeMillis() + step);
                        assertThat(found.oldVersion()).isEqualTo(scenario.versionAt(expected.service(), expected.timeMillis() - 1));
                    });
        }
        assertThat(d.events()).noneMatch(e -> e instanceof ChangeEvent.Restart);
    }
}
