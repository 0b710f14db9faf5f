package io.vigia.datasources.bindings.deploy;

import io.vigia.datasources.bindings.DeploySignalKind;

import java.util.Map;

/** Something that changed a service at a point in time: a deploy, or a restart. */
public sealed interface ChangeEvent {

    long timeMillis();

    /** The service's name as the signal's label has it; "" when the series names none. */
    String service();

    /**
     * A deploy: the version (or image tag, or generation) of {@code service} moved from
     * {@code oldVersion} to {@code newVersion} at {@code timeMillis}, known to within
     * {@code precisionMillis} (the query step, the scrape interval at best).
     *
     * @param scope      labels that tell same-named services apart (namespace); may be empty
     * @param oldVersion null when the signal carries none (a sync counter)
     * @param newVersion null when the signal carries none
     */
    record Deploy(String service, Map<String, String> scope, String oldVersion, String newVersion, long timeMillis,
                  long precisionMillis, DeploySignalKind signal, String metric) implements ChangeEvent {
        public Deploy {
            scope = Map.copyOf(scope);
        }
    }

    /**
     * A restart: the process start time of an instance moved. {@code withDeploy} when a deploy of
     * the same service happened within two steps of it, i.e. the restart is the deploy's.
     */
    record Restart(String service, String instance, long timeMillis, boolean withDeploy, String metric) implements ChangeEvent {
    }
}
