package io.vigia.app.cli;

import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.datasources.copilot.CopilotImporter;
import io.vigia.datasources.copilot.CopilotMetricsParser;
import io.vigia.datasources.copilot.CopilotSeries;
import io.vigia.datasources.guardrail.GuardrailImporter;
import io.vigia.datasources.guardrail.GuardrailLogParser;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.redact.Redactor;
import io.vigia.datasources.sarif.SarifFormatException;
import io.vigia.datasources.sarif.SarifImporter;
import io.vigia.datasources.ingest.ImportSummary;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.persistence.series.LabelMatcher;
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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigia import openmetrics|copilot|sarif|guardrail-log FILE}: data files into the workspace store, each in one transaction. */
@Command(name = "import", description = "Import data files into the workspace's store.",
        subcommands = {ImportCommand.OpenMetrics.class, ImportCommand.Copilot.class, ImportCommand.Sarif.class,
                ImportCommand.GuardrailLog.class})
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
            + "JSON, or a usage-report file (JSON or NDJSON). Importing the same days again adds nothing.")
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
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                err.println("vigia: " + file + " is not UTF-8 text");
                return 2;
            }
            CopilotMetricsParser.Document doc;
            try {
                doc = CopilotMetricsParser.parse(scope, text);
            } catch (CopilotFormatException e) {
                err.println("vigia: " + file + ": " + e.getMessage() + ". Nothing was imported.");
                return 2;
            }
            if (!(doc instanceof CopilotMetricsParser.Days days)) {
                err.println("vigia: " + file + " holds " + (doc instanceof CopilotMetricsParser.DownloadLinks
                        ? "GitHub's download links, not the report itself: use `vigia copilot sync`, or download the linked files"
                        : "the seat assignments, not usage metrics") + ". Nothing was imported.");
                return 2;
            }
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws);
                 SeriesWriter writer = store.writer()) {
                CopilotImporter importer = new CopilotImporter(ws, writer, (s, t) -> store.delete(
                        List.of(LabelMatcher.regex("__name__", CopilotSeries.NAME_REGEX), LabelMatcher.equal("scope", s)), t, t));
                CopilotImporter.Result r = importer.importDays(days.days());
                spec.commandLine().getOut().printf("%s: %d days imported, %d revised, %d already present (%s, %d samples) into %s%n",
                        file.getFileName(), r.daysImported(), r.daysRevised(), r.daysUnchanged(), days.source().label(),
                        r.samples(), ws.file());
                return 0;
            }
        }
    }

    @Command(name = "sarif", description = "Import SAST findings from a SARIF log (2.1.0; 2.0.0 and 2.2 are read too). "
            + "Findings already stored (the same file again, or the same finding in a later scan) are not added again.")
    static final class Sarif extends WorkspaceCommand implements Callable<Integer> {
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
            try (Workspace ws = openWorkspace()) {
                SarifImporter.Result r = new SarifImporter(ws).importFile(file);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: %d findings in %d runs: %d imported, %d already present, 0 rejected, into %s%n",
                        file.getFileName(), r.results(), r.runs(), r.imported(), r.alreadyPresent(), ws.file());
                r.warnings().forEach(w -> out.println("  note: " + w));
                return 0;
            } catch (SarifFormatException e) {
                err.println("vigia: " + file + " is not a readable SARIF log: " + e.getMessage() + ". Nothing was imported.");
                return 2;
            }
        }
    }

    @Command(name = "guardrail-log", description = "Import guardrail decisions from an audit log (JSON Lines, one decision "
            + "per line, see docs/telemetry.md; LLM Guard and LiteLLM field names are understood). Prompts are stored "
            + "redacted. Lines that cannot be read are listed with their numbers; the others are imported. Exit code 1 "
            + "when some lines were rejected, 2 when nothing could be imported.")
    static final class GuardrailLog extends WorkspaceCommand implements Callable<Integer> {
        private static final int REJECTS_SHOWN = 50;

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
            GuardrailLogParser parser = new GuardrailLogParser(new Redactor());
            GuardrailLogParser.Result parsed;
            GuardrailImporter.Result stored;
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    parsed = parser.parse(in);
                } catch (CharacterCodingException e) {
                    err.println("vigia: " + file + " is not UTF-8 text. Nothing was imported.");
                    return 2;
                }
                if (parsed.events().isEmpty()) {
                    printRejected(err, parsed);
                    err.println("vigia: " + file + ": " + (parsed.lines() == 0 ? "no events in it"
                            : "none of its " + parsed.lines() + " lines is a guardrail decision") + ". Nothing was imported.");
                    return 2;
                }
                stored = new GuardrailImporter(ws, store).importEvents(parsed.events(), GuardrailImporter.fileSha256(file));
                spec.commandLine().getOut().printf("%s: %d decisions: %d imported, %d already present, %d lines rejected; "
                                + "%s rebuilt for %d label sets, into %s%n", file.getFileName(), parsed.events().size(),
                        stored.imported(), stored.alreadyPresent(), parsed.rejected().size(),
                        GuardrailImporter.METRIC, stored.seriesWritten(), ws.file());
            }
            printRejected(err, parsed);
            return parsed.rejected().isEmpty() ? 0 : 1;
        }

        private void printRejected(PrintWriter err, GuardrailLogParser.Result parsed) {
            List<GuardrailLogParser.RejectedLine> rejected = parsed.rejected();
            for (int i = 0; i < Math.min(REJECTS_SHOWN, rejected.size()); i++) {
                err.println("  line " + rejected.get(i).lineNumber() + ": " + rejected.get(i).reason());
            }
            if (rejected.size() > REJECTS_SHOWN) {
                err.println("  ... and " + (rejected.size() - REJECTS_SHOWN) + " more rejected lines");
            }
        }
    }
}
