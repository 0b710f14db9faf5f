package io.vigia.views.dashboards;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.dashboards.model.SourceChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link LogSources} from the workspace's catalog. */
public final class CatalogLogSources implements LogSources {
    private final DataSourceCatalog catalog;

    public CatalogLogSources(DataSourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public LogsSource logs(String name) {
        return catalog.logsSource(name);
    }

    @Override
    public List<SourceChoice> choices() {
        List<SourceChoice> out = new ArrayList<>();
        out.add(new SourceChoice(DataSourceCatalog.LOCAL, QueryLanguage.PROMQL));
        for (DataSourceCatalog.Entry e : catalog.list()) {
            out.add(new SourceChoice(e.name(), e.settings().type() == SourceType.LOKI ? QueryLanguage.LOGQL : QueryLanguage.PROMQL));
        }
        return out;
    }

    @Override
    public String defaultName(QueryLanguage language) {
        return language == QueryLanguage.LOGQL ? catalog.defaultLogsName() : catalog.defaultName();
    }

    @Override
    public Optional<String> deployLogsSource() {
        return catalog.deployLogsName();
    }
}
