package io.vigia.datasources.bindings;

/** One reason a candidate scored what it did: "histogram buckets" +40. */
public record ScorePart(String reason, int points) {
}
