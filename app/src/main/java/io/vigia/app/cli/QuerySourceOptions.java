package io.vigia.app.cli;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.remote.Authentication;
import io.vigia.datasources.remote.ConnectionSettings;
import io.vigia.datasources.remote.ConnectionSettingsJson;
import io.vigia.datasources.remote.InMemorySecretStore;
import io.vigia.datasources.remote.SecretRef;
import io.vigia.datasources.remote.SecretResolver;
import io.vigia.datasources.remote.SourceType;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Option;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

/** {@code --source}: the workspace's store (default), a saved data source, or a URL. */
final class QuerySourceOptions {
    @Option(names = "--source", paramLabel = "NAME|URL", defaultValue = "local",
            description = "local (the workspace store, default), a data source added with `vigia sources add`, "
                    + "or the URL of a Prometheus-compatible server.")
    String source;

    @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "With a URL: environment variable holding a bearer token.")
    String bearerEnv;

    @Option(names = "--enable-feature", paramLabel = "NAME[,NAME...]",
            description = "Local engine only: PromQL features to turn on, named as Prometheus's --enable-feature "
                    + "takes them: promql-experimental-functions, promql-extended-range-selectors, "
                    + "promql-binop-fill-modifiers, promql-delayed-name-removal, type-and-unit-labels, "
                    + "use-start-timestamps (promql-duration-expr is on by default, as in Prometheus).")
    List<String> features = new ArrayList<>();

    /** An open source and what to close after the query. */
    record Opened(MetricsSource source, Closeable closer) implements Closeable {
        @Override
        public void close() throws java.io.IOException {
            closer.close();
        }
    }

    Opened open(Workspace workspace) {
        SecretResolver secrets = SecretResolver.withSystemEnvironment(new InMemorySecretStore());
        PromqlFeatures enabled = PromqlFeatures.parse(features);
        if (source.equals("local")) {
            SqliteSeriesStore store = new SqliteSeriesStore(workspace);
            return new Opened(new LocalPromqlSource("local", store, enabled), store::close);
        }
        if (!features.isEmpty()) {
            throw new IllegalArgumentException("--enable-feature applies to the local engine only; a server's "
                    + "features are set on the server");
        }
        if (source.startsWith("http://") || source.startsWith("https://")) {
            ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, source).withName(source);
            if (bearerEnv != null) {
                s = s.withAuth(new Authentication.Bearer(new SecretRef.EnvVar(bearerEnv)));
            }
            PrometheusClient c = new PrometheusClient(s, secrets);
            return new Opened(c, c::close);
        }
        var stored = new DataSourceRepository(workspace).find(source)
                .orElseThrow(() -> new IllegalArgumentException("no data source \"" + source + "\" (see: vigia sources list)"));
        if (!stored.kind().equals("prometheus")) {
            throw new IllegalArgumentException("data source \"" + source + "\" is " + stored.kind() + ", not PromQL");
        }
        PrometheusClient c = new PrometheusClient(ConnectionSettingsJson.read(stored.settings()), secrets);
        return new Opened(c, c::close);
    }
}
