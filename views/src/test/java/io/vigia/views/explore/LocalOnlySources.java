package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;

import java.util.List;

/** Explore's sources in tests: one local PromQL source named "local", no Loki. */
public final class LocalOnlySources implements ExploreSources {
    private final MetricsSource local;

    public LocalOnlySources(MetricsSource local) {
        this.local = local;
    }

    @Override
    public List<SourceChoice> list() {
        return List.of(new SourceChoice("local", QueryLanguage.PROMQL));
    }

    @Override
    public MetricsSource metrics(String name) {
        return local;
    }

    @Override
    public LokiClient logs(String name) {
        throw new IllegalArgumentException("no Loki here");
    }

    @Override
    public void close() {
        // nothing held
    }
}
