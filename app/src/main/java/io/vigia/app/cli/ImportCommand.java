package io.vigia.app.cli;

import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.datasources.copilot.CopilotImporter;
import io.vigia.datasources.copilot.CopilotMetricsParser;
import io.vigia.datasources.copilot.CopilotSeries;
import io.vigia.datasources.ingest.ExpositionParseException;
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
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigia import openmetrics|copilot FILE}: data files into the workspace store, each in one transaction. */
@Command(name = "import", description = "Import data files into the workspace's store.",
        subcommands = {ImportCommand.OpenMetrics.class, ImportCommand.Copilot.class})
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
}
