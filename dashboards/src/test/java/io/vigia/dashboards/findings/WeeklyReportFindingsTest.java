package io.vigia.dashboards.findings;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.report.FindingsSection;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.datasources.simulator.FleetScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly report's Findings section on the simulator's story (seed 42). */
class WeeklyReportFindingsTest {
    @TempDir
    Path dir;

    @Test
    void theWeekOfTheRegressionListsItWithItsDeploy() {
        Instant end = Instant.parse("2026-11-20T12:00:00Z");
        try (SimulatedFleet f = new SimulatedFleet(dir, 42, end, 30, FleetScenario.Story.DEFAULT)) {
            IsoWeek week = IsoWeek.of(LocalDate.ofInstant(Instant.ofEpochMilli(f.scenario.regressionDeploy().timeMillis()),
                    ZoneOffset.UTC));
            ReportBuilder builder = new ReportBuilder(f.source, Clock.fixed(end, ZoneOffset.UTC), SimulatedFleet.INTERVAL);
            Report plain = builder.build(BuiltInDashboards.serviceLatency(), week, ZoneOffset.UTC);
            assertThat(plain.sections()).noneMatch(s -> s.title().equals(FindingsSection.TITLE));

            Report report = builder.withFindings(FindingsSection.DEFAULT).build(BuiltInDashboards.serviceLatency(), week,
                    ZoneOffset.UTC);
            Report.Table table = (Report.Table) report.sections().stream().filter(s -> s.title().equals(FindingsSection.TITLE))
                    .findFirst().orElseThrow();
            assertThat(table.columns()).containsExactly("Severity", "Finding", "From", "To", "Dashboard and range");
            assertThat(table.rows()).anySatisfy(row -> {
                assertThat(row.get(0)).isEqualTo("WARNING");
                assertThat(row.get(1)).contains("payments p95 latency above its usual band", "payments 2.14.0");
                assertThat(row.get(4)).startsWith("service-latency ");
            });
            assertThat(report.problems()).isEmpty();

            // the week before the story's first incident in the analysed data has nothing to report
            IsoWeek quiet = IsoWeek.of(LocalDate.ofInstant(end.minus(Duration.ofDays(15)), ZoneOffset.UTC)).previous();
            Report.Table none = (Report.Table) builder.build(BuiltInDashboards.serviceLatency(), quiet, ZoneOffset.UTC).sections()
                    .stream().filter(s -> s.title().equals(FindingsSection.TITLE)).findFirst().orElseThrow();
            assertThat(none.rows()).isEmpty();
            assertThat(none.note()).startsWith("No finding this week");
        }
    }
}
