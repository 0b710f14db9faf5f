package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything about a time series panel except its data. {@code softMin}/{@code softMax} widen
 * the value axis to include them (NaN: automatic), like Grafana's soft min/max.
 */
public record TimeSeriesOptions(
        String title,
        Unit unit,
        DrawStyle style,
        double lineWidth,
        double fillOpacity,
        LegendMode legend,
        List<Threshold> thresholds,
        ThresholdStyle thresholdStyle,
        List<Annotation> annotations,
        double softMin,
        double softMax,
        ZoneId zone,
        Map<String, SeriesOverride> overrides) {

    public TimeSeriesOptions {
        title = title == null ? "" : title;
        thresholds = thresholds.stream().sorted(Comparator.comparingDouble(Threshold::value)).toList();
        annotations = List.copyOf(annotations);
        overrides = Map.copyOf(overrides);
        if (!(lineWidth > 0)) {
            throw new IllegalArgumentException("line width must be positive");
        }
    }

    public static TimeSeriesOptions defaults(ZoneId zone) {
        return new TimeSeriesOptions("", Unit.NONE, DrawStyle.LINES, 1.5, 0.2, LegendMode.LIST,
                List.of(), ThresholdStyle.OFF, List.of(), Double.NaN, Double.NaN, zone, Map.of());
    }

    public TimeSeriesOptions withTitle(String t) {
        return new TimeSeriesOptions(t, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withUnit(Unit u) {
        return new TimeSeriesOptions(title, u, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withStyle(DrawStyle s) {
        return new TimeSeriesOptions(title, unit, s, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withLineWidth(double w) {
        return new TimeSeriesOptions(title, unit, style, w, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withLegend(LegendMode l) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, l, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withThresholds(List<Threshold> t, ThresholdStyle ts) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, t, ts, annotations, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withAnnotations(List<Annotation> a) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, a, softMin, softMax, zone, overrides);
    }

    public TimeSeriesOptions withOverrides(Map<String, SeriesOverride> o) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, o);
    }

    public TimeSeriesOptions withSoftRange(double min, double max) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, min, max, zone, overrides);
    }
}
