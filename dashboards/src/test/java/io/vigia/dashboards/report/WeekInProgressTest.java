package io.vigia.dashboards.report;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report for the week still running evaluates instant queries at now, not at the week's end:
 * a gauge such as Copilot Health's "Active users" has no sample after now, and Prometheus's
 * lookback (5 minutes) would find nothing at the end of the week.
 */
class WeekInProgressTest {
    private static final IsoWeek WEEK = new IsoWeek(2026, 48);

    @Test
    void theRunningWeeksActiveUsersAreTheNewestSample() {
        TimeRange week = WEEK.range(ZoneOffset.UTC);
        Instant now = week.from().plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
        InMemorySeriesReader reader = new InMemorySeriesReader();
        for (long t = week.from().minus(Duration.ofDays(7)).toEpochMilli(); t <= now.toEpochMilli(); t += 60_000) {
            reader.append(Labels.of("__name__", "vigia_copilot_active_users", "team", "core"), t, 40);
            reader.append(Labels.of("__name__", "vigia_copilot_active_users", "team", "web"), t, 2);
        }
        Panel activeUsers = BuiltInDashboards.copilotHealth().allPanels().stream()
                .filter(p -> p.title().equals("Active users")).findFirst().orElseThrow();
        Dashboard d = new Dashboard("au", "Active users", List.of(), "now-7d", "now", "", List.of(), List.of(activeUsers), List.of());

        Report r = new ReportBuilder(new LocalPromqlSource("local", reader), Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1))
                .build(d, WEEK, ZoneOffset.UTC);

        assertThat(r.kpis()).singleElement().satisfies(k -> {
            assertThat(k.current()).as("evaluated at now, inside the week").isEqualTo(42.0);
            assertThat(k.previous()).as("the week before, at its end").isEqualTo(42.0);
        });
    }
}
