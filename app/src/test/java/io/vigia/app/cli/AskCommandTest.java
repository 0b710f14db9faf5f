package io.vigia.app.cli;

import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia ask} on the demo workspace, offline. */
class AskCommandTest {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    @TempDir
    static Path dir;
    static Path workspace;

    @BeforeAll
    static void demo() {
        workspace = dir.resolve("demo.vigia");
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DemoWorkspace.load(new SettingsRepository(ws), store, NOW, new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                }

                @Override
                public void progress(long done, long all) {
                }
            }, () -> false);
        }
    }

    @Test
    void p95OfPaymentsAfterTheLastDeployProposesDeployImpactAndAnswersWithDeployImpactsNumbers() throws Exception {
        CliRun plan = CliRun.vigia(workspace, "ask", "--plan-only", "--json", "p95 of payments after the last deploy");
        assertThat(plan.exit()).as(plan.err()).isZero();
        JsonNode p = JsonMapper.builder().build().readTree(plan.out());
        assertThat(p.get("action").asString()).isEqualTo("deploy_impact");
        assertThat(p.get("service").asString()).isEqualTo("payments");
        assertThat(p.get("stat").asString()).isEqualTo("p95");
        assertThat(p.get("deploy_found").get("version").asString()).as("the latest payments deploy of the demo").isEqualTo("2.14.1");

        CliRun run = CliRun.vigia(workspace, "ask", "--json", "p95 of payments after the last deploy");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode answer = JsonMapper.builder().build().readTree(run.out()).get("answers").get(0);
        // Deploy impact's own computation for the deploy the plan names; that deploy is the simulator's
        // scripted one (two days before the demo's end, at 10:00 UTC), found to the scrape interval
        Instant deployed = Instant.parse(p.get("deploy_found").get("time").asString());
        assertThat(Duration.between(Instant.parse("2026-11-21T10:00:00Z"), deployed).abs()).isLessThanOrEqualTo(DemoWorkspace.INTERVAL);
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            LocalPromqlSource source = new LocalPromqlSource("local", store);
            DeployMarkers.Deploy deploy = new DeployMarkers.Deploy(deployed.toEpochMilli(), "payments", "2.14.1");
            DeployImpact.Result want = DeployImpact.compute(source, deploy, Duration.ofHours(1), DemoWorkspace.INTERVAL);
            assertThat(answer.get("version").asString()).isEqualTo(deploy.version());
            assertThat(Instant.parse(answer.get("deploy_time").asString()).toEpochMilli()).isEqualTo(deploy.timeMillis());
            List<DeployImpact.Row> rows = want.rows();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode got = answer.get("rows").get(i);
                assertThat(got.get("query").asString()).isEqualTo(rows.get(i).expr());
                assertThat(got.get("before").asDouble()).isEqualTo(rows.get(i).before());
                assertThat(got.get("after").asDouble()).isEqualTo(rows.get(i).after());
                assertThat(got.get("p_value").asDouble()).isEqualTo(rows.get(i).pValue());
            }
            assertThat(want.row(DeployImpact.Measure.P95).before()).as("numbers, not an empty comparison").isPositive();
        }
    }

    @Test
    void printsThePlanTheNumbersAndTheExactQueriesAndDrawsTheChart() throws Exception {
        Path png = dir.resolve("p95.png");
        CliRun r = CliRun.vigia(workspace, "ask", "--chart", png.toString(), "p95 latency of checkout over the last 7 days");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Plan (offline, trend)").contains("now-7d to now")
                .contains("histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{service=\"checkout\"}[35m])))")
                .contains("Answer:").contains("last ").contains("chart: ");
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isPositive();
    }
}
