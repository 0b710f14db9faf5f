package io.vigia.persistence.workspace;

import java.nio.file.Path;

/** A workspace that cannot be opened or written, with a message meant for the user. */
public final class WorkspaceException extends RuntimeException {

    public enum Kind {
        /** The file is not an SQLite database at all. */
        NOT_SQLITE,
        /** An SQLite database, but not one Vigia made. */
        NOT_A_WORKSPACE,
        /** Written by a newer Vigia whose schema this version does not know. */
        NEWER_VERSION,
        /** Truncated or damaged. */
        CORRUPT,
        /** The disk, permissions or the database engine failed. */
        IO,
        /** No space left on the workspace's file system; nothing of the failed write was kept. */
        DISK_FULL
    }

    private final Kind kind;
    private final Path file;

    public WorkspaceException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
    }

    public WorkspaceException(Kind kind, Path file, String message) {
        this(kind, file, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }
}
