package io.vigia.datasources.bindings;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * Where a series' service (or app) name is: a label on the series itself, or a label of an info
 * metric joined on shared labels, as OpenTelemetry's pull exporter leaves it: the scrape job in
 * {@code job}, the service name only on {@code target_info}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "where")
@JsonSubTypes({@JsonSubTypes.Type(value = ServiceLabel.OnSeries.class, name = "series"),
        @JsonSubTypes.Type(value = ServiceLabel.FromInfo.class, name = "info")})
public sealed interface ServiceLabel {

    /** The label that names the service in query results. */
    String label();

    record OnSeries(String label) implements ServiceLabel {
        public OnSeries {
            Names.requireLabel(label);
        }
    }

    /**
     * {@code … * on (joinOn) group_left (label) infoMetric}: the info metric is 1 per target, so the
     * product keeps the value and gains the label.
     */
    record FromInfo(String label, String infoMetric, List<String> joinOn) implements ServiceLabel {
        public FromInfo {
            Names.requireLabel(label);
            Names.requireMetric(infoMetric);
            joinOn = List.copyOf(Objects.requireNonNull(joinOn, "joinOn"));
            if (joinOn.isEmpty()) {
                throw new IllegalArgumentException("an info-metric join needs at least one label to join on");
            }
            joinOn.forEach(Names::requireLabel);
        }
    }
}
