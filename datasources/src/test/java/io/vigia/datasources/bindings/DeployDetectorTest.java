package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigia.datasources.bindings.FakeFleet.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys found in series shaped as each deploy signal's documentation shows them, bound by
 * probing and detected through the embedded engine at the 15 s scrape interval. Query steps are
 * aligned to multiples of the step (as Grafana aligns them, so cached windows line up), 5 s off
 * these samples' grid: a deploy is seen at the first step at or after it.
 */
class DeployDetectorTest {
    private static final long MIN = 60_000;
    private static final long END = FakeFleet.END;

    @Test
    void aVersionLabelChangeIsADeployButAGapANewServiceOrASteadyOneIsNot() {
        FakeFleet f = new FakeFleet();
        f.gauge(1, T0, T0 + 60 * MIN - 15_000, "__name__", "vigia_build_info", "service", "payments", "version", "2.13.0");
        f.gauge(1, T0 + 60 * MIN, END, "__name__", "vigia_build_info", "service", "payments", "version", "2.14.0");
        f.gauge(1, T0, END, "__name__", "vigia_build_info", "service", "search", "version", "1.0.0");
        f.gauge(1, T0 + 30 * MIN, END, "__name__", "vigia_build_info", "service", "newcomer", "version", "0.1.0");
        f.gauge(1, T0, T0 + 40 * MIN, "__name__", "vigia_build_info", "service", "checkout", "version", "5");
        f.gauge(1, T0 + 60 * MIN, END, "__name__", "vigia_build_info", "service", "checkout", "version", "5");
        f.gauge(1, T0, T0 + 30 * MIN - 15_000, "__name__", "vigia_build_info", "service", "cart", "version", "A");
        f.gauge(1, T0 + 30 * MIN, T0 + 60 * MIN - 15_000, "__name__", "vigia_build_info", "service", "cart", "version", "B");
        f.gauge(1, T0 + 60 * MIN, END, "__name__", "vigia_build_info", "service", "cart", "version", "A");

        List<ChangeEvent.Deploy> deploys = detect(f).deploys();
        assertThat(deploys).extracting(d -> d.service() + " " + d.oldVersion() + "->" + d.newVersion() + " @" + (d.timeMillis() - T0) / MIN)
                .containsExactly("cart A->B @30", "cart B->A @60", "payments 2.13.0->2.14.0 @60");
        assertThat(deploys).allSatisfy(d -> assertThat(d.precisionMillis()).isEqualTo(15_000));
    }

    @Test
    void openTelemetryServiceVersionOnTargetInfo() {
        FakeFleet f = new FakeFleet();
        f.gauge(1, T0, T0 + 50 * MIN - 15_000, "__name__", "target_info", "job", "shop/cart", "instance", "i-1",
                "service_name", "cart", "service_version", "3.1.0");
        f.gauge(1, T0 + 50 * MIN, END, "__name__", "target_info", "job", "shop/cart", "instance", "i-2",
                "service_name", "cart", "service_version", "3.2.0");
        DeploySignals s = FakeFleet.bindings(f).deploys().orElseThrow();
        assertThat(s.signals().getFirst().versionLabel()).isEqualTo("service_version");
        assertThat(detect(f).deploys()).singleElement().satisfies(d -> {
            assertThat(d.service()).isEqualTo("cart");
            assertThat(d.newVersion()).isEqualTo("3.2.0");
            assertThat(d.timeMillis()).as("the first step that sees it: known to within the step")
                    .isBetween(T0 + 50 * MIN, T0 + 50 * MIN + 14_999);
        });
    }

