package io.vigia.datasources.simulator;

/**
 * One SAST finding in code that came from an accepted suggestion: the suggestion (when and where it
 * was accepted) and the finding a later scan reported, whose lines overlap the suggestion's.
 */
public record SastFinding(String suggestionId, long acceptedAtMillis, String team, String language, String editor,
                          String model, String repository, String path, int suggestionStartLine,
                          int suggestionEndLine, FleetCatalog.SastRule rule, int findingStartLine,
                          int findingEndLine) {
}
