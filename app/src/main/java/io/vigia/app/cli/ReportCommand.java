package io.vigia.app.cli;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.report.SourceUnavailableException;
import io.vigia.dashboards.report.write.Paper;
import io.vigia.dashboards.report.write.PdfReportWriter;
import io.vigia.dashboards.report.write.ReportExporter;
import io.vigia.dashboards.report.write.ReportFormat;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.QueryException;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vigia report}: a dashboard's weekly report as PDF, HTML, CSV and PNG files, headless (no
 * display, no JavaFX toolkit), from the workspace's store or a remote Prometheus-compatible source.
 * Exit 0 when written (a partial report or a week without data is written, marked and announced
 * on standard error), 1 when the source fails, 2 for bad arguments or an unknown dashboard.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a dashboard's weekly report (PDF, HTML, CSV, PNG) for an ISO week.")
final class ReportCommand extends WorkspaceCommand implements Callable<Integer> {
    static final int EXIT_SOURCE = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--dashboard", paramLabel = "UID", defaultValue = BuiltInDashboards.COPILOT_HEALTH,
            description = "Dashboard uid or title (default: ${DEFAULT-VALUE}).")
    String dashboard;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "ISO week, e.g. 2026-W47 (default: the last complete week).")
    String week;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone the week is counted in, e.g. Europe/Madrid (default: this computer's).")
    String tz;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "pdf,html,csv",
            description = "Comma-separated: pdf, html, csv, png (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder to write into (default: the current one).")
    Path out;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "a4", description = "a4 or letter (default: ${DEFAULT-VALUE}).")
    String paper;

    @Option(names = "--pdf-charts", paramLabel = "MODE", defaultValue = "vector",
            description = "vector (default) or raster: charts in the PDF as vector graphics or as PNG images.")
    String pdfCharts;

    @Mixin
    QuerySourceOptions source = new QuerySourceOptions();

    @Override
    public Integer call() throws IOException {
        // before any AWT class loads: fonts and images work without a display
        System.setProperty("java.awt.headless", "true");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ZoneId zone;
        IsoWeek isoWeek;
        Set<ReportFormat> fmts;
        Paper size;
        PdfReportWriter.ChartMode chartMode;
        try {
            zone = tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
            isoWeek = week == null ? lastCompleteWeek(Clock.systemUTC(), zone) : IsoWeek.parse(week);
            fmts = ReportFormat.parseList(formats);
            size = Paper.parse(paper);
            chartMode = switch (pdfCharts.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "vector" -> PdfReportWriter.ChartMode.VECTOR;
                case "raster" -> PdfReportWriter.ChartMode.RASTER;
                default -> throw new IllegalArgumentException("unknown --pdf-charts \"" + pdfCharts + "\"; use vector or raster");
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("vigia: " + e.getMessage());
            return EXIT_USAGE;
        }
        try (Workspace ws = openWorkspace()) {
            Optional<Dashboard> d = new DashboardStore(ws).find(dashboard).or(() -> BuiltInDashboards.find(dashboard));
            if (d.isEmpty()) {
                err.println("vigia: no dashboard \"" + dashboard + "\" (see: vigia dashboard list; built in: "
                        + String.join(", ", BuiltInDashboards.all().stream().map(Dashboard::uid).toList()) + ")");
                return EXIT_USAGE;
            }
            Report report;
            try (QuerySourceOptions.Opened opened = source.open(ws)) {
                // the source's own names for the built-ins' inputs: kept in the workspace, probed on first use
                var bindings = CliBindings.of(ws, source.source, opened.source(), Clock.systemUTC());
                report = new ReportBuilder(opened.source(), bindings, Clock.systemUTC(), scrapeInterval()).build(d.get(), isoWeek, zone);
            } catch (SourceUnavailableException e) {
                err.println("vigia: cannot write the report: " + e.getMessage());
                return EXIT_SOURCE;
            } catch (QueryException e) {
                err.println("vigia: cannot write the report: " + e.getMessage());
                return EXIT_SOURCE;
            } catch (IllegalArgumentException e) {
                err.println("vigia: " + e.getMessage());
                return EXIT_USAGE;
            }
            List<Path> files = new ReportExporter(size, chartMode).export(report, fmts, out);
            if (report.noData()) {
                err.println("warning: no data in " + isoWeek + " (" + zone.getId() + "): the report says so.");
            } else if (report.partial()) {
                err.println("warning: partial report, " + report.problems().size() + " part(s) could not be computed:");
                report.problems().forEach(p -> err.println("  " + p));
            }
            stdout.printf("%s %s (%s): %d files in %s%n", report.title(), isoWeek, zone.getId(), files.size(), out.toAbsolutePath().normalize());
            for (Path f : files) {
                stdout.println("  " + out.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()));
            }
            return 0;
        }
    }

    /** As the app's dashboards: the demo's and {@code vigia scrape}'s interval for the local store, Prometheus's default otherwise. */
    private Duration scrapeInterval() {
        return source.source.equals("local") ? DemoWorkspace.INTERVAL : Duration.ofSeconds(15);
    }

    /** The ISO week before the current one in {@code zone}: the last one that is over. */
    static IsoWeek lastCompleteWeek(Clock clock, ZoneId zone) {
        return IsoWeek.of(LocalDate.now(clock.withZone(zone)).minusWeeks(1));
    }
}
