package io.vigia.app.cli;

import io.vigia.datasources.copilot.CopilotApiException;
import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.datasources.copilot.CopilotSync;
import io.vigia.datasources.copilot.GitHubCopilotClient;
import io.vigia.datasources.copilot.SyncProgress;
import io.vigia.datasources.remote.KeyringSecretStore;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vigia sync copilot}: fetches GitHub's Copilot usage reports (organization or enterprise,
 * users, user-teams, repositories) for every day the API offers that the workspace does not have
 * yet, and the seat list, and stores them with the Copilot Health counters, so history outlives
 * the API's one-year window. Meant to run once a day (cron or Task Scheduler, see README);
 * progress goes to stderr, the summary to stdout.
 */
@Command(name = "sync", description = "Fetch data from remote APIs into the workspace.", subcommands = SyncCommand.Copilot.class)
final class SyncCommand extends WorkspaceCommand {

    @Command(name = "copilot", description = "Fetch GitHub's Copilot usage reports not yet in the workspace (idempotent): "
            + "the whole window GitHub offers (from 2025-10-10, up to a year back) unless --days says less.")
    static final class Copilot extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class Owner {
            @Option(names = "--org", paramLabel = "ORG", required = true, description = "A GitHub organization.")
            String org;

            @Option(names = "--enterprise", paramLabel = "ENTERPRISE", required = true, description = "A GitHub enterprise.")
            String enterprise;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Owner owner;

        @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "GITHUB_TOKEN",
                description = "Environment variable holding a token allowed to read Copilot metrics (default: ${DEFAULT-VALUE}); "
                        + "when it is not set, the token is read from the OS keyring (--token-key).")
        String tokenEnv;

        @Option(names = "--token-key", paramLabel = "KEY", defaultValue = "github/copilot-metrics",
                description = "The OS keyring entry holding the token (default: ${DEFAULT-VALUE}).")
        String tokenKey;

        @Option(names = "--token-stdin", description = "Read the token from standard input and keep it in the OS keyring (--token-key).")
        boolean tokenStdin;

        @Option(names = "--days", paramLabel = "N", description = "Only the last N days up to yesterday (default: every day GitHub offers).")
        Integer days;

        @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "15m",
                description = "The longest rate-limit wait to sit out (default: ${DEFAULT-VALUE}); past it the sync stops, keeping "
                        + "what it fetched.")
        String maxWait;

        @Option(names = "--api-url", defaultValue = "https://api.github.com/", description = "GitHub's API (GitHub Enterprise Server: https://HOST/api/v3/).")
        String apiUrl;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HttpUrl base = HttpUrl.parse(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
            Duration wait;
            try {
                wait = CliTime.step(maxWait);
            } catch (IllegalArgumentException e) {
                err.println("vigia: --max-wait takes a duration such as 90s or 15m");
                return 2;
            }
            if (base == null || (days != null && days < 1)) {
                err.println("vigia: --api-url must be an http(s) URL and --days at least 1");
                return 2;
            }
            Optional<String> token = token(err);
            if (token.isEmpty()) {
                return 2;
            }
            GitHubCopilotClient.Owner who = owner.org != null ? GitHubCopilotClient.Owner.organization(owner.org)
                    : GitHubCopilotClient.Owner.enterprise(owner.enterprise);
            SyncProgress.Listener progress = p -> {
                err.println(p);
                err.flush();
            };
            Clock clock = Clock.systemUTC();
            GitHubCopilotClient client = new GitHubCopilotClient(new OkHttpClient(), base, token.get(), who, clock,
                    new GitHubCopilotClient.Options(wait, 3, d -> Thread.sleep(d.toMillis()),
                            m -> progress.progress(new SyncProgress(SyncProgress.Stage.NOTICE, "", null, 0, 0, m))));
            CopilotSync.Plan plan = days == null ? CopilotSync.Plan.wholeWindow(clock) : CopilotSync.Plan.lastDays(clock, days);
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                CopilotSync.Summary s = new CopilotSync(client, ws, store, clock).sync(plan, progress);
                out.printf("Copilot %s: %d report requests, %d with data, %d empty; %d records added, %d revised, %d unchanged; "
                                + "%d Copilot Health days written%s%n", who.name(), s.requests(), s.reportsStored(), s.reportsEmpty(),
                        s.recordsAdded(), s.recordsRevised(), s.recordsUnchanged(), s.healthDays(),
                        s.seats() >= 0 ? "; " + s.seats() + " seats" : "");
                return 0;
            } catch (CopilotApiException | CopilotFormatException | java.io.UncheckedIOException e) {
                err.println("vigia: " + e.getMessage());
                if (e instanceof CopilotApiException a && a.isRateLimit()) {
                    err.println("vigia: what was fetched before is stored; run the sync again after " + a.retryAt() + " to go on");
                }
                return 1;
            }
        }

        /** The token from the environment variable, else from the OS keyring (after storing one read from stdin). */
        private Optional<String> token(PrintWriter err) {
            if (!tokenStdin) {
                String env = System.getenv(tokenEnv);
                if (env != null && !env.isBlank()) {
                    return Optional.of(env.strip());
                }
            }
            Optional<KeyringSecretStore> keyring = KeyringSecretStore.open();
            try {
                if (tokenStdin) {
                    if (keyring.isEmpty()) {
                        err.println("vigia: no OS keyring answers (Secret Service, Keychain or Credential Manager), so the token "
                                + "cannot be kept; put it in $" + tokenEnv + " instead");
                        return Optional.empty();
                    }
                    String t = SourcesCommand.readSecret(System.in);
                    keyring.get().put(tokenKey, t);
                    return Optional.of(t);
                }
                Optional<String> stored = keyring.flatMap(k -> k.get(tokenKey));
                if (stored.isEmpty()) {
                    err.println("vigia: $" + tokenEnv + " is not set and the OS keyring has no '" + tokenKey + "': put a GitHub "
                            + "token allowed to read Copilot metrics in either (--token-stdin stores one)");
                }
                return stored;
            } finally {
                keyring.ifPresent(KeyringSecretStore::close);
            }
        }
    }
}
