package io.vigia.app.cli;

import io.vigia.app.VigiaVersion;
import io.vigia.app.diagnostics.CrashHandler;
import io.vigia.app.diagnostics.CrashReports;
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
                SimulateCommand.class, ReportCommand.class, SyncCommand.class, ReceiveCommand.class, ServeCommand.class,
                AskCommand.class})
public final class VigiaCommand implements Callable<Integer> {

    @Option(names = "--workspace", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path workspace = WorkspaceLocation.defaultFile();

    @Option(names = "--dashboard", paramLabel = "UID", description = "Open this dashboard when the window opens "
            + "(e.g. copilot-health, guardrails, model-drift, service-latency).")
    String dashboard;

    /** Where crash reports go; null when the command runs inside another program (tests). */
    private CrashReports crashReports;

    public Path workspace() {
        return workspace;
    }

    @Override
    public Integer call() {
        return GuiLauncher.launch(workspace, dashboard, crashReports, VigiaCommand::tellCrash);
    }

    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The launcher's run: an uncaught exception in any thread, and an unexpected one from a
     * command, writes a crash report into {@code reports}' folder and says where on stderr.
     */
    public static int run(CrashReports reports, String... args) {
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler(reports, VigiaCommand::tellCrash));
        CrashHandler.crashIfAsked("vigia.debug.crash");
        VigiaCommand command = new VigiaCommand();
        command.crashReports = reports;
        return configure(new CommandLine(command), reports).execute(args);
    }

    public static CommandLine newCommandLine() {
        return configure(new CommandLine(new VigiaCommand()), null);
    }

    private static CommandLine configure(CommandLine cl, CrashReports reports) {
        cl.setExecutionExceptionHandler(new ErrorHandler(reports));
        addHelpOption(cl);
        return cl;
    }

    /**
     * {@code -h}/{@code --help} on every subcommand, at every depth, as git and kubectl do; added
     * here once rather than on each {@code @Command}, so that a new subcommand cannot miss it.
     */
    private static void addHelpOption(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
        }
        cl.getSubcommands().values().forEach(VigiaCommand::addHelpOption);
    }

    static void tellCrash(Path report) {
        System.err.println(report != null
                ? "vigia: unexpected error; a crash report was written to " + report
                : "vigia: unexpected error; no crash report could be written (see the log)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Vigia " + VigiaVersion.get(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
