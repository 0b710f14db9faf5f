package io.vigia.dashboards.paint;

import io.vigia.datasources.guardrail.GuardrailTaxonomy;
import io.vigia.dashboards.analytics.DriftThresholds;
import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.BarOptions;
import io.vigia.dashboards.chart.render.Frame;
import io.vigia.dashboards.chart.render.BarRenderer;
import io.vigia.dashboards.chart.render.DrawStyle;
import io.vigia.dashboards.chart.render.GaugeOptions;
import io.vigia.dashboards.chart.render.GaugeRenderer;
import io.vigia.dashboards.chart.render.HeatmapOptions;
import io.vigia.dashboards.chart.render.HeatmapRenderer;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.LogsRenderer;
import io.vigia.dashboards.chart.render.SeriesOverride;
import io.vigia.dashboards.chart.render.StatOptions;
import io.vigia.dashboards.chart.render.StatRenderer;
import io.vigia.dashboards.chart.render.TableRenderer;
import io.vigia.dashboards.chart.render.Threshold;
import io.vigia.dashboards.chart.render.ThresholdStyle;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.data.CategoryData;
import io.vigia.dashboards.chart.data.GaugeData;
import io.vigia.dashboards.chart.data.HeatmapData;
import io.vigia.dashboards.chart.data.StatData;
import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.query.DriftPanel;
import io.vigia.dashboards.query.PanelData;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Paints one dashboard panel with its data onto any drawing surface (the app's canvas, a report's
 * PDF or PNG): picks the renderer for the panel type and turns query results into what it draws.
 * Without JavaFX, so the app and headless reports paint the very same pixels.
 */
public final class PanelPainter {

    /** What the painter needs besides panel and data. */
    public record Context(long from, long to, ZoneId zone, ChartTheme theme, LegendState legend,
                          List<Annotation> annotations) {
        public Context {
            annotations = List.copyOf(annotations);
        }
    }

    private PanelPainter() {
    }

    /**
     * @param data null while the first load runs
     * @return the time series layout for hit-testing, when the panel drew one
     */
    public static Optional<TimeSeriesLayout> paint(DrawingSurface s, Panel p, PanelData data, Context c) {
        if (data != null && data.provenance().known()) {
            return SourceFooter.paint(s, p, data, c.theme(), top -> paintPanel(top, p, data, c));
        }
        return paintPanel(s, p, data, c);
    }

    private static Optional<TimeSeriesLayout> paintPanel(DrawingSurface s, Panel p, PanelData data, Context c) {
        if (data == null) {
            message(s, p.title(), "Loading…", c.theme(), false);
            return Optional.empty();
        }
        if (data.series().isEmpty() && !data.errors().isEmpty()) {
            message(s, p.title(), String.join("\n", data.errors()), c.theme(), true);
            return Optional.empty();
        }
        Unit unit = Unit.fromGrafanaId(p.fieldConfig().unit());
        return switch (p.type()) {
            case TIME_SERIES -> Optional.of(TimeSeriesRenderer.render(s, data.series(), c.from(), c.to(),
                    timeSeriesOptions(p, unit, c).withOverrides(previousPeriodOverrides(data, c.theme())).withBaseline(data.baseline()),
                    c.legend(), c.theme()));
            case STAT -> {
                StatRenderer.render(s, stat(p, data), new StatOptions(unit, thresholds(p.fieldConfig().thresholds()), p.options().stat().direction(),
                        "previous period"), c.theme());
                yield Optional.empty();
            }
            case GAUGE, BAR_GAUGE -> {
                double v = last(data, "A");
                double min = p.fieldConfig().min() == null ? 0 : p.fieldConfig().min();
                double max = p.fieldConfig().max() == null ? (unit == Unit.PERCENT_UNIT ? 1 : Math.max(1, v)) : p.fieldConfig().max();
                GaugeRenderer.render(s, new GaugeData(p.title(), v, min, max),
                        new GaugeOptions(unit, thresholds(p.fieldConfig().thresholds())), c.theme());
                yield Optional.empty();
            }
            case BAR_CHART -> {
                BarRenderer.render(s, categories(p, data), new BarOptions(p.title(), unit, BarOptions.Mode.GROUPED,
                        BarOptions.Orientation.VERTICAL, LegendMode.LIST), c.legend(), c.theme());
                yield Optional.empty();
            }
            case TABLE -> {
                TableRenderer.render(s, p.title(), table(p, data, unit), 0, c.theme());
                yield Optional.empty();
            }
            case HEATMAP -> {
                HeatmapRenderer.render(s, heatmap(data), c.from(), c.to(),
                        new HeatmapOptions(p.title(), Unit.NONE, c.zone()), c.theme());
                yield Optional.empty();
            }
            case TEXT -> {
                message(s, p.title(), p.text(), c.theme(), false);
                yield Optional.empty();
            }
            case LOGS -> {
                paintLogs(s, p, data, c, 0);
                yield Optional.empty();
            }
            case ROW, UNSUPPORTED -> {
                message(s, p.title(), "Panel type \"" + p.originalType() + "\" is not drawn by Vigia yet", c.theme(), false);
                yield Optional.empty();
            }
        };
    }

