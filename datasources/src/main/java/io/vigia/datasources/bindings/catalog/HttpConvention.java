package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.Names;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An HTTP (or gRPC) server convention: the latency metric and the labels that may carry the
 * service, route and status, in order of preference.
 *
 * @param latency        the latency metric's base name; null when {@code latencyPattern} is given instead
 * @param latencyPattern a regex over base names, for the name-pattern fallback; the unit then follows the suffix
 * @param requests       a separate request counter, for sources whose histogram has no status label
 * @param selfMonitoring the monitoring system's own API (a Prometheus scraping itself, as its default
 *                       configuration does): its requests are the dashboards' and scrapes', not an
 *                       application's, so it answers only where no application convention does
 */
public record HttpConvention(String id, String title, int rank, String latency, String latencyPattern, DurationUnit unit,
                             Map<String, String> fixed, List<ServiceSpec> service, List<String> route,
                             List<StatusSpec> status, RequestsSpec requests, String note, boolean selfMonitoring,
                             String source) {
    public HttpConvention {
        Entries.require(id, title, source);
        if ((latency == null) == (latencyPattern == null)) {
            throw new IllegalArgumentException(id + ": give exactly one of latency and latencyPattern");
        }
        if (latency != null) {
            Names.requireMetric(latency);
            if (unit == null) {
                throw new IllegalArgumentException(id + ": a latency metric needs its unit");
            }
        } else {
            Pattern.compile(latencyPattern);
        }
        fixed = Map.copyOf(fixed == null ? Map.of() : fixed);
        service = List.copyOf(service == null ? List.of() : service);
        route = List.copyOf(route == null ? List.of() : route);
        route.forEach(Names::requireLabel);
        status = List.copyOf(status == null ? List.of() : status);
    }

    /** A label that may name the service: on the series, or on an info metric joined on {@code joinOn}. */
    public record ServiceSpec(String label, String info, List<String> joinOn) {
        public ServiceSpec {
            Names.requireLabel(label);
            joinOn = List.copyOf(joinOn == null ? List.of() : joinOn);
            if ((info == null) != joinOn.isEmpty()) {
                throw new IllegalArgumentException("an info-metric service label needs the labels to join on, and only then");
            }
        }
    }

    /** A status label and the regex of its server-error values. */
    public record StatusSpec(String label, String errors) {
        public StatusSpec {
            Names.requireLabel(label);
            Pattern.compile(errors);
        }
    }

    /** A request counter apart from the histogram. */
    public record RequestsSpec(String metric, List<StatusSpec> status, List<String> route) {
        public RequestsSpec {
            Names.requireMetric(metric);
            status = List.copyOf(status == null ? List.of() : status);
            route = List.copyOf(route == null ? List.of() : route);
        }
    }
}
