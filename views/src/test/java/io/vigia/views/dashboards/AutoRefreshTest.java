package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto-refresh is periodic work of the task executor: each period refreshes, off and close stop it. */
class AutoRefreshTest {

    @Test
    void eachPeriodRefreshesAndTurningItOffOrClosingStopsIt() {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        DashboardViewModel vm = new DashboardViewModel(BuiltInDashboards.serviceLatency(),
                n -> new LocalPromqlSource("local", new InMemorySeriesReader()), Duration.ofSeconds(15), executor.scope(),
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
        vm.refresh();
        int before = vm.refreshesCompletedProperty().get();

        vm.autoRefresh().everyProperty().set(Duration.ofSeconds(5));
        assertThat(executor.scheduled()).isEqualTo(1);
        executor.tick();
        executor.tick();
        assertThat(vm.refreshesCompletedProperty().get()).isEqualTo(before + 2);

        vm.autoRefresh().everyProperty().set(Duration.ofMinutes(1));
        assertThat(executor.scheduled()).as("a new period replaces the old one").isEqualTo(1);
        vm.autoRefresh().everyProperty().set(Duration.ZERO);
        assertThat(executor.scheduled()).isZero();
        executor.tick();
        assertThat(vm.refreshesCompletedProperty().get()).isEqualTo(before + 2);

        vm.autoRefresh().everyProperty().set(Duration.ofSeconds(10));
        vm.close();
        assertThat(executor.scheduled()).isZero();
    }
}
