package io.vigia.datasources.copilot;

import java.time.LocalDate;

/**
 * How far {@code vigia sync copilot} got, for a progress display (the CLI prints it to stderr; the
 * app can show it).
 *
 * @param report the report asked for ({@link ReportEndpoint#label()}), '' when none
 * @param day    the report's day, null when none
 * @param done   requests for reports made so far
 * @param total  requests for reports planned
 */
public record SyncProgress(Stage stage, String report, LocalDate day, int done, int total, String message) {

    public enum Stage {
        /** What will be fetched. */
        PLANNED,
        /** One report asked for. */
        FETCHING,
        /** Fetched reports written to the workspace. */
        STORED,
        /** A rate-limit wait, a refreshed download link, lines left out of a file. */
        NOTICE,
        /** The seat list read. */
        SEATS,
        DONE
    }

    /** Told about each step; called on the syncing thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(SyncProgress p);
    }

    static SyncProgress notice(String message) {
        return new SyncProgress(Stage.NOTICE, "", null, 0, 0, message);
    }

    @Override
    public String toString() {
        return switch (stage) {
            case FETCHING -> "[" + done + "/" + total + "] " + report + (day == null ? "" : " " + day) + (message.isEmpty() ? "" : ": " + message);
            default -> message;
        };
    }
}
