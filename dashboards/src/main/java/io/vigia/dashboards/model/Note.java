package io.vigia.dashboards.model;

import java.util.Objects;

/**
 * Something a dashboard, section or panel had in its source that Vigia does not do (a show/hide
 * rule, a repeat, a transformation), said in words and kept so that it is never silently dropped:
 * {@code field} names where the source had it and {@code json} holds the source's own JSON for it,
 * which an export in the same format writes back. Both are empty when there is nothing to restore.
 */
public record Note(String text, String field, String json) {
    public Note {
        text = Objects.requireNonNullElse(text, "");
        field = Objects.requireNonNullElse(field, "");
        json = Objects.requireNonNullElse(json, "");
    }

    /** A note in words only. */
    public static Note of(String text) {
        return new Note(text, "", "");
    }

    /** Whether an export can write the source's JSON back. */
    public boolean restorable() {
        return !field.isEmpty() && !json.isEmpty();
    }
}
