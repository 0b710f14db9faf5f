package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Today's change events from the telemetry contract (docs/telemetry.md): deploys where a
 * {@code (service, version)} series of {@code vigia_build_info} starts while the service's
 * previous version had just been seen (its old version is the one whose series ends there), and
 * model changes where a {@code (team, model)} series of the suggestion counters starts after the
 * data began. A series that starts together with the data (or after a gap that ended every series)
 * is not a change.
 */
public final class ChangeEvents {
    public static final String BUILD_INFO = "vigia_build_info";
    static final String SHOWN = "vigia_copilot_suggestions_shown_total";

    private ChangeEvents() {
    }

    /** Deploys and model changes in {@code range}, by time. */
    public static List<ChangeEvent> load(MetricsSource source, TimeRange range, Duration step) throws QueryException {
        List<ChangeEvent> out = new ArrayList<>(deploys(source, range, step));
        out.addAll(modelChanges(source, range, step));
        out.sort(Comparator.comparingLong(ChangeEvent::timeMillis));
        return out;
    }

    static List<ChangeEvent> deploys(MetricsSource source, TimeRange range, Duration step) throws QueryException {
        List<QueryResult.RangeSeries> series = series(source, "max by (service, version) (" + BUILD_INFO + ")", range, step);
        List<ChangeEvent> out = new ArrayList<>();
        long gap = 2 * step.toMillis();
        for (QueryResult.RangeSeries s : series) {
            String service = s.labels().get("service");
            long start = s.timestamps()[0];
            String old = null;
            long oldEnd = Long.MIN_VALUE;
            for (QueryResult.RangeSeries o : series) {
                long end = o.timestamps()[o.size() - 1];
                if (o != s && service != null && service.equals(o.labels().get("service")) && end < start
                        && end >= start - gap && end > oldEnd) {
                    old = o.labels().get("version");
                    oldEnd = end;
                }
            }
            if (old != null) {
                out.add(ChangeEvent.deploy(start, service, old, s.labels().get("version")));
            }
        }
        return out;
    }

    static List<ChangeEvent> modelChanges(MetricsSource source, TimeRange range, Duration step) throws QueryException {
        List<QueryResult.RangeSeries> series = series(source, "count by (team, model) (" + SHOWN + ")", range, step);
        long dataStart = series.stream().mapToLong(s -> s.timestamps()[0]).min().orElse(Long.MAX_VALUE);
        List<ChangeEvent> out = new ArrayList<>();
        for (QueryResult.RangeSeries s : series) {
            long start = s.timestamps()[0];
            if (start > dataStart + step.toMillis() && !restartedAll(series, start, step.toMillis())) {
                out.add(new ChangeEvent(start, ChangeEvent.Kind.MODEL_CHANGE, s.labels().get("team"), null, s.labels().get("model")));
            }
        }
        return out;
    }

    /** Whether every series came back at {@code t} after a gap: the exporter was down, nothing changed. */
    private static boolean restartedAll(List<QueryResult.RangeSeries> series, long t, long step) {
        for (QueryResult.RangeSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (s.timestamps()[i] == t) {
                    if (i > 0 && s.timestamps()[i - 1] == t - step) {
                        return false; // this one was there the step before
                    }
                    break;
                }
            }
        }
        return true;
    }

    private static List<QueryResult.RangeSeries> series(MetricsSource source, String expr, TimeRange range, Duration step)
            throws QueryException {
        QueryResult r = source.queryRange(expr, range.from(), range.to(), step).result();
        List<QueryResult.RangeSeries> out = new ArrayList<>();
        if (r instanceof QueryResult.Matrix m) {
            for (QueryResult.RangeSeries s : m.series()) {
                if (s.size() > 0) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