    /**
     * A logs panel from line {@code firstLine} (0 is the newest): its lines, or its errors when it
     * has none, or "Loading…".
     *
     * @return the lines shown, for scrolling; empty when no line was drawn
     */
    public static Optional<LogsRenderer.LogsLayout> paintLogs(DrawingSurface s, Panel p, PanelData data, Context c, int firstLine) {
        if (data == null) {
            message(s, p.title(), "Loading…", c.theme(), false);
            return Optional.empty();
        }
        if (data.logs().isEmpty() && !data.errors().isEmpty()) {
            message(s, p.title(), String.join("\n", data.errors()), c.theme(), true);
            return Optional.empty();
        }
        return Optional.of(LogsRenderer.render(s, p.title(), data.logs(), firstLine, c.zone(), c.theme()));
    }

    /**
     * Series of the previous period (refIds ending in {@link PanelData#PREVIOUS_PERIOD_REF}) are
     * dashed, in the colour of the series they are the previous period of.
     */
    static java.util.Map<String, SeriesOverride> previousPeriodOverrides(PanelData data, ChartTheme theme) {
        java.util.Map<String, SeriesOverride> out = new java.util.HashMap<>();
        List<String> names = data.series().stream().map(d -> d.name()).toList();
        for (int i = 0; i < names.size(); i++) {
            if (data.refIds().get(i).endsWith(PanelData.PREVIOUS_PERIOD_REF)) {
                String current = names.get(i).replace(PanelData.PREVIOUS_PERIOD_NAME, "");
                int k = names.indexOf(current);
                out.put(names.get(i), new SeriesOverride(theme.seriesColor(k >= 0 ? k : i), true));
            }
        }
        return out;
    }

    private static TimeSeriesOptions timeSeriesOptions(Panel p, Unit unit, Context c) {
        PanelOptions.Graph g = p.options().graph();
        DrawStyle style = g.stacking() == PanelOptions.Stacking.NORMAL ? DrawStyle.STACKED_AREA
                : g.drawStyle() == PanelOptions.DrawStyle.POINTS ? DrawStyle.POINTS : DrawStyle.LINES;
        Thresholds t = p.fieldConfig().thresholds();
        ThresholdStyle ts = switch (t.display()) {
            case OFF -> ThresholdStyle.OFF;
            case LINE -> ThresholdStyle.LINE;
            case AREA -> ThresholdStyle.BAND;
            case LINE_AND_AREA -> ThresholdStyle.LINE_AND_BAND;
        };
        return TimeSeriesOptions.defaults(c.zone()).withTitle(p.title()).withUnit(unit).withStyle(style)
                .withThresholds(thresholds(t), ts).withAnnotations(c.annotations());
    }

    /** Grafana's steps as chart thresholds; the base step (no value) is the default colour. */
    static List<Threshold> thresholds(Thresholds t) {
        List<Threshold> out = new ArrayList<>();
        for (Thresholds.Step step : t.steps()) {
            if (step.value() != null) {
                out.add(new Threshold(step.value(), color(step.color())));
            }
        }
        return out;
    }

