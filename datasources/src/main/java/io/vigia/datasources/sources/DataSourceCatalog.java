package io.vigia.datasources.sources;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.cache.CachingMetricsSource;
import io.vigia.persistence.workspace.QueryCacheRepository;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.logs.LokiLogsSource;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.remote.Authentication;
import io.vigia.datasources.remote.ConnectionSettings;
import io.vigia.datasources.remote.ConnectionSettingsJson;
import io.vigia.datasources.remote.ConnectionTestResult;
import io.vigia.datasources.remote.SecretRef;
import io.vigia.datasources.remote.SecretResolver;
import io.vigia.datasources.remote.SecretStore;
import io.vigia.datasources.remote.SourceType;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.DataSourceRepository.StoredDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;

/**
 * The workspace's data sources as the app uses them: the local store plus the remote servers saved
 * in the workspace, with their secrets in a {@link SecretStore}. Hands out one shared client per
 * remote source ({@link #metricsSource}), rebuilt when the source is saved again; "" or
 * {@value #LOCAL} names the local store, unless a remote Prometheus is marked the default.
 */
public final class DataSourceCatalog implements AutoCloseable {
    public static final String LOCAL = "local";
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceCatalog.class);

    private final DataSourceRepository repository;
    private final SecretStore secrets;
    private final SecretResolver resolver;
    private final MetricsSource local;
    private final QueryCacheRepository cache;
    private final Clock clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, LokiClient> lokiClients = new ConcurrentHashMap<>();
    private final LogsSource localLogs;
    /** The saved sources as last read; every panel query asks for its source, so the rows are not read each time. */
    private volatile List<Entry> entries;

    /**
     * @param cache where remote results are kept ({@link CachingMetricsSource}); null for no cache
     */
    public DataSourceCatalog(DataSourceRepository repository, SecretStore secrets, MetricsSource local,
                             QueryCacheRepository cache, Clock clock) {
        this(repository, secrets, local, null, cache, clock);
    }

    /**
     * @param localLogs the LogQL subset the workspace answers itself (its guardrail events); null for none
     * @param cache     where remote results are kept ({@link CachingMetricsSource}); null for no cache
     */
    public DataSourceCatalog(DataSourceRepository repository, SecretStore secrets, MetricsSource local, LogsSource localLogs,
                             QueryCacheRepository cache, Clock clock) {
        this.localLogs = localLogs;
        this.repository = repository;
        this.secrets = secrets;
        this.resolver = SecretResolver.withSystemEnvironment(secrets);
        this.local = local;
        this.cache = cache;
        this.clock = clock;
    }

    /** One saved source with what the settings page shows about it. */
    public record Entry(ConnectionSettings settings, boolean isDefault, List<String> missingSecrets) {
        public String name() {
            return settings.name();
        }
    }

    /** The saved remote sources, by name; a row that cannot be read is logged and left out. */
    public List<Entry> list() {
        List<Entry> known = entries;
        if (known == null) {
            known = read();
            entries = known;
        }
        return known;
    }

    private List<Entry> read() {
        List<Entry> out = new ArrayList<>();
        for (StoredDataSource s : repository.list()) {
            try {
                ConnectionSettings settings = ConnectionSettingsJson.read(s.settings()).withName(s.name());
                out.add(new Entry(settings, s.isDefault(), missingSecrets(settings)));
            } catch (RuntimeException e) {
                LOG.warn("data source {} has unreadable settings: {}", s.name(), e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    public Optional<Entry> find(String name) {
        return list().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** The secret store key for a source's password or token. */
    public static String secretKey(String sourceName, String what) {
        return "datasource/" + sourceName + "/" + what;
    }

    /**
     * Saves (or replaces) a source; a secret typed by the user goes to the secret store under the
     * key its settings reference, never into the workspace.
     */
    public void save(ConnectionSettings settings, boolean isDefault, Optional<String> typedSecret) {
        typedSecret.filter(s -> !s.isEmpty()).ifPresent(secret -> storeKey(settings.auth())
                .ifPresent(key -> secrets.put(key, secret)));
        repository.save(settings.name(), settings.type().name().toLowerCase(Locale.ROOT), settings.url().toString(),
                ConnectionSettingsJson.write(settings), isDefault);
        entries = null;
        closeClient(settings.name());
        if (cache != null) {
            cache.clear(settings.name()); // another URL or tenant: what was cached is not this source's
        }
    }

    public void delete(String name) {
        find(name).ifPresent(e -> storeKey(e.settings().auth()).ifPresent(secrets::delete));
        repository.delete(name);
        entries = null;
        closeClient(name);
        if (cache != null) {
            cache.clear(name);
        }
    }

    /** "Save &amp; test": the server's version, or the precise failure. Blocking. */
    public ConnectionTestResult test(ConnectionSettings settings) {
        return test(settings, resolver);
    }

    /** Tests a connection with the client of its type (the CLI's "sources test" too). Blocking. */
    public static ConnectionTestResult test(ConnectionSettings settings, SecretResolver secrets) {
        try {
            if (settings.type() == SourceType.LOKI) {
                try (LokiClient c = new LokiClient(settings, secrets)) {
                    return c.testConnection();
                }
            }
            try (PrometheusClient c = new PrometheusClient(settings, secrets)) {
                return c.testConnection();
            }
        } catch (RuntimeException e) {
            return ConnectionTestResult.failure(e);
        }
    }

    /**
     * The PromQL source for a name: {@value #LOCAL}, a saved Prometheus-compatible source, or ""
     * for the default (the remote Prometheus marked default, else the local store).
     */
    public MetricsSource metricsSource(String name) {
        String wanted = name == null || name.isBlank() ? defaultName() : name;
        if (wanted.equals(LOCAL)) {
            return local;
        }
        Client c = clients.computeIfAbsent(wanted, this::open);
        return c.source;
    }

    /**
     * Declared metric types of a source, for probing its telemetry bindings: the remote server's
     * metadata endpoint, or none for the local store (which keeps no types).
     */
    public MetricTypes metricTypes(String name) {
        String wanted = name == null || name.isBlank() ? defaultName() : name;
        if (wanted.equals(LOCAL)) {
            return MetricTypes.none();
        }
        metricsSource(wanted);
        return MetricTypes.of(clients.get(wanted).client);
    }

    /**
     * The source for a name answering only from the cache, never sending a request; empty for the
     * local store (it answers at once anyway) and when there is no cache.
     */
    public Optional<MetricsSource> cacheOnly(String name) {
        String wanted = name == null || name.isBlank() ? defaultName() : name;
        if (wanted.equals(LOCAL) || cache == null) {
            return Optional.empty();
        }
        return metricsSource(wanted) instanceof CachingMetricsSource c ? Optional.of(c.cacheOnly()) : Optional.empty();
    }

    /** The name "" resolves to. */
    public String defaultName() {
        return list().stream().filter(e -> e.isDefault() && e.settings().type() == SourceType.PROMETHEUS)
                .map(Entry::name).findFirst().orElse(LOCAL);
    }

    /**
     * The LogQL source for a name: {@value #LOCAL} (the workspace's own guardrail events), a saved
     * Loki source, or "" for the default ({@link #defaultLogsName()}).
     *
     * @throws IllegalArgumentException for an unknown name or a source that is not Loki
     */
    public LogsSource logsSource(String name) {
        String wanted = name == null || name.isBlank() ? defaultLogsName() : name;
        if (wanted.equals(LOCAL)) {
            if (localLogs == null) {
                throw new IllegalArgumentException("this workspace answers no log queries itself: add a Loki source");
            }
            return localLogs;
        }
        Entry e = find(wanted).orElseThrow(() -> new IllegalArgumentException("no data source named \"" + wanted + "\""));
        if (e.settings().type() != SourceType.LOKI) {
            throw new IllegalArgumentException("data source \"" + wanted + "\" is " + e.settings().type().name().toLowerCase(Locale.ROOT)
                    + ": LogQL queries need a Loki source");
        }
        return new LokiLogsSource(lokiClients.computeIfAbsent(wanted, n -> new LokiClient(e.settings(), resolver)));
    }

    /** The name "" resolves to for LogQL: a Loki source marked default, else the local logs, else the first Loki source. */
    public String defaultLogsName() {
        List<Entry> loki = list().stream().filter(e -> e.settings().type() == SourceType.LOKI).toList();
        return loki.stream().filter(Entry::isDefault).map(Entry::name).findFirst()
                .orElse(localLogs != null || loki.isEmpty() ? LOCAL : loki.getFirst().name());
    }

    /** Where the deploy flow looks for log lines: a saved Loki source (the default first), else the local logs. */
    public Optional<String> deployLogsName() {
        List<Entry> loki = list().stream().filter(e -> e.settings().type() == SourceType.LOKI)
                .sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault())).toList();
        if (!loki.isEmpty()) {
            return Optional.of(loki.getFirst().name());
        }
        return localLogs == null ? Optional.empty() : Optional.of(LOCAL);
    }

    private Client open(String name) {
        Entry e = find(name).orElseThrow(() -> new IllegalArgumentException("no data source named \"" + name + "\""));
        if (e.settings().type() != SourceType.PROMETHEUS) {
            throw new IllegalArgumentException("data source \"" + name + "\" is " + e.settings().type().name().toLowerCase(Locale.ROOT)
                    + ", not a Prometheus-compatible source");
        }
        PrometheusClient client = new PrometheusClient(e.settings(), resolver);
        return new Client(client, cache == null ? client : new CachingMetricsSource(name, client, cache, clock));
    }

    private List<String> missingSecrets(ConnectionSettings s) {
        List<String> missing = new ArrayList<>();
        refs(s.auth()).forEach(r -> {
            if (resolver.find(r).isEmpty()) {
                missing.add(r.toString());
            }
        });
        return missing;
    }

    private static List<SecretRef> refs(Authentication a) {
        return switch (a) {
            case Authentication.Basic b -> List.of(b.password());
            case Authentication.Bearer b -> List.of(b.token());
            case Authentication.None n -> List.of();
        };
    }

    private static Optional<String> storeKey(Authentication a) {
        return refs(a).stream().filter(r -> r instanceof SecretRef.StoreKey).map(r -> ((SecretRef.StoreKey) r).key()).findFirst();
    }

    private void closeClient(String name) {
        LokiClient loki = lokiClients.remove(name);
        if (loki != null) {
            loki.close();
        }
        Client c = clients.remove(name);
        if (c != null) {
            c.client.close();
        }
    }

    @Override
    public void close() {
        clients.values().forEach(c -> c.client.close());
        clients.clear();
        lokiClients.values().forEach(LokiClient::close);
        lokiClients.clear();
    }

    private record Client(PrometheusClient client, MetricsSource source) {
    }
}
