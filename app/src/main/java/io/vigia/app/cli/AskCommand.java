package io.vigia.app.cli;

import io.vigia.app.ask.AskSetup;
import io.vigia.dashboards.ask.AnswerChart;
import io.vigia.dashboards.ask.AnswerJson;
import io.vigia.dashboards.ask.AskAnswer;
import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.AskContextLoader;
import io.vigia.dashboards.ask.AskHistory;
import io.vigia.dashboards.ask.AskPlan;
import io.vigia.dashboards.ask.AskRunner;
import io.vigia.dashboards.ask.AskService;
import io.vigia.dashboards.ask.MiniLmEmbedder;
import io.vigia.dashboards.ask.ModelEndpoint;
import io.vigia.dashboards.ask.ModelException;
import io.vigia.dashboards.ask.ModelExplainer;
import io.vigia.dashboards.ask.ModelPlanner;
import io.vigia.dashboards.ask.OfflinePlanner;
import io.vigia.dashboards.ask.PlanJson;
import io.vigia.dashboards.ask.QueryLimits;
import io.vigia.dashboards.ask.StepGuard;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.secrets.KeyringSecretStore;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigia ask "QUESTION"}: the question becomes a plan of read-only steps, printed first;
 * then the plan runs and the answer prints the numbers and the exact queries ({@code --chart FILE}
 * also draws them). Offline unless a model endpoint is configured ({@code ask.model.url} in the
 * workspace settings, or {@code --model-url}); {@code --offline} ignores it.
 */
@Command(name = "ask", description = "Ask about the workspace's telemetry: prints a plan of read-only steps, runs it "
        + "and answers with the numbers and the exact queries.")
final class AskCommand extends WorkspaceCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_SOURCE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, e.g. \"p95 of payments after the last deploy\".")
    List<String> words = new ArrayList<>();

    @Option(names = "--plan-only", description = "Print the plan without running it.")
    boolean planOnly;

    @Option(names = "--json", description = "Print the plan (and the answer) as JSON.")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also draw the answer's chart into this PNG file.")
    Path chart;

    @Option(names = "--at", paramLabel = "TIME", description = "What \"now\" is (RFC 3339, Unix seconds, now-1h). "
            + "Default: the demo's end on the demo workspace, else now.")
    String at;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of today, yesterday and weeks (default: this computer's).")
    String tz;

    @Option(names = "--offline", description = "Plan offline even when a model endpoint is configured.")
    boolean offline;

    @Option(names = "--model-url", paramLabel = "URL", description = "OpenAI-compatible endpoint for this run "
            + "(e.g. http://localhost:11434/v1); default: the workspace setting ask.model.url.")
    String modelUrl;

    @Option(names = "--model-name", paramLabel = "NAME", description = "Model name at that endpoint.")
    String modelName;

    @Option(names = "--model-key-env", paramLabel = "VAR", description = "Environment variable with the endpoint's API key "
            + "(default: the keyring's " + ModelEndpoint.KEYRING_KEY + ", if set).")
    String modelKeyEnv;

    @Mixin
    QuerySourceOptions source = new QuerySourceOptions();

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String question = String.join(" ", words).strip();
        ZoneId zone;
        try {
            zone = tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (DateTimeException e) {
            err.println("vigia: " + e.getMessage());
            return EXIT_USAGE;
        }
        try (Workspace ws = openWorkspace(); QuerySourceOptions.Opened opened = source.open(ws)) {
            SettingsRepository settings = new SettingsRepository(ws);
            Instant now = at != null ? CliTime.parse(at, Instant.now())
                    : DemoWorkspace.end(settings.all()).filter(e -> source.source.equals("local")).orElse(Instant.now());
            AskContext ctx = context(ws, opened, now, zone);
            StepGuard guard = new StepGuard(QueryLimits.DEFAULTS);
            ModelEndpoint endpoint = offline ? null : endpoint(settings.all());
            SecretResolver secrets = SecretResolver.withSystemEnvironment(KeyringSecretStore.openOrMemory());
            String key = endpoint == null || endpoint.key() == null ? null : secrets.find(endpoint.key()).orElse(null);
            AskService ask = new AskService(new OfflinePlanner(new MiniLmEmbedder()),
                    endpoint == null ? null : new ModelPlanner(endpoint, key, guard),
                    new AskRunner(opened.source(), AskSetup.logs(ws), guard), guard);
            AskPlan plan = ask.plan(question, ctx);
            if (!planOnly) {
                new AskHistory(settings).add(question);
            }
            if (planOnly) {
                if (json) {
                    out.println(PlanJson.write(plan, ctx));
                } else {
                    AskPrinter.plan(out, plan, ctx, ask.check(plan, ctx));
                }
                out.flush();
                return 0;
            }
            if (!json) {
                AskPrinter.plan(out, plan, ctx, ask.check(plan, ctx));
                out.flush();
            }
            AskAnswer answer = ask.run(plan, ctx);
            if (json) {
                out.println(AnswerJson.write(answer, ctx));
            } else {
                AskPrinter.answer(out, answer);
                if (endpoint != null) {
                    explain(out, err, new ModelExplainer(endpoint, key, guard), answer, ctx);
                }
            }
            if (chart != null) {
                var png = AnswerChart.png(answer, zone);
                if (png.isPresent()) {
                    Files.write(chart, png.get());
                    (json ? err : out).println("chart: " + chart.toAbsolutePath().normalize());
                } else {
                    err.println("vigia: the answer has no series to draw; no chart written");
                }
            }
            out.flush();
            return 0;
        } catch (QueryException e) {
            err.println("vigia: cannot ask " + source.source + ": " + e.getMessage());
            return EXIT_SOURCE;
        } catch (IllegalArgumentException e) {
            err.println("vigia: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    private AskContext context(Workspace ws, QuerySourceOptions.Opened opened, Instant now, ZoneId zone) {
        var bindings = CliBindings.of(ws, source.source, opened.source(), Clock.systemUTC());
        Duration scrape = source.source.equals("local") ? DemoWorkspace.INTERVAL : Duration.ofSeconds(15);
        return AskContextLoader.load(opened.source(), bindings, AskSetup.storedDashboards(ws), now, zone, scrape,
                AskSetup.help(opened.source()));
    }

    private ModelEndpoint endpoint(Map<String, String> settings) {
        if (modelUrl == null) {
            return ModelEndpoint.fromSettings(settings).orElse(null);
        }
        return new ModelEndpoint(modelUrl, modelName == null ? "" : modelName,
                modelKeyEnv == null ? SecretRef.store(ModelEndpoint.KEYRING_KEY) : SecretRef.env(modelKeyEnv));
    }

    private static void explain(PrintWriter out, PrintWriter err, ModelExplainer explainer, AskAnswer answer, AskContext ctx) {
        try {
            ModelExplainer.Explanation e = explainer.explain(answer, ctx);
            out.println("The model's reading (check it against the numbers above):");
            out.println("  " + io.vigia.dashboards.chart.InertText.of(e.text()));
            if (!e.followUp().steps().isEmpty() || !e.followUp().refused().isEmpty()) {
                out.println("It proposes, not run (ask again to run them):");
                AskPrinter.plan(out, e.followUp(), ctx, List.of());
            }
        } catch (ModelException ex) {
            err.println("vigia: the model could not explain the answer: " + ex.getMessage());
        }
    }
}
