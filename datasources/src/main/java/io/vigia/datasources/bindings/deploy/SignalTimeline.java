package io.vigia.datasources.bindings.deploy;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignalKind;
import io.vigia.datasources.bindings.RestartBinding;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds changes in the result of a deploy-signal range query ({@code DeploySignalQueries}). Pure:
 * the matrix in, the events out.
 */
final class SignalTimeline {
    private SignalTimeline() {
    }

    /** One service: its scope labels and service name, the grouping key of a signal's series. */
    private record ServiceKey(Map<String, String> scope, String service) {
    }

    /**
     * A deploy is a version that appears on a service which had another version at the last step
     * with any data. A service that reappears after a gap with the version it had is not deployed;
     * one first seen inside the range is new, not deployed; a rollback (A, B, A) is two deploys.
     */
    static List<ChangeEvent.Deploy> versions(QueryResult.Matrix m, DeploySignal s, long stepMs) {
        Map<ServiceKey, TreeMap<Long, Set<String>>> byService = new LinkedHashMap<>();
        for (QueryResult.RangeSeries series : m.series()) {
            String version = series.labels().get(s.versionLabel());
            TreeMap<Long, Set<String>> steps = byService.computeIfAbsent(key(series.labels(), s), k -> new TreeMap<>());
            for (int i = 0; i < series.size(); i++) {
                if (!Double.isNaN(series.values()[i])) {
                    steps.computeIfAbsent(series.timestamps()[i], t -> new LinkedHashSet<>()).add(version);
                }
            }
        }
        List<ChangeEvent.Deploy> out = new ArrayList<>();
        byService.forEach((k, steps) -> {
            Set<String> last = Set.of();
            for (Map.Entry<Long, Set<String>> e : steps.entrySet()) {
                Set<String> now = e.getValue();
                for (String v : now) {
                    if (!last.isEmpty() && !last.contains(v)) {
                        out.add(new ChangeEvent.Deploy(k.service(), k.scope(), display(s, replaced(last, now)), display(s, v),
                                e.getKey(), stepMs, s.kind(), s.metric()));
                    }
                }
                last = now;
            }
        });
        return out;
    }

    /**
     * A deploy is a step up of the value (a generation observed, a sync counted). A drop is a
     * counter reset or a recreated object, not a deploy.
     */
    static List<ChangeEvent.Deploy> steps(QueryResult.Matrix m, DeploySignal s, long stepMs) {
        List<ChangeEvent.Deploy> out = new ArrayList<>();
        for (QueryResult.RangeSeries series : m.series()) {
            ServiceKey k = key(series.labels(), s);
            double previous = Double.NaN;
            for (int i = 0; i < series.size(); i++) {
                double v = series.values()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (!Double.isNaN(previous) && v > previous) {
                    boolean generation = s.kind() == DeploySignalKind.GENERATION_STEP;
                    out.add(new ChangeEvent.Deploy(k.service(), k.scope(), generation ? "generation " + fmt(previous) : null,
                            generation ? "generation " + fmt(v) : null, series.timestamps()[i], stepMs, s.kind(), s.metric()));
                }
                previous = v;
            }
        }
        return out;
    }

    /**
     * A restart seen in the result, and the step that first showed the new start time: a deploy's
     * version change is seen at that same step when one scrape brings both.
     */
    record SeenRestart(ChangeEvent.Restart restart, long seenAtMillis) {
    }

    /**
     * A restart is a move of an instance's start time; its time is the new start time itself. The
     * step before the move may lie after the new process started (the lookback still shows the old
     * process's last sample there), so the new start time only has to follow the old one and not
     * lie after the step that saw it; otherwise (clock skew) the restart is put at that step.
     */
    static List<SeenRestart> restarts(QueryResult.Matrix m, RestartBinding r) {
        List<SeenRestart> out = new ArrayList<>();
        for (QueryResult.RangeSeries series : m.series()) {
            String service = r.serviceLabel() == null ? "" : series.labels().get(r.serviceLabel());
            String instance = series.labels().get(r.instanceLabel());
            double previous = Double.NaN;
            for (int i = 0; i < series.size(); i++) {
                double v = series.values()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                long at = series.timestamps()[i];
                if (!Double.isNaN(previous) && v != previous) {
                    long started = Math.round(v * 1000);
                    long time = v > previous && started <= at ? started : at;
                    out.add(new SeenRestart(new ChangeEvent.Restart(service, instance, time, false, r.metric()), at));
                }
                previous = v;
            }
        }
        return out;
    }

    private static ServiceKey key(Labels labels, DeploySignal s) {
        Map<String, String> scope = new TreeMap<>();
        for (String l : s.scope()) {
            scope.put(l, labels.get(l));
        }
        return new ServiceKey(scope, s.serviceLabel() == null ? "" : labels.get(s.serviceLabel()));
    }

    /** The version being replaced: one that is gone now, else any that was there. */
    private static String replaced(Set<String> last, Set<String> now) {
        for (String v : last) {
            if (!now.contains(v)) {
                return v;
            }
        }
        return last.iterator().next();
    }

    private static String display(DeploySignal s, String version) {
        return s.kind() == DeploySignalKind.IMAGE_TAG ? ImageRef.version(version) : version;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
