package io.vigia.app.cli;

import io.vigia.persistence.workspace.WorkspaceException;
import picocli.CommandLine;

/** Failures a user can act on print one clear line, not a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_WORKSPACE = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof WorkspaceException w) {
            cl.getErr().println("vigia: " + w.getMessage());
            return EXIT_WORKSPACE;
        }
        cl.getErr().println("vigia: " + ex.getMessage());
        ex.printStackTrace(cl.getErr());
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }
}
