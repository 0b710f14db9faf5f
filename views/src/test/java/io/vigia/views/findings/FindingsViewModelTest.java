package io.vigia.views.findings;

import io.vigia.dashboards.findings.Band;
import io.vigia.dashboards.findings.ChangeEvent;
import io.vigia.dashboards.findings.DashboardLink;
import io.vigia.dashboards.findings.Evidence;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.findings.Severity;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Findings page's view model without a scene: the span ends at the clock's "now", the finder's
 * result is listed, the selected finding's evidence names its changes and query (hostile text made
 * inert), its dashboard link opens, and a failing source is said, not thrown.
 */
class FindingsViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void runsOverTheSpanEndingNowAndShowsTheSelectedFindingsEvidence() {
        List<TimeRange> asked = new ArrayList<>();
        Finding f = finding("payments\u202E p95 latency");
        List<DashboardLink> opened = new ArrayList<>();
        FindingsViewModel vm = new FindingsViewModel((range, zone) -> {
            asked.add(range);
            return List.of(f);
        }, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, new SameThreadTaskExecutor().scope(), opened::add);
        vm.spanProperty().set(FindingsViewModel.Span.LAST_7_DAYS);
        vm.run();
        assertThat(asked).containsExactly(new TimeRange(NOW.minus(Duration.ofDays(7)), NOW));
        assertThat(vm.findings()).containsExactly(f);
        assertThat(vm.statusProperty().get()).startsWith("1 finding, ");
        assertThat(vm.cause(f)).isEqualTo("deploy payments 2.14.0 (from 2.13.0), 10 minutes before");
        assertThat(vm.canOpenProperty().get()).isFalse();

        vm.selectedProperty().set(f);
        assertThat(vm.evidenceProperty().get()).contains("WARNING (score 90 of 100)", "deploy payments 2.14.0 (from 2.13.0), 10 minutes before",
                "Query: histogram_quantile(0.95, x)", "Dashboard: service-latency").doesNotContain("\u202E");
        assertThat(vm.canOpenProperty().get()).isTrue();
        assertThat(vm.hasChartProperty().get()).as("a series is charted against its band").isTrue();
        vm.selectedProperty().set(new Finding("security-risk", Severity.INFO, 30, "risk", "risk", NOW, NOW, false,
                new Evidence.SastFindings("payments", List.of()), null, List.of()));
        assertThat(vm.hasChartProperty().get()).as("SAST findings are words only").isFalse();
        vm.selectedProperty().set(f);
        vm.openSelected();
        assertThat(opened).containsExactly(f.link());
    }

    @Test
    void whatTheSourceCannotFeedIsSaidBesideAQuietList() {
        FindingsViewModel vm = new FindingsViewModel(new FindingsViewModel.Finder() {
            @Override
            public List<Finding> find(TimeRange range, java.time.ZoneId zone) {
                return List.of();
            }

            @Override
            public List<String> notWatched() {
                return List.of("p95 latency: needs a request-latency histogram (not probed yet)");
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, new SameThreadTaskExecutor().scope(), l -> { });
        vm.run();
        assertThat(vm.statusProperty().get()).startsWith("No finding: ")
                .endsWith(" Not watched on this source: p95 latency: needs a request-latency histogram (not probed yet).");
    }

    @Test
    void aFailingSourceIsSaidInTheStatus() {
        FindingsViewModel vm = new FindingsViewModel((range, zone) -> {
            throw new IllegalStateException("connection refused");
        }, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, new SameThreadTaskExecutor().scope(), l -> { });
        vm.run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Could not look for findings: connection refused");
    }

    private static Finding finding(String title) {
        Instant start = NOW.minus(Duration.ofHours(30));
        Band band = new Band(new long[] {start.toEpochMilli()}, new double[] {2}, new double[] {0.1}, new double[] {0.5},
                new double[] {1});
        return new Finding("anomaly:latency-p95", Severity.WARNING, 90, title, title + " above its usual band", start,
                start.plus(Duration.ofHours(20)), false,
                new Evidence.SeriesBand("histogram_quantile(0.95, x)", "payments", "s", start, start.plus(Duration.ofHours(26)), band),
                new DashboardLink("service-latency", start, start.plus(Duration.ofHours(26))),
                List.of(new Finding.Cause(ChangeEvent.deploy(start.toEpochMilli() - 600_000, "payments", "2.13.0", "2.14.0"), 600_000)));
    }
}
