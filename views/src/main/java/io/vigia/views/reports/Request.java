package io.vigia.views.reports;

import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.write.Paper;
import io.vigia.dashboards.report.write.ReportFormat;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

/** What the Reports form asks for, checked: the dashboard, week, zone, formats, paper and folder of one report. */
record Request(String uid, IsoWeek week, ZoneId zone, Set<ReportFormat> formats, Paper paper, Path directory) {

    /** The form's fields as a request; an IllegalArgumentException with the message to show when one is not valid. */
    static Request check(String uid, String week, String zone, Set<ReportFormat> formats, Paper paper, Path directory) {
        if (uid == null) {
            throw new IllegalArgumentException("Choose a dashboard.");
        }
        IsoWeek w = IsoWeek.parse(week);
        ZoneId z;
        try {
            z = ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + zone + "\" is not a time zone; write it like Europe/Madrid or UTC");
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one format.");
        }
        if (directory == null) {
            throw new IllegalArgumentException("Choose a folder for the files.");
        }
        return new Request(uid, w, z, formats, paper, directory);
    }
}
