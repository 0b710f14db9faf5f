package io.vigia.app.cli;

import io.vigia.app.diagnostics.CrashReports;
import io.vigia.app.diagnostics.SecretMasking;
import io.vigia.persistence.workspace.WorkspaceException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Failures a user can act on print one clear line, not a stack trace. Anything else also writes
 * a crash report (when running as the launcher) and says where. Every message is masked: an
 * exception may quote a URL with its {@code user:password@} or a token.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_WORKSPACE = 3;
    private final CrashReports reports;

    /** @param reports where crash reports go, or null to print the stack trace instead */
    ErrorHandler(CrashReports reports) {
        this.reports = reports;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof WorkspaceException w) {
            cl.getErr().println("vigia: " + SecretMasking.mask(w.getMessage()));
            return EXIT_WORKSPACE;
        }
        cl.getErr().println("vigia: " + SecretMasking.mask(String.valueOf(ex.getMessage())));
        Path report = null;
        if (reports != null) {
            try {
                report = reports.write(Thread.currentThread(), ex);
            } catch (IOException | RuntimeException e) {
                cl.getErr().println("vigia: no crash report could be written: " + e.getMessage());
            }
        }
        if (report != null) {
            cl.getErr().println("vigia: details in " + report);
        } else {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            cl.getErr().print(SecretMasking.mask(trace.toString()));
        }
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }
}
