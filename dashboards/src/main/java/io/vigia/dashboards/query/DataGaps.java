package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data-quality markers: whole days without a single sample of a metric, drawn as grey regions on
 * every time panel, so that a dip in a trailing-24 h rate or a flat total is not read as a change
 * in behaviour. Days are UTC days, as GitHub's Copilot metrics count them. Only days between the
 * first and the last day with data in the range count as missing: before the first import or
 * after the last scrape there is nothing to warn about, just no data yet.
 */
public final class DataGaps {
    public static final ChartColor COLOR = ChartColor.hex("#8A8F98");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);

    private DataGaps() {
    }

    /** A run of consecutive UTC days with no sample. */
    public record Gap(LocalDate first, LocalDate last) {
        public long days() {
            return last.toEpochDay() - first.toEpochDay() + 1;
        }

        public boolean weekendOnly() {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    return false;
                }
            }
            return true;
        }

        public String text() {
            String when = days() == 1 ? DAY_FORMAT.format(first) : DAY_FORMAT.format(first) + " \u2013 " + DAY_FORMAT.format(last);
            return "No data " + when + " (" + days() + (days() == 1 ? " day" : " days") + ", UTC"
                    + (weekendOnly() ? ", weekend" : "") + "): totals and rates leave it out";
        }
    }

    /**
     * @param selector the series whose presence is checked, e.g. a Copilot counter
     */
    public static List<Gap> find(MetricsSource source, String selector, TimeRange range) throws QueryException {
        long firstDay = Math.floorDiv(range.from().toEpochMilli(), DAY);
        long lastDay = Math.floorDiv(range.to().toEpochMilli() - 1, DAY);
        if (lastDay < firstDay) {
            return List.of();
        }
        // evaluated at the last millisecond of each day, [1d] covers exactly that UTC day
        Instant start = Instant.ofEpochMilli((firstDay + 1) * DAY - 1);
        Instant end = Instant.ofEpochMilli((lastDay + 1) * DAY - 1);
        QueryResult r = source.queryRange("sum(count_over_time(" + selector + "[1d]))", start, end, Duration.ofDays(1)).result();
        int days = (int) (lastDay - firstDay + 1);
        boolean[] present = new boolean[days];
        if (r instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                for (int i = 0; i < s.size(); i++) {
                    long day = Math.floorDiv(s.timestamps()[i], DAY) - firstDay;
                    if (day >= 0 && day < days && s.values()[i] > 0) {
                        present[(int) day] = true;
                    }
                }
            }
        }
        int from = 0;
        while (from < days && !present[from]) {
            from++;
        }
        int to = days - 1;
        while (to >= 0 && !present[to]) {
            to--;
        }
        List<Gap> gaps = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (!present[i]) {
                int j = i;
                while (j + 1 <= to && !present[j + 1]) {
                    j++;
                }
                gaps.add(new Gap(LocalDate.ofEpochDay(firstDay + i), LocalDate.ofEpochDay(firstDay + j)));
                i = j;
            }
        }
        return gaps;
    }

    /** Grey regions over the missing days. */
    public static List<Annotation> annotations(List<Gap> gaps) {
        return gaps.stream().map(g -> new Annotation(g.first().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                g.last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), g.text(), COLOR)).toList();
    }
}
