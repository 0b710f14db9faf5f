package io.vigia.datasources.imports;

import java.util.List;

/** A file that cannot be imported at all (not its kind, not UTF-8, malformed); nothing was written. */
public final class ImportFailedException extends Exception {
    private final transient List<ImportProblem> rejected;

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
        this.rejected = List.of();
    }

    public ImportFailedException(String message) {
        this(message, List.of());
    }

    /** @param rejected the lines that could not be read, when that is why nothing was imported */
    public ImportFailedException(String message, List<ImportProblem> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    public List<ImportProblem> rejected() {
        return rejected;
    }
}