    /** Grafana's named colours and hex or rgba() strings. */
    public static ChartColor color(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("#") && (n.length() == 7 || n.length() == 4)) {
            return ChartColor.hex(n);
        }
        if (n.startsWith("rgb")) {
            String[] parts = n.replaceAll("[^0-9.,]", "").split(",");
            if (parts.length >= 3) {
                ChartColor base = new ChartColor(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), 1);
                return parts.length > 3 ? base.withAlpha(Double.parseDouble(parts[3])) : base;
            }
        }
        return ChartColor.hex(switch (n) {
            case "green", "dark-green" -> "#73BF69";
            case "red", "dark-red" -> "#F2495C";
            case "yellow" -> "#FADE2A";
            case "orange" -> "#FF9830";
            case "purple" -> "#B877D9";
            default -> "#5794F2";
        });
    }

    private static StatData stat(Panel p, PanelData data) {
        TimeSeriesData spark = null;
        for (int i = 0; i < data.series().size(); i++) {
            if (data.refIds().get(i).equals("A") && data.series().get(i).size() > 1) {
                spark = data.series().get(i);
                break;
            }
        }
        if (last(data, PanelOptions.Stat.REBASELINE_REF) > 0) {
            return new StatData(p.title(), last(data, "A"), Double.NaN, spark, PanelOptions.Stat.REBASELINE_NOTE);
        }
        return new StatData(p.title(), last(data, "A"), last(data, "B"), spark);
    }

    /** The last non-NaN value of the first series of query {@code refId}; NaN when there is none. */
    static double last(PanelData data, String refId) {
        for (int i = 0; i < data.series().size(); i++) {
            if (data.refIds().get(i).equals(refId)) {
                double v = lastValue(data.series().get(i));
                if (!Double.isNaN(v)) {
                    return v;
                }
            }
        }
        return Double.NaN;
    }

    /** Categories are the series names (legend format); one bar series per query. */
    private static CategoryData categories(Panel p, PanelData data) {
        Map<String, String> names = p.options().bars().seriesNames();
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        Map<String, Map<String, Double>> byRef = new LinkedHashMap<>();
        for (int i = 0; i < data.series().size(); i++) {
            TimeSeriesData s = data.series().get(i);
            categories.add(s.name());
            byRef.computeIfAbsent(data.refIds().get(i), k -> new LinkedHashMap<>()).put(s.name(), lastValue(s));
        }
        List<String> cats = sortedCategories(categories);
        List<CategoryData.Series> series = new ArrayList<>();
        byRef.forEach((ref, values) -> {
            double[] v = new double[cats.size()];
            for (int i = 0; i < cats.size(); i++) {
                v[i] = values.getOrDefault(cats.get(i), Double.NaN);
            }
            series.add(new CategoryData.Series(names.getOrDefault(ref, byRef.size() == 1 ? p.title() : ref), v));
        });
        return new CategoryData(cats, series);
    }

    /** Histogram bounds ({@code le}) sort numerically; other categories keep the query's order. */
    private static List<String> sortedCategories(LinkedHashSet<String> categories) {
        List<String> list = new ArrayList<>(categories);
        if (!list.isEmpty() && list.stream().allMatch(PanelPainter::isBound)) {
            list.sort((a, b) -> Double.compare(bound(a), bound(b)));
        }
        return list;
    }

    private static boolean isBound(String s) {
        return s.equals("+Inf") || s.matches("[0-9.eE+-]+");
    }

    private static double bound(String s) {
        return s.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    private static TableData table(Panel p, PanelData data, Unit unit) {
        if (p.options().drift().mode() == PanelOptions.Drift.Mode.STATUS) {
            return driftTable(data);
        }
        boolean owasp = p.options().table().owaspColumn();
        List<TableData.Column> columns = new ArrayList<>();
        columns.add(new TableData.Column("Series", TableData.Align.LEFT));
        if (owasp) {
            columns.add(new TableData.Column("OWASP LLM Top 10 (2025)", TableData.Align.LEFT));
        }
        columns.add(new TableData.Column("Value", TableData.Align.RIGHT));
        List<List<String>> rows = new ArrayList<>();
        for (TimeSeriesData s : data.series()) {
            List<String> row = new ArrayList<>();
            row.add(s.name());
            if (owasp) {
                row.add(GuardrailTaxonomy.owaspLabel(s.name()));
            }
            row.add(unit.format(lastValue(s)));
            rows.add(row);
        }
        return new TableData(columns, rows);
    }

    /** A drift status panel: one row per feature ({@link DriftStatusTable}). */
    static TableData driftTable(PanelData data) {
        return DriftStatusTable.of(data);
    }

    /** Cumulative {@code le} series into per-bucket counts over time. */
    private static HeatmapData heatmap(PanelData data) {
        TreeMap<Double, TimeSeriesData> byBound = new TreeMap<>();
        for (TimeSeriesData s : data.series()) {
            if (isBound(s.name())) {
                byBound.put(bound(s.name()), s);
            }
        }
        if (byBound.isEmpty()) {
            return new HeatmapData(new long[0], new double[0], new double[0][]);
        }
        TimeSeriesData first = byBound.firstEntry().getValue();
        long[] ts = first.ts();
        double[] bounds = byBound.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] counts = new double[ts.length][bounds.length];
        List<TimeSeriesData> ordered = new ArrayList<>(byBound.values());
        for (int b = 0; b < ordered.size(); b++) {
            TimeSeriesData s = ordered.get(b);
            TimeSeriesData below = b == 0 ? null : ordered.get(b - 1);
            for (int i = 0; i < ts.length; i++) {
                double v = valueAt(s, ts[i]);
                double under = below == null ? 0 : valueAt(below, ts[i]);
                counts[i][b] = Double.isNaN(v) ? 0 : Math.max(0, v - (Double.isNaN(under) ? 0 : under));
            }
        }
        return new HeatmapData(ts, bounds, counts);
    }

    private static double valueAt(TimeSeriesData s, long t) {
        int i = Arrays.binarySearch(s.ts(), t);
        return i >= 0 ? s.values()[i] : Double.NaN;
    }

    private static double lastValue(TimeSeriesData s) {
        double[] v = s.values();
        for (int k = v.length - 1; k >= 0; k--) {
            if (!Double.isNaN(v[k])) {
                return v[k];
            }
        }
        return Double.NaN;
    }

    /** A panel that shows only a message: loading, an error, text, an unsupported type. */
    private static void message(DrawingSurface s, String title, String text, ChartTheme theme, boolean error) {
        Rect area = Frame.begin(s, title, theme);
        s.setFont(theme.font());
        s.setFill(error ? ChartColor.hex("#D44A3A") : theme.mutedText());
        double y = area.y() + 16;
        for (String line : text.split("\n")) {
            if (y > area.bottom()) {
                break;
            }
            s.fillText(InertText.fit(s, InertText.of(line), area.width()), area.x(), y);
            y += 18;
        }
    }
}
