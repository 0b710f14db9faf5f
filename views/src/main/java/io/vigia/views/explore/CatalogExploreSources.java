package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.sources.DataSourceCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Explore's sources from the workspace's catalog; one Loki client per Loki source and its current settings. */
public final class CatalogExploreSources implements ExploreSources {
    private final DataSourceCatalog catalog;
    private final SecretResolver secrets;
    private final Map<String, Loki> loki = new ConcurrentHashMap<>();

    public CatalogExploreSources(DataSourceCatalog catalog) {
        this.catalog = catalog;
        this.secrets = SecretResolver.withSystemEnvironment(catalog.secrets());
    }

    @Override
    public List<SourceChoice> list() {
        List<SourceChoice> out = new ArrayList<>();
        out.add(new SourceChoice(DataSourceCatalog.LOCAL, QueryLanguage.PROMQL));
        for (DataSourceCatalog.Entry e : catalog.list()) {
            out.add(new SourceChoice(e.name(), e.settings().type() == SourceType.LOKI ? QueryLanguage.LOGQL : QueryLanguage.PROMQL));
        }
        return out;
    }

    @Override
    public MetricsSource metrics(String name) {
        return catalog.metricsSource(name);
    }

    @Override
    public LokiClient logs(String name) {
        ConnectionSettings settings = catalog.find(name)
                .filter(e -> e.settings().type() == SourceType.LOKI)
                .orElseThrow(() -> new IllegalArgumentException("no Loki source named \"" + name + "\""))
                .settings();
        // a source saved again with other settings gets a new client
        Loki current = loki.compute(name, (k, old) -> {
            if (old != null && old.settings.equals(settings)) {
                return old;
            }
            if (old != null) {
                old.client.close();
            }
            return new Loki(settings, new LokiClient(settings, secrets));
        });
        return current.client;
    }

    @Override
    public void close() {
        loki.values().forEach(l -> l.client.close());
        loki.clear();
    }

    private record Loki(ConnectionSettings settings, LokiClient client) {
    }
}
