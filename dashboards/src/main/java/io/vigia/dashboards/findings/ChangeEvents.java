package io.vigia.dashboards.findings;

import io.vigia.dashboards.query.DeployEvents;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.CopilotBinding;
import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The change events of a source, from its telemetry bindings: deploys as the dashboards' markers and
 * Deploy impact find them ({@link DeployEvents}: a version label, an image, a generation or a sync
 * signal that moves), and model changes where a {@code (team, model)} series of the suggestion
 * counters starts after the data began. A series that starts together with the data (or after a
 * gap that ended every series) is not a change.
 */
public final class ChangeEvents {
    /** The label of the model on Vigia's suggestion counters (docs/telemetry.md). */
    static final String MODEL = "model";

    private ChangeEvents() {
    }

    /** Deploys and model changes in {@code range}, by time; {@code null} bindings are read as Vigia's contract. */
    public static List<ChangeEvent> load(MetricsSource source, SourceBindings bindings, TimeRange range, Duration step)
            throws QueryException {
        SourceBindings b = bindings == null ? ContractBindings.of(source.name()) : bindings;
        List<ChangeEvent> out = new ArrayList<>();
        for (DeployMarkers.Deploy d : DeployEvents.find(source, b, range, step).deploys()) {
            if (d.previousVersion() != null) {
                out.add(ChangeEvent.deploy(d.timeMillis(), d.service(), d.previousVersion(), d.version()));
            }
        }
        if (b.copilot().isPresent()) {
            out.addAll(modelChanges(source, b.copilot().get(), range, step));
        }
        out.sort(Comparator.comparingLong(ChangeEvent::timeMillis));
        return out;
    }

    static List<ChangeEvent> modelChanges(MetricsSource source, CopilotBinding c, TimeRange range, Duration step)
            throws QueryException {
        String team = c.teamLabel();
        List<QueryResult.RangeSeries> series = series(source, "count by (" + (team == null ? "" : team + ", ") + MODEL + ") ("
                + c.shown() + ")", range, step);
        long dataStart = series.stream().mapToLong(s -> s.timestamps()[0]).min().orElse(Long.MAX_VALUE);
        List<ChangeEvent> out = new ArrayList<>();
        for (QueryResult.RangeSeries s : series) {
            long start = s.timestamps()[0];
            if (start > dataStart + step.toMillis() && !restartedAll(series, start, step.toMillis())) {
                out.add(new ChangeEvent(start, ChangeEvent.Kind.MODEL_CHANGE, team == null ? null : s.labels().get(team), null,
                        s.labels().get(MODEL)));
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
