package io.vigia.app.cli;

import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.store.BindingService;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.datasources.remote.Authentication;
import io.vigia.datasources.remote.ConnectionSettings;
import io.vigia.datasources.remote.ConnectionSettingsJson;
import io.vigia.datasources.remote.ConnectionTestResult;
import io.vigia.datasources.remote.GrafanaProvisioningImporter;
import io.vigia.datasources.remote.HeaderSetting;
import io.vigia.datasources.remote.InMemorySecretStore;
import io.vigia.datasources.remote.KeyringSecretStore;
import io.vigia.datasources.remote.SecretStore;
import io.vigia.datasources.remote.PemSource;
import io.vigia.datasources.remote.SecretRef;
import io.vigia.datasources.remote.SecretResolver;
import io.vigia.datasources.remote.SourceType;
import io.vigia.datasources.remote.TlsSettings;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigia sources list|add|test|import-grafana}: remote Prometheus-compatible and Loki
 * servers. Secrets are never given on the command line (they would end in the shell history)
 * nor stored: the settings name an environment variable that holds them.
 */
@Command(name = "sources", description = "Remote Prometheus-compatible and Loki data sources.",
        subcommands = {SourcesCommand.ListSources.class, SourcesCommand.AddSource.class, SourcesCommand.TestSource.class,
                SourcesInspect.class, SourcesCommand.ImportGrafana.class})
final class SourcesCommand extends WorkspaceCommand {

    static ConnectionTestResult test(ConnectionSettings settings, SecretStore store) {
        return DataSourceCatalog.test(settings, SecretResolver.withSystemEnvironment(store));
    }

    static String describe(ConnectionTestResult r) {
        return switch (r) {
            case ConnectionTestResult.Success s -> "OK: " + s.message();
            // no kind: the server answered with an API error (e.g. a Prometheus-format 401 body)
            case ConnectionTestResult.Failure f -> "FAILED (" + (f.kind() == null ? "api error" : f.kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')) + "): " + f.message();
        };
    }

    @Command(name = "list", description = "List the data sources of the workspace.")
    static final class ListSources extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = openWorkspace()) {
                var all = new DataSourceRepository(ws).list();
                out.printf("%-24s %-11s %-8s %s%n", "NAME", "TYPE", "DEFAULT", "URL");
                out.printf("%-24s %-11s %-8s %s%n", "local", "prometheus", all.stream().noneMatch(s -> s.isDefault() && s.kind().equals("prometheus")) ? "yes" : "",
                        "(the workspace's own store: " + ws.file() + ")");
                for (var s : all) {
                    out.printf("%-24s %-11s %-8s %s%n", s.name(), s.kind(), s.isDefault() ? "yes" : "", s.url());
                }
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add (or replace) a data source, then test it (\"save & test\").")
    static final class AddSource extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--url", required = true, description = "Base URL, e.g. http://prometheus:9090 or https://mimir.example/prometheus")
        URI url;

        @Option(names = "--type", defaultValue = "prometheus", description = "prometheus (also Mimir, Thanos, VictoriaMetrics) or loki")
        String type;

        @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "Environment variable holding a bearer token.")
        String bearerEnv;

        @Option(names = "--basic-user", paramLabel = "USER")
        String basicUser;

        @Option(names = "--basic-password-env", paramLabel = "VAR", description = "Environment variable holding the basic-auth password.")
        String basicPasswordEnv;

        @Option(names = "--password-stdin", description = "Read the basic-auth password from standard input and keep it in the OS keyring.")
        boolean passwordStdin;

        @Option(names = "--bearer-token-stdin", description = "Read a bearer token from standard input and keep it in the OS keyring.")
        boolean bearerStdin;

        @Option(names = "--header", paramLabel = "NAME=VALUE", description = "A header sent with every request, e.g. X-Scope-OrgID=tenant-1.")
        List<String> headers = new ArrayList<>();

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA (PEM) for the server's certificate.")
        Path caFile;

        @Option(names = "--insecure-skip-verify", description = "Do not verify the server's TLS certificate (not recommended).")
        boolean insecure;

        @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS")
        int timeoutSeconds;

