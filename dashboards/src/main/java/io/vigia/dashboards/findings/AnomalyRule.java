package io.vigia.dashboards.findings;

import io.vigia.dashboards.query.LegendFormat;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The anomaly rule: one range query per watched series, reaching back far enough for the
 * seasonal baseline ({@code weeksBack} weeks and the neighbouring steps), on a step grid aligned
 * to the epoch so that the same time of earlier weeks falls on whole steps. Each returned series
 * gets its band over the analysed range and its excursions there.
 */
public final class AnomalyRule {
    private AnomalyRule() {
    }

    /** The bands of every series of {@code expr} over {@code range}, for drawing on a panel. */
    public static List<NamedBand> bands(MetricsSource source, String expr, String legendFormat, TimeRange range, Duration step,
                                        BandSettings settings) throws QueryException {
        return bands(source, expr, legendFormat, null, Duration.ZERO, range, step, settings);
    }

    /** As above; where {@code coverage} is given, steps whose trailing {@code window} lacks it have no value. */
    static List<NamedBand> bands(MetricsSource source, String expr, String legendFormat, String coverage, Duration window,
                                 TimeRange range, Duration step, BandSettings settings) throws QueryException {
        long stepMs = step.toMillis();
        long from = Math.floorDiv(range.from().toEpochMilli(), stepMs) * stepMs;
        long historyFrom = from - settings.weeksBack() * SeasonalBand.WEEK_MS - settings.neighbours() * stepMs;
        long to = Math.floorDiv(range.to().toEpochMilli(), stepMs) * stepMs;
        int n = (int) ((to - historyFrom) / stepMs) + 1;
        long[] grid = new long[n];
        for (int i = 0; i < n; i++) {
            grid[i] = historyFrom + i * stepMs;
        }
        int first = (int) ((from - historyFrom) / stepMs);
        QueryResult r = source.queryRange(expr, Instant.ofEpochMilli(historyFrom), Instant.ofEpochMilli(to), step).result();
        boolean[] complete = coverage == null ? null
                : complete(source.queryRange(coverage, Instant.ofEpochMilli(historyFrom), Instant.ofEpochMilli(to), step).result(),
                        historyFrom, stepMs, n, (int) (window.toMillis() / stepMs));
        List<NamedBand> out = new ArrayList<>();
        if (r instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                double[] values = new double[n];
                Arrays.fill(values, Double.NaN);
                for (int i = 0; i < s.size(); i++) {
                    long k = s.timestamps()[i] - historyFrom;
                    if (k >= 0 && k % stepMs == 0 && k / stepMs < n) {
                        values[(int) (k / stepMs)] = s.values()[i];
                    }
                }
                for (int i = 0; complete != null && i < n; i++) {
                    if (!complete[i]) {
                        values[i] = Double.NaN;
                    }
                }
                String name = legendFormat.isEmpty() ? "" : LegendFormat.apply(legendFormat, s.labels());
                out.add(new NamedBand(name, s.labels(), SeasonalBand.compute(grid, values, stepMs, first, settings)));
            }
        }
        return out;
    }

    /** Per grid step: whether the coverage series was present at every step of the trailing {@code steps}. */
    private static boolean[] complete(QueryResult coverage, long gridFrom, long stepMs, int n, int steps) {
        boolean[] present = new boolean[n];
        if (coverage instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                for (long t : s.timestamps()) {
                    long k = t - gridFrom;
                    if (k >= 0 && k % stepMs == 0 && k / stepMs < n) {
                        present[(int) (k / stepMs)] = true;
                    }
                }
            }
        }
        boolean[] out = new boolean[n];
        int missing = 0; // missing steps among the last `steps`
        for (int i = 0; i < n; i++) {
            missing += present[i] ? 0 : 1;
            if (i - steps >= 0 && !present[i - steps]) {
                missing--;
            }
            out[i] = i >= steps - 1 && missing == 0;
        }
        return out;
    }

    /** A band with the series it belongs to. */
    public record NamedBand(String name, io.vigia.persistence.series.Labels labels, Band band) {
    }

    /** The excursions of a watched series over {@code range}, in the direction that matters. */
    public static List<Anomaly> scan(MetricsSource source, WatchedSeries w, TimeRange range, Duration step) throws QueryException {
        List<Anomaly> out = new ArrayList<>();
        for (NamedBand b : bands(source, w.expr(), w.legendFormat(), w.coverage(), w.window(), range, step, w.band())) {
            for (Excursion e : Excursion.find(b.band(), step.toMillis(), w.band())) {
                if (w.direction().accepts(e.above())) {
                    out.add(new Anomaly(w, b.name(), b.labels(), e, b.band(), step.toMillis()));
                }
            }
        }
        return out;
    }
}
