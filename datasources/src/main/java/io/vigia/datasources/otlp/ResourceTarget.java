package io.vigia.datasources.otlp;

import io.opentelemetry.proto.resource.v1.Resource;
import io.vigia.persistence.series.Labels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource as Prometheus target labels. Compatibility spec, "Resource Attributes":
 * {@code service.namespace} and {@code service.name} form {@code job} as
 * {@code <service.namespace>/<service.name>} (or the name alone), {@code service.instance.id} is
 * {@code instance}, and the other resource attributes go to a {@code target_info} gauge of value 1
 * whose labels are those attributes plus {@code job} and {@code instance}.
 *
 * @param attributes every resource attribute as text
 */
record ResourceTarget(String job, String instance, Map<String, String> attributes) {
    static final String SERVICE_NAME = "service.name";
    static final String SERVICE_NAMESPACE = "service.namespace";
    static final String SERVICE_INSTANCE_ID = "service.instance.id";

    static ResourceTarget of(Resource resource) {
        Map<String, String> attrs = Attributes.toMap(resource.getAttributesList());
        String name = attrs.getOrDefault(SERVICE_NAME, "");
        String namespace = attrs.getOrDefault(SERVICE_NAMESPACE, "");
        String job = namespace.isEmpty() ? name : namespace + "/" + name;
        return new ResourceTarget(job, attrs.getOrDefault(SERVICE_INSTANCE_ID, ""), attrs);
    }

    /** The builder for a series of this target: {@code job} and {@code instance} when not empty. */
    Labels.Builder labels(String metricName) {
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, metricName);
        setTarget(b);
        return b;
    }

    /** Sets job and instance last, so that a point attribute of the same name does not replace them. */
    void setTarget(Labels.Builder b) {
        if (!job.isEmpty()) {
            b.set("job", job);
        }
        if (!instance.isEmpty()) {
            b.set("instance", instance);
        }
    }

    /** The {@code target_info} series, or null when the resource has nothing beyond job and instance. */
    Labels targetInfo() {
        Map<String, String> rest = new LinkedHashMap<>(attributes);
        rest.remove(SERVICE_NAME);
        rest.remove(SERVICE_NAMESPACE);
        rest.remove(SERVICE_INSTANCE_ID);
        if (rest.isEmpty()) {
            return null;
        }
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, "target_info");
        Attributes.addLabels(b, rest);
        setTarget(b);
        return b.build();
    }
}
