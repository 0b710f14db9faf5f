package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.Names;

import java.util.List;

/** A process start-time gauge: its move is a restart. */
public record RestartConvention(String id, String title, int rank, String metric, List<String> service, String instance,
                                String source) {
    public RestartConvention {
        Entries.require(id, title, source);
        Names.requireMetric(metric);
        service = List.copyOf(service == null ? List.of() : service);
        Names.requireLabel(instance);
    }
}
