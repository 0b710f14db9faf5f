package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Annotations from a PromQL query, as Grafana's Prometheus data source makes them: each run of
 * consecutive steps where a series is non-zero becomes one annotation (a point, or a region when
 * it lasts), titled by the source's title format ({@code {{label}}} filled from the series).
 */
public final class QueryAnnotations {
    private QueryAnnotations() {
    }

    public static List<Annotation> find(MetricsSource source, AnnotationSource a, TimeRange range, Duration step) throws QueryException {
        QueryResult r = source.queryRange(a.expr(), range.from(), range.to(), step).result();
        List<Annotation> out = new ArrayList<>();
        if (!(r instanceof QueryResult.Matrix m)) {
            return out;
        }
        var color = PanelPainter.color(a.color().isBlank() ? "blue" : a.color());
        long stepMs = step.toMillis();
        for (QueryResult.RangeSeries s : m.series()) {
            String title = a.titleFormat().isBlank() ? a.name() : LegendFormat.apply(a.titleFormat(), s.labels());
            long[] ts = s.timestamps();
            double[] vs = s.values();
            int i = 0;
            while (i < ts.length) {
                if (vs[i] == 0 || Double.isNaN(vs[i])) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < ts.length && ts[j + 1] - ts[j] <= stepMs && vs[j + 1] != 0 && !Double.isNaN(vs[j + 1])) {
                    j++;
                }
                out.add(new Annotation(ts[i], ts[j], title, color));
                i = j + 1;
            }
        }
        return out;
    }

    /** At most this many annotations come from one LogQL query (the newest lines). */
    public static final int MAX_LOG_ANNOTATIONS = 200;
    /** Characters of a line kept as the annotation's text. */
    public static final int MAX_TEXT = 300;

    /**
     * Annotations from a LogQL log query, as Grafana's Loki data source makes them: each matching
     * line is a point annotation whose text is the line (inert, cut to {@value #MAX_TEXT}
     * characters), titled by the title format filled from the line's labels; the newest
     * {@value #MAX_LOG_ANNOTATIONS} lines.
     */
    public static List<Annotation> findLogs(io.vigia.datasources.logs.LogsSource source, AnnotationSource a, TimeRange range)
            throws QueryException {
        var r = source.queryLogs(a.expr(), range.from(), range.to(), MAX_LOG_ANNOTATIONS,
                io.vigia.datasources.http.CancellationToken.NONE);
        var color = PanelPainter.color(a.color().isBlank() ? "blue" : a.color());
        List<Annotation> out = new ArrayList<>();
        for (var e : r.entries()) {
            String title = a.titleFormat().isBlank() ? a.name() : LegendFormat.apply(a.titleFormat(), e.labels());
            out.add(new Annotation(e.timestampMillis(), e.timestampMillis(), io.vigia.dashboards.chart.InertText.of(title) + ": "
                    + cut(e.line()), color));
        }
        return out;
    }

    /** The line made inert, cut to {@link #MAX_TEXT} characters before the escapes (a 1 MB line is not copied). */
    static String cut(String line) {
        if (line.length() <= MAX_TEXT) {
            return io.vigia.dashboards.chart.InertText.of(line);
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return io.vigia.dashboards.chart.InertText.of(line.substring(0, end)) + "…";
    }
}
