package io.vigia.app.cli;

import io.vigia.dashboards.grafana.GrafanaExporter;
import io.vigia.dashboards.grafana.GrafanaFormatException;
import io.vigia.dashboards.grafana.GrafanaImport;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code vigia dashboard list|import|export}. */
@Command(name = "dashboard", description = "List, import and export dashboards.",
        subcommands = {DashboardCommand.ListDashboards.class, DashboardCommand.ImportDashboard.class,
                DashboardCommand.ExportDashboard.class})
final class DashboardCommand extends WorkspaceCommand {

    @Command(name = "list", description = "List the dashboards of the workspace.")
    static final class ListDashboards extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace ws = openWorkspace()) {
                var list = new DashboardStore(ws).list();
                if (list.isEmpty()) {
                    out.println("No dashboards in " + ws.file());
                    return 0;
                }
                out.printf("%-40s  %-40s  %s%n", "UID", "TITLE", "UPDATED");
                for (StoredDashboard d : list) {
                    out.printf("%-40s  %-40s  %s%n", d.uid(), d.title(), Instant.ofEpochMilli(d.updatedAt()));
                }
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Import a Grafana dashboard JSON (schema up to 41) or a Vigia dashboard file.")
    static final class ImportDashboard extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The dashboard JSON file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                err.println("vigia: " + file + " is not UTF-8 text, so not a dashboard JSON file");
                return 2;
            } catch (IOException e) {
                err.println("vigia: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            try (Workspace ws = openWorkspace()) {
                GrafanaImport imp = new DashboardStore(ws).importJson(json);
                Dashboard d = imp.dashboard();
                spec.commandLine().getOut().printf("Imported \"%s\" (uid %s) with %d panels into %s%n",
                        d.title(), d.uid(), d.allPanels().size(), ws.file());
                imp.warnings().forEach(w -> err.println("warning: " + w));
                return 0;
            } catch (GrafanaFormatException e) {
                err.println("vigia: cannot import " + file + ": " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "export", description = "Export a dashboard as Grafana JSON or in Vigia's format.")
    static final class ExportDashboard extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Dashboard uid or title.")
        String name;

        @Option(names = "--format", defaultValue = "grafana", description = "grafana or vigia (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            GrafanaExporter.Format f;
            switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "grafana" -> f = GrafanaExporter.Format.GRAFANA;
                case "vigia" -> f = GrafanaExporter.Format.VIGIA;
                default -> {
                    err.println("vigia: unknown format \"" + format + "\"; use grafana or vigia");
                    return 2;
                }
            }
            try (Workspace ws = openWorkspace()) {
                var d = new DashboardStore(ws).find(name);
                if (d.isEmpty()) {
                    err.println("vigia: no dashboard \"" + name + "\" in " + ws.file() + " (see: vigia dashboard list)");
                    return 1;
                }
                String json = GrafanaExporter.write(d.get(), f);
                if (out == null) {
                    spec.commandLine().getOut().println(json);
                } else {
                    Files.writeString(out, json, StandardCharsets.UTF_8);
                    err.println("Wrote " + out);
                }
                return 0;
            }
        }
    }
}
