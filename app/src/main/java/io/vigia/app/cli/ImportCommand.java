package io.vigia.app.cli;

import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportFailedException;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportProblem;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.imports.ImportReport;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ImportSummary;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.remote.Authentication;
import io.vigia.datasources.remote.CancellationToken;
import io.vigia.datasources.remote.ConnectionSettings;
import io.vigia.datasources.remote.HeaderSetting;
import io.vigia.datasources.remote.InMemorySecretStore;
import io.vigia.datasources.remote.SecretRef;
import io.vigia.datasources.remote.SecretResolver;
import io.vigia.datasources.remote.SourceType;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigia import openmetrics|copilot|sarif|accepted-suggestions|guardrail-log FILE}: data files into the workspace store, each in one transaction. */
@Command(name = "import", description = "Import data files into the workspace's store.",
        subcommands = {ImportCommand.OpenMetrics.class, ImportCommand.Copilot.class, ImportCommand.Sarif.class,
                ImportCommand.AcceptedSuggestions.class, ImportCommand.GuardrailLog.class})
final class ImportCommand extends WorkspaceCommand {

    @Command(name = "openmetrics", description = "Import an OpenMetrics backfill file (the input of "
            + "`promtool tsdb create-blocks-from openmetrics`: every sample with a timestamp, ending in # EOF).")
    static final class OpenMetrics extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("vigia: no such file: " + file);
                return 2;
            }
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws);
                 SeriesWriter writer = store.writer(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ImportSummary s = OpenMetricsImporter.importFrom(in, writer, n -> {
                    if (System.console() != null) {
                        err.print("\rread " + n + " samples");
                        err.flush();
                    }
                });
                spec.commandLine().getOut().printf("Read %d samples of %d series%s into %s (samples already stored are kept once)%n", s.samples(), s.series(),
                        s.samples() == 0 ? "" : " (" + Instant.ofEpochMilli(s.minTime()) + " to " + Instant.ofEpochMilli(s.maxTime()) + ")",
                        ws.file());
                return 0;
            } catch (ExpositionParseException | MalformedInputException e) {
                err.println("vigia: " + file + ": " + (e instanceof MalformedInputException ? "not UTF-8 text" : e.getMessage())
                        + ". Nothing was imported.");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("vigia: " + file + ": " + e.getMessage() + ". Nothing was imported.");
                return 2;
            }
        }
    }

    @Command(name = "copilot", description = "Import GitHub Copilot metrics: legacy /copilot/usage or /copilot/metrics "
            + "JSON, or a usage-report file (JSON or NDJSON). Writes GitHub's daily numbers and the Copilot Health "
            + "counters derived from them, in one transaction. Importing the same days again adds nothing.")
    static final class Copilot extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--scope", paramLabel = "NAME", required = true,
                description = "The organization, enterprise or team the file is about.")
        String scope;

        @Override
        public Integer call() throws IOException {
            return runImport(this, spec, List.of(file), ImportKind.COPILOT, scope);
        }
    }

    @Command(name = "sarif", description = "Import SAST findings from SARIF logs (2.1.0; 2.0.0 and 2.2 are read too), each "
            + "in one transaction. Findings already stored (the same file again, or the same finding in a later scan) are "
            + "not added again. With accepted suggestions in the workspace (or --suggestions), findings are attributed to "
            + "them (docs/sast-correlation.md) and vigia_copilot_accepted_with_sast_findings_total is rebuilt.")
    static final class Sarif extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Option(names = "--suggestions", paramLabel = "JSONL",
                description = "Accepted AI suggestions (JSON Lines) to import first, as `vigia import accepted-suggestions`.")
        Path suggestions;

        @Override
        public Integer call() throws IOException {
            int exit = 0;
            if (suggestions != null) {
                exit = runImport(this, spec, List.of(suggestions), ImportKind.ACCEPTED_SUGGESTIONS, null);
            }
            return Math.max(exit, runImport(this, spec, files, ImportKind.SARIF, null));
        }
    }

    @Command(name = "accepted-suggestions", description = "Import accepted AI suggestions (JSON Lines: accepted_at, "
            + "repository, path, start_line, end_line; optional id, team, language, editor, model), the other input of the "
            + "SAST attribution (docs/sast-correlation.md). Lines that cannot be read are listed with their numbers.")
    static final class AcceptedSuggestions extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            return runImport(this, spec, files, ImportKind.ACCEPTED_SUGGESTIONS, null);
        }
    }

    @Command(name = "guardrail-log", description = "Import guardrail decisions from an audit log (JSON Lines, one decision "
            + "per line, see docs/telemetry.md; LLM Guard and LiteLLM field names are understood), or from a Loki log "
            + "query whose lines are such decisions (--loki URL --query LOGQL). Prompts are stored redacted. Lines that "
            + "cannot be read are listed with their numbers; the others are imported. Exit code 1 when some lines were "
            + "rejected, 2 when nothing could be imported.")
    static final class GuardrailLog extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<Path> files = List.of();

        @Option(names = "--loki", paramLabel = "URL", description = "Read the decisions from this Loki server instead of files.")
        String loki;

        @Option(names = "--query", paramLabel = "LOGQL", description = "With --loki: the log query, e.g. '{app=\"gateway\"}'.")
        String query;

        @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
                description = "With --loki: how far back to read (default: ${DEFAULT-VALUE}).")
        String since;

        @Option(names = "--until", paramLabel = "TIME", description = "With --loki: end of the range (default: now).")
        String until;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "5000",
                description = "With --loki: entries per request (default: ${DEFAULT-VALUE}, Loki's usual maximum).")
        int limit;

        @Option(names = "--org-id", paramLabel = "TENANT", description = "With --loki: X-Scope-OrgID of a multi-tenant Loki.")
        String orgId;

        @Option(names = "--bearer-token-env", paramLabel = "VAR", description = "With --loki: environment variable holding a bearer token.")
        String bearerEnv;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (loki == null) {
                if (files.isEmpty()) {
                    err.println("vigia: give a FILE, or --loki URL --query LOGQL");
                    return 2;
                }
                return runImport(this, spec, files, ImportKind.GUARDRAIL_LOG, null);
            }
            if (query == null || query.isBlank() || !files.isEmpty()) {
                err.println("vigia: --loki needs --query LOGQL and no FILE");
                return 2;
            }
            Instant end = until == null ? Instant.now() : CliTime.parse(until, Instant.now());
            Instant start = end.minus(CliTime.step(since));
            ConnectionSettings s = ConnectionSettings.of(SourceType.LOKI, loki).withName(loki);
            if (orgId != null) {
                s = s.withHeaders(List.of(HeaderSetting.plain("X-Scope-OrgID", orgId)));
            }
            if (bearerEnv != null) {
                s = s.withAuth(new Authentication.Bearer(new SecretRef.EnvVar(bearerEnv)));
            }
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws);
                 LokiClient client = new LokiClient(s, SecretResolver.withSystemEnvironment(new InMemorySecretStore()))) {
                ImportReport r = new FileImporter(ws, store).importGuardrailFromLoki(client, query, start, end, limit,
                        CancellationToken.NONE);
                return print(spec, r, ws.file());
            } catch (ImportFailedException e) {
                printRejected(err, e.rejected());
                err.println("vigia: " + e.getMessage());
                return 2;
            }
        }
    }

    private static final int REJECTS_SHOWN = 50;

    /** Imports files of one kind, each in its own transaction; the exit code is the worst of them. */
    static int runImport(WorkspaceCommand cmd, CommandSpec spec, List<Path> files, ImportKind kind, String scope)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        try (Workspace ws = cmd.openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FileImporter importer = new FileImporter(ws, store);
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    err.println("vigia: no such file: " + file);
                    exit = 2;
                    continue;
                }
                try {
                    exit = Math.max(exit, print(spec, importer.importFile(file, kind, scope, ImportProgress.NONE), ws.file()));
                } catch (ImportFailedException e) {
                    printRejected(err, e.rejected());
                    err.println("vigia: " + e.getMessage());
                    exit = 2;
                }
            }
        }
        return exit;
    }

    private static int print(CommandSpec spec, ImportReport r, Path workspace) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d %s: %d imported, %d already present, %d rejected, into %s%n", r.fileName(), r.records(),
                r.unit(), r.imported(), r.duplicates(), r.rejected().size(), workspace);
        r.notes().forEach(n -> out.println("  note: " + n));
        printRejected(spec.commandLine().getErr(), r.rejected());
        return r.rejected().isEmpty() ? 0 : 1;
    }

    private static void printRejected(PrintWriter err, List<ImportProblem> rejected) {
        for (int i = 0; i < Math.min(REJECTS_SHOWN, rejected.size()); i++) {
            err.println("  " + rejected.get(i));
        }
        if (rejected.size() > REJECTS_SHOWN) {
            err.println("  ... and " + (rejected.size() - REJECTS_SHOWN) + " more rejected lines");
        }
    }
}
