package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A panel refresh through the real embedded engine, over an in-memory store. */
class PanelDataLoaderTest {
    private static final long T0 = 1_700_000_000_000L;

    private static LocalPromqlSource source() {
        InMemorySeriesReader reader = new InMemorySeriesReader();
        for (String service : List.of("payments", "checkout")) {
            Labels l = Labels.of("__name__", "http_requests_total", "service", service);
            for (int i = 0; i <= 24 * 240; i++) {
                reader.append(l, T0 + i * 15_000L, i * (service.equals("payments") ? 2.0 : 1.0));
            }
        }
        return new LocalPromqlSource("local", reader);
    }

    private static Dashboard dashboard(Panel p) {
        return new Dashboard("d", "D", List.of(), "now-6h", "now", "", List.of(), List.of(p), List.of());
    }

    @Test
    void aPanelOneThousandPixelsWideGetsAboutOnePointPerPixelNamedByItsLegend() {
        Panel p = Panel.of(1, PanelType.TIME_SERIES, "Requests", new GridPos(0, 0, 12, 8),
                List.of(Query.promql("A", "sum by (service) (rate(http_requests_total[$__rate_interval]))", "{{service}}")),
                FieldConfig.DEFAULT);
        TimeRange range = new TimeRange(Instant.ofEpochMilli(T0 + 3_600_000L), Instant.ofEpochMilli(T0 + 7 * 3_600_000L));
        PanelData data = new PanelDataLoader(name -> source(), Duration.ofSeconds(15)).load(dashboard(p), p, range, 1000, Map.of(), Map.of());
        assertThat(data.errors()).isEmpty();
        assertThat(data.step()).isEqualTo(Duration.ofSeconds(20)); // 6 h / 1000 px = 21.6 s, rounded as Grafana does
        assertThat(data.series()).extracting(TimeSeriesData::name).containsExactlyInAnyOrder("payments", "checkout");
        TimeSeriesData payments = data.series().stream().filter(s -> s.name().equals("payments")).findFirst().orElseThrow();
        assertThat(payments.ts().length).isBetween(1000, 1100);
        assertThat(payments.values()[10]).isCloseTo(2.0 / 15, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTimeShiftedPanelShowsLastDaysDataOnTodaysAxisAndBadQueriesAreReportedNotThrown() {
        Panel p = Panel.of(1, PanelType.TIME_SERIES, "Yesterday", new GridPos(0, 0, 12, 8),
                List.of(Query.promql("A", "http_requests_total{service=\"payments\"}", ""),
                        Query.promql("B", "rate(", ""),
                        new Query("C", "", QueryLanguage.LOGQL, "{app=\"x\"}", "", false, false, "")),
                FieldConfig.DEFAULT).withTimeShift("6h");
        TimeRange range = new TimeRange(Instant.ofEpochMilli(T0 + 12 * 3_600_000L), Instant.ofEpochMilli(T0 + 13 * 3_600_000L));
        PanelData data = new PanelDataLoader(name -> source(), Duration.ofSeconds(15)).load(dashboard(p), p, range, 240, Map.of(), Map.of());
        TimeSeriesData s = data.series().getFirst();
        // the start is aligned down to a multiple of the step (as Grafana does), at most one step early
        assertThat(s.ts()[0]).isBetween(range.from().toEpochMilli() - data.step().toMillis(), range.from().toEpochMilli());
        // the value shown at 12:00 is the counter as it was at 06:00
        assertThat(s.values()[0]).isCloseTo((6 * 240) * 2.0, org.assertj.core.data.Offset.offset(2.0 * 240));
        assertThat(data.errors()).hasSize(2);
        assertThat(data.errors().get(0)).startsWith("B: 1:6: parse error");
        assertThat(data.errors().get(1)).startsWith("C: LogQL");
    }
}
