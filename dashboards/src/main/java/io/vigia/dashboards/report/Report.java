package io.vigia.dashboards.report;

import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.PanelType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A weekly report, computed once and handed to every writer (PDF, HTML, CSV, PNG), so that all
 * formats show the same numbers. {@code partial} is set when some panel failed; each failure is
 * in {@code problems}. {@code noData} means no panel had any sample in the week.
 */
public record Report(String title, String dashboardUid, IsoWeek week, ZoneId zone, Instant from, Instant to,
                     Instant generatedAt, List<Kpi> kpis, List<Section> sections, List<String> summary,
                     boolean partial, boolean noData, List<String> problems) {
    public Report {
        kpis = List.copyOf(kpis);
        sections = List.copyOf(sections);
        summary = List.copyOf(summary);
        problems = List.copyOf(problems);
    }

    /** One headline number with last week's value; {@code previous} is NaN when last week had none. */
    public record Kpi(String title, String unit, double current, double previous, FieldConfig fieldConfig) {
        /** Relative change, NaN when it cannot be computed (no previous value, or previous 0). */
        public double change() {
            return Double.isNaN(previous) || previous == 0 || Double.isNaN(current)
                    ? Double.NaN : (current - previous) / Math.abs(previous);
        }
    }

    /** A panel's content in the report. */
    public sealed interface Section {
        String title();
    }

    public record Heading(String title) implements Section {
    }

    public record Text(String title, String text) implements Section {
    }

    /** A chart: series over the week (timestamps in ms), with their legend names. */
    public record Chart(String title, PanelType type, FieldConfig fieldConfig, List<ChartSeries> series, String stacking)
            implements Section {
        public Chart {
            series = List.copyOf(series);
        }
    }

    public record ChartSeries(String name, long[] timestamps, double[] values) {
    }

    /** A table: column names and rows of cells (already formatted for display, raw numbers for CSV). */
    public record Table(String title, List<String> columns, List<List<String>> rows) implements Section {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A panel that could not be computed or is not part of reports, with the reason. */
    public record Missing(String title, String reason) implements Section {
    }
}
