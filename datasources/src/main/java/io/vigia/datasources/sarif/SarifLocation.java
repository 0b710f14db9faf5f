package io.vigia.datasources.sarif;

/**
 * The physical location of a result: the artifact's URI as written in the log (with its
 * {@code uriBaseId}, e.g. {@code %SRCROOT%}, when given) and the 1-based line range, 0 where the
 * log gives no line. A region with a start line and no end line covers that one line.
 */
public record SarifLocation(String uri, String uriBaseId, int startLine, int endLine) {
    public boolean hasLines() {
        return startLine > 0;
    }
}
