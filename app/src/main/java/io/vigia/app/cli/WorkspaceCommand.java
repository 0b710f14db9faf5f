package io.vigia.app.cli;

import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;

/** Base of the subcommands that work on the workspace chosen with {@code --workspace}. */
abstract class WorkspaceCommand {
    @ParentCommand
    private Object parent;

    protected Path workspacePath() {
        Object p = parent;
        while (p != null) {
            if (p instanceof VigiaCommand root) {
                return root.workspace();
            }
            p = p instanceof WorkspaceCommand w ? w.parent : null;
        }
        throw new IllegalStateException("no root command");
    }

    protected Workspace openWorkspace() {
        return Workspace.open(workspacePath());
    }
}
