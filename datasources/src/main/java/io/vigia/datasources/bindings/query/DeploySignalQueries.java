package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.RestartBinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The range queries behind deploy detection: one series per service and version (the version
 * changes) or per service (a counter or generation steps), and per instance for restarts.
 */
public final class DeploySignalQueries {
    private DeploySignalQueries() {
    }

    /** {@code max by (namespace, service, version) (metric{fixed})} and its kin. */
    public static String series(DeploySignal s) {
        List<String> group = new ArrayList<>(s.scope());
        if (s.serviceLabel() != null) {
            group.add(s.serviceLabel());
        }
        if (s.versionLabel() != null) {
            group.add(s.versionLabel());
        }
        String selector = PromqlText.matchers().all(s.fixed()).on(s.metric());
        // A sync counter sums over its other labels (project, dest_server); the others take one value per group.
        String agg = switch (s.kind()) {
            case SYNC_COUNTER -> "sum ";
            case VERSION_LABEL, IMAGE_TAG, GENERATION_STEP -> "max ";
        };
        return agg + PromqlText.by(group) + "(" + selector + ")";
    }

    /** {@code max by (service, instance) (process_start_time_seconds)}. */
    public static String restarts(RestartBinding r) {
        List<String> group = new ArrayList<>();
        if (r.serviceLabel() != null) {
            group.add(r.serviceLabel());
        }
        group.add(r.instanceLabel());
        return "max " + PromqlText.by(group) + "(" + r.metric() + ")";
    }
}
