package io.vigia.datasources.imports;

/** A rejected line (1-based {@code lineNumber}) or, with line 0, a problem of the whole file. */
public record ImportProblem(int lineNumber, String reason) {
    @Override
    public String toString() {
        return lineNumber > 0 ? "line " + lineNumber + ": " + reason : reason;
    }
}
