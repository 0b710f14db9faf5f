package io.vigia.dashboards.report.write;

import io.vigia.dashboards.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PDF's "Source" column of the key numbers and the notes under the table: a cell names the
 * feed only ("GitHub usage reports"), so that the table keeps its type size; the feed's caveats
 * and an empty number's reason are too long for a cell and follow the table, each once.
 *
 * @param cells one per KPI, in order
 * @param notes the full lines the cells shorten
 */
record KpiSources(List<String> cells, List<String> notes) {
    /** The prefix and separator of {@link io.vigia.dashboards.query.Provenance#sourceLine()}. */
    private static final String PREFIX = "Source: ";
    private static final String NOTE = " · ";
    static final String NO_DATA = "No data (see below)";

    static KpiSources of(List<Report.Kpi> kpis) {
        List<String> cells = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Report.Kpi k : kpis) {
            String line = k.source();
            if (line.startsWith(PREFIX)) {
                int cut = line.indexOf(NOTE);
                cells.add(cut < 0 ? line.substring(PREFIX.length()) : line.substring(PREFIX.length(), cut));
                if (cut >= 0) {
                    notes.add(line);
                }
            } else if (!line.isEmpty()) {
                cells.add(NO_DATA);
                notes.add(k.title() + ": " + line);
            } else {
                cells.add("");
            }
        }
        return new KpiSources(cells, List.copyOf(notes));
    }
}
