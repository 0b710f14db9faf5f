package io.vigia.datasources.loki;

/** Order of log entries: newest first ({@code backward}, Loki's default) or oldest first. */
public enum Direction {
    BACKWARD, FORWARD;

    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