    @Test
    void aRollingImageChangeIsOneDeployAtTheFirstNewPodAndShowsTheTags() {
        FakeFleet f = new FakeFleet();
        f.gauge(1, T0, T0 + 62 * MIN, "__name__", "kube_pod_container_info", "namespace", "shop", "pod", "api-7d9-a",
                "container", "api", "image", "registry.example:5000/shop/api:1.0.3", "image_id", "sha256:aaa", "container_id", "c1");
        f.gauge(1, T0 + 58 * MIN, END, "__name__", "kube_pod_container_info", "namespace", "shop", "pod", "api-8f1-b",
                "container", "api", "image", "registry.example:5000/shop/api:1.1.0", "image_id", "sha256:bbb", "container_id", "c2");
        f.gauge(1, T0, END, "__name__", "kube_pod_container_info", "namespace", "other", "pod", "api-1",
                "container", "api", "image", "api@sha256:0123456789abcdef0123", "image_id", "sha256:ccc", "container_id", "c3");
        assertThat(detect(f).deploys()).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo(Map.of("namespace", "shop"));
            assertThat(d.oldVersion()).isEqualTo("1.0.3");
            assertThat(d.newVersion()).isEqualTo("1.1.0");
            assertThat(d.timeMillis()).isBetween(T0 + 58 * MIN, T0 + 58 * MIN + 14_999);
        });
    }

    @Test
    void generationStepsAndArgoSyncsAreDeploysWithoutVersions() {
        FakeFleet f = new FakeFleet();
        f.gauge(3, T0, T0 + 70 * MIN - 15_000, "__name__", "kube_deployment_status_observed_generation", "namespace", "shop", "deployment", "web");
        f.gauge(4, T0 + 70 * MIN, END, "__name__", "kube_deployment_status_observed_generation", "namespace", "shop", "deployment", "web");
        String[] app = {"__name__", "argocd_app_sync_total", "name", "web", "namespace", "argocd", "project", "default",
                "dest_server", "https://kubernetes.default.svc"};
        f.gauge(5, T0, T0 + 80 * MIN - 15_000, FakeFleet.with(app, "phase", "Succeeded"));
        f.gauge(6, T0 + 80 * MIN, END, FakeFleet.with(app, "phase", "Succeeded"));
        f.gauge(1, T0, T0 + 90 * MIN - 15_000, FakeFleet.with(app, "phase", "Failed"));
        f.gauge(2, T0 + 90 * MIN, END, FakeFleet.with(app, "phase", "Failed"));
        assertThat(detect(f).deploys()).extracting(d -> d.signal() + " " + d.service() + " " + d.oldVersion() + "->" + d.newVersion()
                        + " @" + (d.timeMillis() - T0) / MIN)
                .containsExactly("GENERATION_STEP web generation 3->generation 4 @70", "SYNC_COUNTER web null->null @80");
    }

    @Test
    void aRestartAloneIsARestartAndOneAtADeployBelongsToIt() {
        FakeFleet f = new FakeFleet();
        f.gauge(1, T0, T0 + 60 * MIN - 15_000, "__name__", "vigia_build_info", "service", "payments", "version", "1");
        f.gauge(1, T0 + 60 * MIN, END, "__name__", "vigia_build_info", "service", "payments", "version", "2");
        double first = (T0 - 3_600_000) / 1000.0;
        double second = (T0 + 60 * MIN - 5_000) / 1000.0;
        double third = (T0 + 100 * MIN - 7_000) / 1000.0;
        String[] l = {"__name__", "process_start_time_seconds", "service", "payments", "instance", "a:8080"};
        f.gauge(first, T0, T0 + 60 * MIN - 15_000, l);
        f.gauge(second, T0 + 60 * MIN, T0 + 100 * MIN - 15_000, l);
        f.gauge(third, T0 + 100 * MIN, END, l);
        DeployDetector.Detection d = detect(f);
        assertThat(d.deploys()).hasSize(1);
        assertThat(d.events()).filteredOn(e -> e instanceof ChangeEvent.Restart).map(e -> (ChangeEvent.Restart) e)
                .extracting(ChangeEvent.Restart::timeMillis, ChangeEvent.Restart::withDeploy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0 + 60 * MIN - 5_000, true),
                        org.assertj.core.groups.Tuple.tuple(T0 + 100 * MIN - 7_000, false));
        assertThat(d.bareRestarts()).singleElement().satisfies(r -> assertThat(r.instance()).isEqualTo("a:8080"));
    }

    /**
     * Found with a real Prometheus scraping a restarted JVM (MicrometerServiceOnPrometheusE2ETest):
     * the new process starts a little after the old one's last scrape, and is first scraped after its
     * start-up, more than two steps later, in the same scrape that brings the new version. The
     * restart keeps the process's own start time (even where the lookback still shows the old start
     * time at steps after it) and belongs to the deploy seen at that scrape.
     */
    @Test
    void aRestartFirstSeenAfterALongStartUpKeepsItsStartTimeAndBelongsToItsDeploy() {
        FakeFleet f = new FakeFleet();
        // payments: down for 45 s, less than the lookback, which carries the old sample over the gap
        f.gauge(1, T0, T0 + 60 * MIN - 45_000, "__name__", "vigia_build_info", "service", "payments", "version", "1");
        f.gauge(1, T0 + 60 * MIN, END, "__name__", "vigia_build_info", "service", "payments", "version", "2");
        String[] p = {"__name__", "process_start_time_seconds", "service", "payments", "instance", "a:8080"};
        f.gauge((T0 - 3_600_000) / 1000.0, T0, T0 + 60 * MIN - 45_000, p);
        f.gauge((T0 + 60 * MIN - 44_000) / 1000.0, T0 + 60 * MIN, END, p);
        // search: down for 10 min, longer than the lookback, and 50 s of start-up before the first scrape
        f.gauge(1, T0, T0 + 30 * MIN, "__name__", "vigia_build_info", "service", "search", "version", "7");
        f.gauge(1, T0 + 40 * MIN, END, "__name__", "vigia_build_info", "service", "search", "version", "8");
        String[] s = {"__name__", "process_start_time_seconds", "service", "search", "instance", "b:8080"};
        f.gauge((T0 - 3_600_000) / 1000.0, T0, T0 + 30 * MIN, s);
        f.gauge((T0 + 40 * MIN - 50_000) / 1000.0, T0 + 40 * MIN, END, s);

        DeployDetector.Detection d = detect(f);
        assertThat(d.deploys()).extracting(ChangeEvent.Deploy::service, ChangeEvent.Deploy::timeMillis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("search", T0 + 40 * MIN + 5_000),
                org.assertj.core.groups.Tuple.tuple("payments", T0 + 60 * MIN + 5_000));
        assertThat(d.events()).filteredOn(e -> e instanceof ChangeEvent.Restart).map(e -> (ChangeEvent.Restart) e)
                .extracting(ChangeEvent.Restart::service, ChangeEvent.Restart::timeMillis, ChangeEvent.Restart::withDeploy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("search", T0 + 40 * MIN - 50_000, true),
                        org.assertj.core.groups.Tuple.tuple("payments", T0 + 60 * MIN - 44_000, true));
        assertThat(d.bareRestarts()).isEmpty();
    }

    @Test
    void aFineStepOverALongRangeIsQueriedInChunksAndLosesNothing() {
        FakeFleet f = new FakeFleet();
        long deployAt = T0 + 7_001_000; // in the second chunk of 10,000 one-second steps, off the scrape grid
        f.gauge(1, T0, deployAt - 1_000, "__name__", "vigia_build_info", "service", "api", "version", "1");
        f.store.append(io.vigia.persistence.series.Labels.of("__name__", "vigia_build_info", "service", "api", "version", "2"), deployAt, 1);
        f.gauge(1, deployAt + 14_000, END, "__name__", "vigia_build_info", "service", "api", "version", "2");
        DeploySignals s = FakeFleet.bindings(f).deploys().orElseThrow();
        DeployDetector.Detection d = new DeployDetector(f.source).detect(s, null, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 5 * 3_600_000L), Duration.ofSeconds(1));
        assertThat(d.deploys()).singleElement().satisfies(dep -> {
            assertThat(dep.timeMillis()).isEqualTo(deployAt);
            assertThat(dep.precisionMillis()).isEqualTo(1_000);
        });
    }

    private static DeployDetector.Detection detect(FakeFleet f) {
        SourceBindings b = FakeFleet.bindings(f);
        DeployDetector.Detection d = new DeployDetector(f.source).detect(b.deploys().orElseThrow(), b.restarts().orElse(null),
                Instant.ofEpochMilli(T0), Instant.ofEpochMilli(END), Duration.ofSeconds(15));
        assertThat(d.problems()).isEmpty();
        return d;
    }
}