        @Option(names = "--default", description = "Make it the default source of its type.")
        boolean makeDefault;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SourceType t;
            try {
                t = SourceType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("vigia: unknown type \"" + type + "\"; use prometheus or loki");
                return 2;
            }
            if (url.getScheme() == null || !url.getScheme().matches("https?")) {
                err.println("vigia: the URL must start with http:// or https://");
                return 2;
            }
            ConnectionSettings s = ConnectionSettings.of(t, url.toString()).withName(name)
                    .withTimeout(Duration.ofSeconds(timeoutSeconds));
            SecretStore store = null;
            if (bearerStdin || passwordStdin) {
                store = KeyringSecretStore.open().orElse(null);
                if (store == null) {
                    err.println("vigia: no OS keyring answers (Secret Service, Keychain or Credential Manager), so the "
                            + "secret cannot be kept; name an environment variable instead (--bearer-token-env or --basic-password-env)");
                    return 2;
                }
            }
            if (bearerStdin) {
                String key = "datasource/" + name + "/token";
                store.put(key, readSecret(System.in));
                s = s.withAuth(new Authentication.Bearer(new SecretRef.StoreKey(key)));
            } else if (bearerEnv != null) {
                s = s.withAuth(new Authentication.Bearer(new SecretRef.EnvVar(bearerEnv)));
            } else if (basicUser != null) {
                if (passwordStdin) {
                    String key = "datasource/" + name + "/password";
                    store.put(key, readSecret(System.in));
                    s = s.withAuth(new Authentication.Basic(basicUser, new SecretRef.StoreKey(key)));
                } else if (basicPasswordEnv != null) {
                    s = s.withAuth(new Authentication.Basic(basicUser, new SecretRef.EnvVar(basicPasswordEnv)));
                } else {
                    err.println("vigia: --basic-user needs --password-stdin or --basic-password-env VAR "
                            + "(passwords are not taken on the command line)");
                    return 2;
                }
            }
            List<HeaderSetting> hs = new ArrayList<>();
            for (String h : headers) {
                int eq = h.indexOf('=');
                if (eq <= 0) {
                    err.println("vigia: --header takes NAME=VALUE, got \"" + h + "\"");
                    return 2;
                }
                hs.add(HeaderSetting.plain(h.substring(0, eq).strip(), h.substring(eq + 1).strip()));
            }
            s = s.withHeaders(hs);
            if (caFile != null || insecure) {
                s = s.withTls(new TlsSettings(caFile == null ? null : new PemSource.File(caFile), null, insecure));
            }
            if (insecure) {
                err.println("WARNING: TLS certificate verification is OFF for " + name
                        + ": anyone on the network path can read and change what Vigia receives.");
            }
            try (Workspace ws = openWorkspace()) {
                new DataSourceRepository(ws).save(name, t.name().toLowerCase(Locale.ROOT), url.toString(),
                        ConnectionSettingsJson.write(s), makeDefault);
                SecretStore secrets = store != null ? store : KeyringSecretStore.openOrMemory();
                ConnectionTestResult r = test(s, secrets);
                out.println("Saved " + name + " (" + t.name().toLowerCase(Locale.ROOT) + ", " + url + "). Test: " + describe(r));
                if (r instanceof ConnectionTestResult.Success && t == SourceType.PROMETHEUS) {
                    probe(ws, s, secrets, out);
                }
                return r instanceof ConnectionTestResult.Success ? 0 : 1;
            }
        }
    }

    /** The short probe summary after a successful add; a failed probe is reported, the source stays saved. */
    private static void probe(Workspace ws, ConnectionSettings s, SecretStore secrets, PrintWriter out) {
        try {
            BindingService service = new BindingService(new BindingProber(ConventionCatalog.standard()),
                    new BindingStore(new TelemetryBindingRepository(ws)));
            BindingReport.summary(SourcesInspect.probe(service, s, secrets, ProbeWindow.DEFAULT, null), out);
        } catch (RuntimeException e) {
            out.println("Probe failed (the source is saved; try: vigia sources inspect " + s.name() + "): " + e.getMessage());
        }
    }

    @Command(name = "test", description = "Test a data source: the server's version, or exactly what failed.")
    static final class TestSource extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Workspace ws = openWorkspace()) {
                var stored = new DataSourceRepository(ws).find(name);
                if (stored.isEmpty()) {
                    spec.commandLine().getErr().println("vigia: no data source \"" + name + "\" (see: vigia sources list)");
                    return 2;
                }
                ConnectionTestResult r = test(ConnectionSettingsJson.read(stored.get().settings()), KeyringSecretStore.openOrMemory());
                spec.commandLine().getOut().println(name + ": " + describe(r));
                return r instanceof ConnectionTestResult.Success ? 0 : 1;
            }
        }
    }

    @Command(name = "import-grafana", description = "Import data sources from a Grafana provisioning YAML file.")
    static final class ImportGrafana extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            SecretStore store = KeyringSecretStore.openOrMemory();
            var result = new GrafanaProvisioningImporter(store, System::getenv).importYaml(Files.readString(file));
            if (store instanceof InMemorySecretStore && result.sources().stream().anyMatch(i -> usesStoredSecret(i.settings()))) {
                spec.commandLine().getErr().println("note: no OS keyring answers, so the file's secureJsonData secrets were "
                        + "not kept; the app asks for them when it starts, or edit the source to name an environment variable");
            }
            try (Workspace ws = openWorkspace()) {
                DataSourceRepository repo = new DataSourceRepository(ws);
                for (var imp : result.sources()) {
                    ConnectionSettings s = imp.settings();
                    repo.save(s.name(), s.type().name().toLowerCase(Locale.ROOT), s.url().toString(), ConnectionSettingsJson.write(s), imp.isDefault());
                    out.println("Imported " + s.name() + " (" + s.url() + ")");
                    imp.notes().forEach(n -> out.println("  note: " + n));
                }
                result.skipped().forEach(sk -> spec.commandLine().getErr().println("skipped: " + sk));
            }
            return 0;
        }
    }

    /** The secret piped on standard input, without the line break a shell's echo adds. */
    static String readSecret(InputStream in) {
        try {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            if (s.isEmpty()) {
                throw new IllegalArgumentException("no secret on standard input");
            }
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the secret from standard input", e);
        }
    }

    private static boolean usesStoredSecret(ConnectionSettings s) {
        return ConnectionSettingsJson.write(s).contains("\"store\"");
    }
}
