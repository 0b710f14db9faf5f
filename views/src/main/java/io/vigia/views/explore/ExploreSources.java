package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;

import java.util.List;

/** The sources Explore queries. Every method may block (the workspace, the network): call off the UI thread. */
public interface ExploreSources extends AutoCloseable {
    /** The local store first, then the saved Prometheus-compatible and Loki sources. */
    List<SourceChoice> list();

    MetricsSource metrics(String name);

    /** The Loki client of a saved Loki source; owned by this object, closed with it. */
    LokiClient logs(String name);

    @Override
    void close();
}
