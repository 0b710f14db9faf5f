package io.vigia.app.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.app.VigiaVersion;
import io.vigia.datasources.instrument.ClientJavaMetrics;
import io.vigia.datasources.logs.GuardrailEventLogs;
import io.vigia.datasources.serve.ServeSettings;
import io.vigia.datasources.serve.ServedWorkspace;
import io.vigia.datasources.serve.ServerAuth;
import io.vigia.datasources.serve.VigiaApiServer;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * {@code vigia serve}: the workspace as a local, read-only Prometheus data source. The composition
 * root of the server: opens the workspace, makes the metrics registry, reads secrets from the
 * environment and starts {@link VigiaApiServer} until Ctrl+C.
 */
@Command(name = "serve", sortOptions = false,
        description = {
                "Serve the workspace read-only over Prometheus's HTTP API, for Grafana, promtool or a notebook, "
                        + "while the app, `vigia scrape` or imports keep writing to it.",
                "",
                "Endpoints: /api/v1/query, /api/v1/query_range, /api/v1/series, /api/v1/labels, "
                        + "/api/v1/label/NAME/values, /api/v1/metadata, /api/v1/status/buildinfo; "
                        + "/loki/api/v1/query_range (the guardrail events, LogQL subset); /metrics (Vigia's own); "
                        + "/-/healthy and /-/ready. Nothing can be written or deleted through it.",
                "",
                "Listens on loopback only unless --allow-remote is given. A token or password is read from the "
                        + "environment variable you name, never from the command line.",
                "",
                "Examples:",
                "  vigia serve",
                "  promtool query instant http://127.0.0.1:" + ServeSettings.DEFAULT_PORT + " 'up'",
                "  VIGIA_TOKEN=... vigia serve --listen 0.0.0.0:" + ServeSettings.DEFAULT_PORT + " \\",
                "      --allow-remote --bearer-token-env VIGIA_TOKEN",
                ""})
final class ServeCommand extends WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:" + ServeSettings.DEFAULT_PORT,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Option(names = "--allow-remote", description = "Allow an address other than loopback (then set a token or password).")
    boolean allowRemote;

    @Option(names = "--bearer-token-env", paramLabel = "VAR",
            description = "Require `Authorization: Bearer TOKEN`, TOKEN read from environment variable VAR.")
    String bearerTokenEnv;

    @Option(names = "--basic-user", paramLabel = "USER", description = "Require HTTP basic auth as USER (with --basic-password-env).")
    String basicUser;

    @Option(names = "--basic-password-env", paramLabel = "VAR", description = "The basic-auth password, read from environment variable VAR.")
    String basicPasswordEnv;

    @Option(names = "--query-timeout", paramLabel = "D", defaultValue = "2m",
            description = "Longest a query may run, as Prometheus's --query.timeout; a request's timeout= can only "
                    + "shorten it (default: ${DEFAULT-VALUE}).")
    String queryTimeout;

    /** Where environment variables come from; a test sets its own. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeSettings settings;
        try {
            InetSocketAddress address = ListenAddress.parse(listen);
            if (!address.getAddress().isLoopbackAddress() && !allowRemote) {
                err.println("vigia serve: " + listen + " is not a loopback address; add --allow-remote to listen on it "
                        + "(and --bearer-token-env or --basic-user/--basic-password-env to require credentials)");
                return 2;
            }
            ServerAuth auth = auth();
            if (!address.getAddress().isLoopbackAddress() && auth instanceof ServerAuth.None) {
                err.println("vigia serve: warning: listening on " + listen + " without credentials: anyone who can reach "
                        + "it can read the workspace");
            }
            settings = new ServeSettings(address, auth, positive(CliTime.step(queryTimeout)), VigiaVersion.get());
        } catch (IllegalArgumentException e) {
            err.println("vigia serve: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(workspacePath())) {
            // a read-only server has nothing to serve from a file it would have to create
            err.println("vigia serve: no workspace at " + workspacePath() + " (import, scrape or simulate into it first, "
                    + "or choose one with --workspace)");
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        PrometheusRegistry registry = new PrometheusRegistry();
        ClientJavaMetrics metrics = new ClientJavaMetrics(registry, VigiaVersion.get());
        try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws);
             VigiaApiServer server = start(settings, ServedWorkspace.of(store, new GuardrailEventLogs(ws)), registry, metrics, err)) {
            if (server == null) {
                return 1;
            }
            out.println("Serving " + ws.file() + " read-only on " + server.url() + " (Prometheus API under /api/v1, "
                    + "Loki query_range, /metrics); Ctrl+C stops");
            out.flush();
            stop.await();
        }
        return 0;
    }

    private static VigiaApiServer start(ServeSettings settings, ServedWorkspace workspace, PrometheusRegistry registry,
                                        ClientJavaMetrics metrics, PrintWriter err) throws IOException {
        try {
            return VigiaApiServer.start(settings, workspace, registry, metrics, Clock.systemUTC());
        } catch (BindException e) {
            err.println("vigia serve: cannot listen on " + settings.listen() + ": " + e.getMessage()
                    + " (another program uses the port? choose one with --listen)");
            return null;
        }
    }

    private ServerAuth auth() {
        if (bearerTokenEnv != null && (basicUser != null || basicPasswordEnv != null)) {
            throw new IllegalArgumentException("choose either a bearer token or basic auth, not both");
        }
        if (bearerTokenEnv != null) {
            return new ServerAuth.Bearer(secret(bearerTokenEnv, "--bearer-token-env"));
        }
        if (basicUser != null || basicPasswordEnv != null) {
            if (basicUser == null || basicPasswordEnv == null) {
                throw new IllegalArgumentException("basic auth needs both --basic-user and --basic-password-env");
            }
            return new ServerAuth.Basic(basicUser, secret(basicPasswordEnv, "--basic-password-env"));
        }
        return ServerAuth.NONE;
    }

    private String secret(String variable, String option) {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(option + " " + variable + ": the environment variable is not set or empty");
        }
        return value;
    }

    private static Duration positive(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("--query-timeout must be positive");
        }
        return d;
    }
}
