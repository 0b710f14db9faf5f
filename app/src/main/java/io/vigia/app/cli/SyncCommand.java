package io.vigia.app.cli;

import io.vigia.datasources.copilot.CopilotApiException;
import io.vigia.datasources.copilot.CopilotSync;
import io.vigia.datasources.copilot.GitHubCopilotClient;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * {@code vigia sync copilot}: fetches GitHub's daily Copilot usage reports for the days the
 * workspace does not have yet and stores them with the Copilot Health counters, so history
 * outlives the API's 28-day window. Meant to run once a day (cron or Task Scheduler, see README).
 */
@Command(name = "sync", description = "Fetch data from remote APIs into the workspace.", subcommands = SyncCommand.Copilot.class)
final class SyncCommand extends WorkspaceCommand {

    @Command(name = "copilot", description = "Fetch GitHub's daily Copilot usage reports not yet in the workspace (idempotent).")
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
                description = "Environment variable holding a token allowed to read Copilot metrics (default: ${DEFAULT-VALUE}).")
        String tokenEnv;

        @Option(names = "--days", defaultValue = "28", description = "How many days back, up to yesterday (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--api-url", defaultValue = "https://api.github.com/", description = "GitHub's API (GitHub Enterprise Server: https://HOST/api/v3/).")
        String apiUrl;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                err.println("vigia: $" + tokenEnv + " is not set: put a GitHub token allowed to read Copilot metrics in it");
                return 2;
            }
            HttpUrl base = HttpUrl.parse(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
            if (base == null || days < 1) {
                err.println("vigia: --api-url must be an http(s) URL and --days at least 1");
                return 2;
            }
            GitHubCopilotClient.Owner who = owner.org != null ? GitHubCopilotClient.Owner.organization(owner.org)
                    : GitHubCopilotClient.Owner.enterprise(owner.enterprise);
            GitHubCopilotClient client = new GitHubCopilotClient(new OkHttpClient(), base, token, who, Clock.systemUTC(), Duration.ofMinutes(2));
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                CopilotSync.Summary s = new CopilotSync(client, ws, store).sync(yesterday.minusDays(days - 1L), yesterday);
                out.printf("Copilot %s: %d day(s) asked, %d without a report; %d imported, %d unchanged, %d revised (%d samples)%n",
                        who.name(), s.daysFetched(), s.daysWithoutData(), s.imported().daysImported(), s.imported().daysUnchanged(),
                        s.imported().daysRevised(), s.imported().samples());
                return 0;
            } catch (CopilotApiException | java.io.UncheckedIOException e) {
                err.println("vigia: " + e.getMessage());
                return 1;
            }
        }
    }
}
