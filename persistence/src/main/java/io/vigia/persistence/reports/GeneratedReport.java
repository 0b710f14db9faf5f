package io.vigia.persistence.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of the report history: a report written to {@code directory} as {@code files}.
 * {@code id} is 0 before it is stored; {@code trigger} is {@link #MANUAL} or {@link #SCHEDULE}.
 */
public record GeneratedReport(long id, String dashboardUid, String dashboardTitle, String week, String zone,
                              String formats, Path directory, List<Path> files, boolean partial, boolean noData,
                              String trigger, long generatedAt) {
    public static final String MANUAL = "manual";
    public static final String SCHEDULE = "schedule";

    public GeneratedReport {
        files = List.copyOf(files);
    }

    public GeneratedReport withId(long newId) {
        return new GeneratedReport(newId, dashboardUid, dashboardTitle, week, zone, formats, directory, files, partial, noData,
                trigger, generatedAt);
    }
}
