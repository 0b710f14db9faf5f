package io.vigia.dashboards.report.write;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The files a report can be written as. */
public enum ReportFormat {
    PDF, HTML, CSV, PNG;

    /** {@code "pdf,html,csv"} (any case, spaces allowed) as a set; an unknown name is an error naming the valid ones. */
    public static Set<ReportFormat> parseList(String list) {
        EnumSet<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        for (String part : (list == null ? "" : list).split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format \"" + part.strip() + "\"; use pdf, html, csv or png");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no format given; use pdf, html, csv or png");
        }
        return out;
    }
}
