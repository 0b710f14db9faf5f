package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Missing days through the real embedded engine: hourly samples and daily imports, with holes. */
class DataGapsTest {
    private static final LocalDate D0 = LocalDate.of(2026, 11, 2); // a Monday

    private static long at(LocalDate d, int hour) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + hour * 3_600_000L;
    }

    private static TimeRange range(LocalDate from, LocalDate toExclusive) {
        return new TimeRange(Instant.ofEpochMilli(at(from, 0)), Instant.ofEpochMilli(at(toExclusive, 0)));
    }

    @Test
    void hourlyDataWithAMissingWeekendAndAMissingWednesdayGivesTwoGreyRegions() throws Exception {
        InMemorySeriesReader reader = new InMemorySeriesReader();
        Set<LocalDate> missing = Set.of(D0.plusDays(2), D0.plusDays(5), D0.plusDays(6));
        double v = 0;
        // data starts on day 1 and ends on day 9: day 0 and day 10 are outside the data, not gaps
        for (LocalDate d = D0.plusDays(1); d.isBefore(D0.plusDays(10)); d = d.plusDays(1)) {
            for (int h = 0; h < 24; h++) {
                if (!missing.contains(d)) {
                    reader.append(Labels.of("__name__", "shown_total", "team", "a"), at(d, h), v += 10);
                }
            }
        }
        List<DataGaps.Gap> gaps = DataGaps.find(new LocalPromqlSource("local", reader), "shown_total", range(D0, D0.plusDays(11)));
        assertThat(gaps).containsExactly(new DataGaps.Gap(D0.plusDays(2), D0.plusDays(2)),
                new DataGaps.Gap(D0.plusDays(5), D0.plusDays(6)));
        assertThat(gaps.get(0).text()).isEqualTo("No data Wed 4 Nov (1 day, UTC): totals and rates leave it out");
        assertThat(gaps.get(1).text()).isEqualTo("No data Sat 7 Nov \u2013 Sun 8 Nov (2 days, UTC, weekend): totals and rates leave it out");
        List<Annotation> regions = DataGaps.annotations(gaps);
        assertThat(regions).allMatch(Annotation::isRegion);
        assertThat(regions.get(1).ts()).isEqualTo(at(D0.plusDays(5), 0));
        assertThat(regions.get(1).endTs()).isEqualTo(at(D0.plusDays(7), 0));
    }

    @Test
    void oneSampleAtEachUtcMidnightAsImportedCopilotDaysHaveItIsEnoughAndTheHoleIsFound() throws Exception {
        InMemorySeriesReader reader = new InMemorySeriesReader();
        for (int i = 0; i < 8; i++) {
            if (i != 3) {
                reader.append(Labels.of("__name__", "shown_total"), at(D0.plusDays(i), 0), 100.0 * i);
            }
        }
        List<DataGaps.Gap> gaps = DataGaps.find(new LocalPromqlSource("local", reader), "shown_total", range(D0, D0.plusDays(8)));
        assertThat(gaps).containsExactly(new DataGaps.Gap(D0.plusDays(3), D0.plusDays(3)));
    }

    @Test
    void noDataAtAllIsNotAGapAndABadSelectorIsAnError() throws Exception {
        LocalPromqlSource empty = new LocalPromqlSource("local", new InMemorySeriesReader());
        assertThat(DataGaps.find(empty, "shown_total", range(D0, D0.plusDays(7)))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataGaps.find(empty, "sum(", range(D0, D0.plusDays(7))))
                .isInstanceOf(io.vigia.datasources.api.QueryException.class);
    }
}
