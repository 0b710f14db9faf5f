package io.vigia.dashboards.query;

import io.vigia.dashboards.query.DeployImpact.Measure;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.SeriesWriterSink;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SRE question on the simulator's story (seed 42): payments 2.14.0 regresses p95, 2.14.1
 * fixes it (docs/telemetry.md), found from the deploy markers and compared hour against hour.
 */
class DeployImpactTest {
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(6));
    private static Path dir;
    private static Workspace workspace;
    private static SqliteSeriesStore store;
    private static MetricsSource source;
    private static List<Deploy> deploys;

    @BeforeAll
    static void simulate() throws Exception {
        dir = Files.createTempDirectory("vigia-deploy-impact-");
        workspace = Workspace.open(dir.resolve("d.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            FleetSimulator.run(42, START.toEpochMilli(), END.toEpochMilli(), Duration.ofMinutes(1).toMillis(), new SeriesWriterSink(w));
            w.commit();
        }
        source = new LocalPromqlSource("local", store);
        deploys = DeployMarkers.find(source, "vigia_build_info", new TimeRange(START, END), Duration.ofMinutes(1));
    }

    @AfterAll
    static void close() {
        store.close();
        workspace.close();
    }

    private static Deploy deploy(String service, String version) {
        return deploys.stream().filter(d -> service.equals(d.service()) && version.equals(d.version())).findFirst().orElseThrow(
                () -> new AssertionError(service + " " + version + " not among " + deploys));
    }

    @Test
    void theRegressingDeployDoublesP95SignificantlyAndTheFixBringsItBack() {
        DeployImpact.Result bad = DeployImpact.compute(source, deploy("payments", "2.14.0"), Duration.ofHours(1));
        DeployImpact.Row p95 = bad.row(Measure.P95);
        assertThat(p95.after()).isGreaterThan(2 * p95.before());
        assertThat(p95.changePercent()).isGreaterThan(100);
        assertThat(p95.pValue()).isLessThan(0.001);
        assertThat(p95.qValue()).isGreaterThanOrEqualTo(p95.pValue()).isLessThan(DeployImpact.ALPHA);
        assertThat(p95.significant()).isTrue();
        // everything the verdict needs is in the row: sizes, the test, the interval of the change
        assertThat(p95.test().nBefore()).isGreaterThan(50);
        assertThat(p95.test().method()).contains("circular block bootstrap", "Politis–White");
        assertThat(p95.test().differenceInterval().lower()).isPositive();
        assertThat(p95.offsetsMs()).contains(0L).contains(-Duration.ofHours(1).toMillis()).contains(Duration.ofHours(1).toMillis());

        DeployImpact.Row fixed = DeployImpact.compute(source, deploy("payments", "2.14.1"), Duration.ofHours(1)).row(Measure.P95);
        assertThat(fixed.after()).isLessThan(fixed.before() / 2);
        assertThat(fixed.significant()).isTrue();
    }

    @Test
    void everyMeasureHasNumbersAndAServiceNameIsEscapedInThePromql() {
        DeployImpact.Result r = DeployImpact.compute(source, deploy("payments", "2.14.0"), Duration.ofMinutes(30));
        assertThat(r.rows()).extracting(DeployImpact.Row::measure).containsExactly(Measure.values());
        assertThat(r.rows()).allSatisfy(row -> {
            assertThat(row.before()).isFinite();
            assertThat(row.after()).isFinite();
        });
        assertThat(r.row(Measure.THROUGHPUT).before()).isPositive();
        assertThat(DeployImpact.escape("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
    }

    @Test
    void aServiceWithoutTrafficGivesNaNNotAnError() {
        DeployImpact.Result r = DeployImpact.compute(source, new Deploy(END.minus(Duration.ofDays(2)).toEpochMilli(), "no-such\"svc", "1"),
                Duration.ofHours(1));
        assertThat(r.row(Measure.P95).before()).isNaN();
        assertThat(r.row(Measure.P95).significant()).isFalse();
        assertThat(r.row(Measure.P95).qValue()).isNaN();
        assertThat(r.row(Measure.P95).test()).isNull();
    }

    @Test
    void theTableIsAdjustedForItsFiveComparisons() {
        DeployImpact.Result r = DeployImpact.compute(source, deploy("payments", "2.14.0"), Duration.ofHours(1));
        double[] q = io.vigia.dashboards.analytics.stats.BenjaminiHochberg.adjust(
                r.rows().stream().mapToDouble(DeployImpact.Row::pValue).toArray());
        for (int i = 0; i < q.length; i++) {
            assertThat(r.rows().get(i).qValue()).isEqualTo(q[i]);
            assertThat(r.rows().get(i).significant()).isEqualTo(q[i] < DeployImpact.ALPHA);
        }
    }
}
