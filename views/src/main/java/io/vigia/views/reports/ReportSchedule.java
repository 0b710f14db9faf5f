package io.vigia.views.reports;

import io.vigia.dashboards.report.IsoWeek;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly schedule of the Reports page, kept in the workspace settings: on {@code day} at
 * {@code time} (in {@code zone}), while the app runs, write the report of the week that just
 * ended. A run missed while the app was closed happens at the next check after it starts.
 */
public record ReportSchedule(boolean enabled, DayOfWeek day, LocalTime time) {
    static final String ENABLED = "reports.schedule.enabled";
    static final String DAY = "reports.schedule.day";
    static final String TIME = "reports.schedule.time";
    public static final ReportSchedule DEFAULT = new ReportSchedule(false, DayOfWeek.MONDAY, LocalTime.of(8, 0));

    static ReportSchedule fromSettings(Map<String, String> s) {
        try {
            return new ReportSchedule("true".equals(s.get(ENABLED)),
                    DayOfWeek.valueOf(s.getOrDefault(DAY, DEFAULT.day.name()).toUpperCase(Locale.ROOT)),
                    LocalTime.parse(s.getOrDefault(TIME, DEFAULT.time.toString())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return DEFAULT;
        }
    }

    Map<String, String> toSettings() {
        return Map.of(ENABLED, Boolean.toString(enabled), DAY, day.name(), TIME, time.toString());
    }

    /**
     * The week to write at {@code now}, if a run is due: the last complete week, once this week's
     * run time has passed. Whether it was written already is for the caller to check.
     */
    Optional<IsoWeek> due(Instant now, ZoneId zone) {
        if (!enabled) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime runAt = monday.with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
        if (local.isBefore(runAt)) {
            return Optional.empty();
        }
        return Optional.of(IsoWeek.of(monday.minusWeeks(1)));
    }
}
