package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.dashboards.time.TimeRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deploys found in a build-info metric: a deploy is where a {@code (service, version)} series
 * starts inside the range. PromQL's {@code changes()} cannot see it (the value stays 1; the label
 * changes), so the series' first sample is the marker, precise to the query step.
 */
public final class DeployMarkers {
    public static final ChartColor COLOR = ChartColor.hex("#FF780A");

    /** One deploy: when, which service, which version, from which (null when the signal does not say). */
    public record Deploy(long timeMillis, String service, String version, String previousVersion) {
        public Deploy(long timeMillis, String service, String version) {
            this(timeMillis, service, version, null);
        }
    }

    private DeployMarkers() {
    }

    public static List<Deploy> find(MetricsSource source, String metric, TimeRange range, Duration step) throws QueryException {
        QueryResult r = source.queryRange("max by (service, version) (" + metric + ")", range.from(), range.to(), step).result();
        List<Deploy> out = new ArrayList<>();
        if (r instanceof QueryResult.Matrix m) {
            long firstStep = range.from().toEpochMilli() + step.toMillis();
            for (QueryResult.RangeSeries s : m.series()) {
                if (s.size() > 0 && s.timestamps()[0] > firstStep) {
                    out.add(new Deploy(s.timestamps()[0], s.labels().get("service"), s.labels().get("version")));
                }
            }
        }
        out.sort(Comparator.comparingLong(Deploy::timeMillis));
        return out;
    }

    public static List<Annotation> annotations(List<Deploy> deploys) {
        return deploys.stream().map(d -> new Annotation(d.timeMillis(), d.timeMillis(),
                ((d.service() == null ? "" : d.service()) + " " + (d.previousVersion() == null ? "" : d.previousVersion() + " → ")
                        + (d.version() == null ? "" : d.version())).strip(), COLOR)).toList();
    }
}
