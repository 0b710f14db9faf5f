package io.vigia.views.explore;

/**
 * One completion candidate: what the list shows, its kind (function, metric, label, value,
 * keyword), a signature and a one-line description when known, and what is inserted with where
 * the caret goes in it.
 */
public record Completion(String label, String kind, String signature, String description, String insert, int caretInInsert) {

    public static Completion plain(String label, String kind, String insert) {
        return new Completion(label, kind, "", "", insert, insert.length());
    }
}
