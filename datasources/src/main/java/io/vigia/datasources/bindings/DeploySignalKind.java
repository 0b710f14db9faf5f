package io.vigia.datasources.bindings;

/** How a series shows that a service was deployed. */
public enum DeploySignalKind {
    /** A version-like label changes: {@code *_build_info{version}}, {@code target_info{service_version}}. */
    VERSION_LABEL,
    /** The tag of a container image label changes: {@code kube_pod_container_info{image}}. */
    IMAGE_TAG,
    /** A generation counter steps: {@code kube_deployment_status_observed_generation} (a rollout or a scale). */
    GENERATION_STEP,
    /** A sync counter steps: {@code argocd_app_sync_total{phase="Succeeded"}}; no versions known. */
    SYNC_COUNTER
}
