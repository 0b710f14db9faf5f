package io.vigia.app.cli;

import io.vigia.app.VigiaVersion;
import io.vigia.app.gui.GuiLauncher;
import io.vigia.persistence.workspace.WorkspaceLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code vigia [--workspace PATH] [COMMAND]}: without a command, opens the app. */
@Command(name = "vigia",
        mixinStandardHelpOptions = true,
        versionProvider = VigiaCommand.Version.class,
        description = "Observability and copilot-health console. Without a command, opens the app.",
        subcommands = {CommandLine.HelpCommand.class, QueryCommands.Query.class, QueryCommands.QueryRange.class,
                ImportCommand.class, ScrapeCommand.class, DashboardCommand.class, SourcesCommand.class,
                SimulateCommand.class, ReportCommand.class, SyncCommand.class})
public final class VigiaCommand implements Callable<Integer> {

    @Option(names = "--workspace", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path workspace = WorkspaceLocation.defaultFile();

    @Option(names = "--dashboard", paramLabel = "UID", description = "Open this dashboard when the window opens "
            + "(e.g. copilot-health, guardrails, model-drift, service-latency).")
    String dashboard;

    public Path workspace() {
        return workspace;
    }

    @Override
    public Integer call() {
        return GuiLauncher.launch(workspace, dashboard);
    }

    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new VigiaCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Vigia " + VigiaVersion.get(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
