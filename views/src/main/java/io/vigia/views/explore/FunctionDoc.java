package io.vigia.views.explore;

/** One function, aggregation, parser or keyword of a query language, with its signature and a one-line description. */
public record FunctionDoc(String name, String kind, String signature, String description) {
}
