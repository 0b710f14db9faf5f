package io.vigia.dashboards.grafana;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The Kubernetes-style resource Grafana's dashboard API and exports use since 12.2:
 * {@code apiVersion} ({@code dashboard.grafana.app/v1beta1} around a classic spec,
 * {@code dashboard.grafana.app/v2*} around a schema v2 spec), {@code kind: Dashboard},
 * {@code metadata} (its {@code name} is the dashboard's uid) and {@code spec}. Grafana 13.0.1
 * writes {@code dashboard.grafana.app/v2} when it saves a v2 dashboard.
 */
final class GrafanaResource {
    static final String GROUP = "dashboard.grafana.app/";
    static final String V2 = GROUP + "v2";

    private GrafanaResource() {
    }

    /** A resource's spec, the uid its metadata names, and whether the spec is schema v2. */
    record Unwrapped(JsonNode spec, String uid, boolean v2) {
    }

    /** The resource inside {@code root}, when it is one. */
    static Optional<Unwrapped> unwrap(JsonNode root) {
        String apiVersion = root.path("apiVersion").asString("");
        if (!apiVersion.startsWith(GROUP)) {
            return Optional.empty();
        }
        String kind = root.path("kind").asString("");
        if (!kind.equals("Dashboard")) {
            throw new GrafanaFormatException("not a Grafana dashboard: the resource " + apiVersion + " is of kind \"" + kind + "\"");
        }
        JsonNode spec = root.path("spec");
        if (!spec.isObject()) {
            throw new GrafanaFormatException("not a Grafana dashboard: the " + apiVersion + " resource has no \"spec\" object");
        }
        String uid = root.path("metadata").path("name").asString("");
        return Optional.of(new Unwrapped(spec, uid, apiVersion.startsWith(GROUP + "v2") || isV2Spec(spec)));
    }

    /** A bare schema v2 spec: {@code elements} and a {@code layout}. */
    static boolean isV2Spec(JsonNode spec) {
        return spec.path("elements").isObject() && spec.path("layout").isObject();
    }

    static ObjectNode wrap(JsonNode spec, String uid) {
        ObjectNode r = GrafanaJson.object();
        r.put("apiVersion", V2);
        r.put("kind", "Dashboard");
        r.putObject("metadata").put("name", uid);
        r.set("spec", spec);
        return r;
    }
}
