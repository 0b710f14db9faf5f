package io.vigia.dashboards.query;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dashboard's data span comes from the series its prepared queries read, per source. */
class DataSpanFinderTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final PanelRequest LAST_WEEK = PanelRequest.of(new TimeRange(NOW.minus(Duration.ofDays(7)), NOW), 1000, Map.of(), Map.of());

    @Test
    void findsTheSeriesReadThroughMacrosAndJoinsTheSources() {
        InMemorySeriesReader local = new InMemorySeriesReader();
        // read only by a stat tile, through [$__range]: the macro is expanded before the query is read
        Labels lines = Labels.of("__name__", "vigia_copilot_lines_accepted_total", "team", "a");
        local.append(lines, Instant.parse("2025-03-02T00:00:00Z").toEpochMilli(), 1);
        local.append(lines, Instant.parse("2025-04-30T23:00:00Z").toEpochMilli(), 2);
        local.append(Labels.of("__name__", "unrelated"), NOW.toEpochMilli(), 1);
        InMemorySeriesReader other = new InMemorySeriesReader();
        other.append(Labels.of("__name__", "vigia_copilot_active_users", "team", "a"), Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), 3);
        List<String> asked = new ArrayList<>();
        MetricsSource a = new LocalPromqlSource("local", local);
        MetricsSource b = new LocalPromqlSource("other", other);
        DataSpanFinder finder = new DataSpanFinder(name -> {
            asked.add(name);
            return name.equals("other") ? b : a;
        }, QueryPreparation.EXPAND, Duration.ofSeconds(15));

        var health = BuiltInDashboards.copilotHealth();
        assertThat(finder.find(health, LAST_WEEK, NOW)).contains(new TimeRange(Instant.parse("2025-03-02T00:00:00Z"),
                Instant.parse("2025-04-30T23:00:00Z")));
        assertThat(asked).as("one request per source, not per query").containsExactly("");

        // the same dashboard with its panels read from a second source as well
        var both = health.withPanels(health.panels().stream()
                .map(p -> p.title().equals("Active users") ? p.withQueries(p.queries().stream().map(q -> new Query(q.refId(), "other", q.language(), q.expr(), q.legendFormat(), q.instant(), q.hidden(), q.minInterval())).toList()) : p)
                .toList());
        assertThat(finder.find(both, LAST_WEEK, NOW)).contains(new TimeRange(Instant.parse("2025-03-02T00:00:00Z"),
                Instant.parse("2025-06-01T00:00:00Z")));
    }

    @Test
    void nothingAnywhereIsEmpty() {
        DataSpanFinder finder = new DataSpanFinder(name -> new LocalPromqlSource("local", new InMemorySeriesReader()),
                QueryPreparation.EXPAND, Duration.ofSeconds(15));
        assertThat(finder.find(BuiltInDashboards.serviceLatency(), LAST_WEEK, NOW)).isEmpty();
    }
}
