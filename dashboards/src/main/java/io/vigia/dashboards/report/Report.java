package io.vigia.dashboards.report;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
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

    /**
     * One headline number with last week's value; {@code previous} is NaN when last week had none.
     * {@code direction} says whether a rise is good, bad or neither, which colours the change;
     * {@code test} is the week-over-week change tested on the daily values ({@link KpiTest}), null
     * where the report did not test it. A change that the test finds within the day-to-day
     * variation is shown plain, whatever its direction. {@code source} is the panel's source line
     * ({@link io.vigia.dashboards.query.Provenance#reportLine()}), or why it is empty; "" when the
     * panel does not say.
     */
    public record Kpi(String title, String unit, double current, double previous, FieldConfig fieldConfig,
                      KpiDirection direction, KpiTest test, String source) {
        /** A change smaller than this is shown plain in every format. */
        public static final double NOTABLE = 0.05;

        public Kpi {
            source = source == null ? "" : source;
        }

        public Kpi(String title, String unit, double current, double previous, FieldConfig fieldConfig,
                   KpiDirection direction) {
            this(title, unit, current, previous, fieldConfig, direction, null, "");
        }

        public Kpi withTest(KpiTest t) {
            return new Kpi(title, unit, current, previous, fieldConfig, direction, t, source);
        }

        /** How the change reads in colour: good, bad, or plain (small, neutral, not comparable, or not significant). */
        public KpiDirection.Tone tone() {
            if (test != null && test.tested() && !test.significant()) {
                return KpiDirection.Tone.PLAIN;
            }
            return direction.tone(change(), NOTABLE);
        }

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

    /**
     * A chart: series over the week (timestamps in ms), with their legend names, the panel that
     * draws them (type, unit, thresholds, options) and the markers to draw over them (deploys).
     * {@code source} is printed under it as {@link Kpi#source()} is.
     */
    public record Chart(String title, PanelType type, FieldConfig fieldConfig, List<ChartSeries> series, boolean stacked,
                        Panel panel, List<Annotation> annotations, String source) implements Section {
        public Chart {
            source = source == null ? "" : source;
            series = List.copyOf(series);
            annotations = List.copyOf(annotations);
        }

        public boolean hasData() {
            return series.stream().anyMatch(s -> s.timestamps().length > 0);
        }

        /** Nothing to draw and the panel says why ({@code source} is then the reason): shown in place of the chart. */
        public boolean emptyWithReason() {
            return !hasData() && !source.isEmpty();
        }
    }

    /** One series of a chart; {@code refId} names the panel query it came from. */
    public record ChartSeries(String name, String refId, long[] timestamps, double[] values) {
    }

    /**
     * A table: column names, each column's Grafana unit (empty for a text column) and rows of cells.
     * Numeric cells hold raw numbers ({@link Double#toString}) so that CSV keeps full precision;
     * the PDF and HTML writers format them with the column's unit ({@link #display}).
     */
    public record Table(String title, List<String> columns, List<String> units, List<List<String>> rows, String note)
            implements Section {
        public Table {
            columns = List.copyOf(columns);
            units = List.copyOf(units);
            if (units.size() != columns.size()) {
                throw new IllegalArgumentException("one unit per column");
            }
            rows = rows.stream().map(List::copyOf).toList();
            note = note == null ? "" : note;
        }

        /** The cell as a reader sees it: numbers formatted with the column's unit, text as it is. */
        public String display(int row, int column) {
            String cell = rows.get(row).get(column);
            String unit = units.get(column);
            if (unit.isEmpty()) {
                return cell;
            }
            try {
                return ValueFormat.format(Double.parseDouble(cell), unit);
            } catch (NumberFormatException e) {
                return cell;
            }
        }
    }

    /** A panel that could not be computed or is not part of reports, with the reason. */
    public record Missing(String title, String reason) implements Section {
    }
}
