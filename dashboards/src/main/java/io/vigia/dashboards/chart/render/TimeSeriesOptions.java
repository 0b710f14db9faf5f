package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.BaselineBands;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything about a time series panel except its data. {@code softMin}/{@code softMax} widen
 * the value axis to include them (NaN: automatic), like Grafana's soft min/max. {@code baseline}
 * holds the usual bands drawn behind the series ({@link BaselinePainter}).
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
        Map<String, SeriesOverride> overrides,
        BaselineBands baseline) {

    public TimeSeriesOptions {
        title = title == null ? "" : title;
        thresholds = thresholds.stream().sorted(Comparator.comparingDouble(Threshold::value)).toList();
        annotations = List.copyOf(annotations);
        overrides = Map.copyOf(overrides);
        baseline = baseline == null ? BaselineBands.NONE : baseline;
        if (!(lineWidth > 0)) {
            throw new IllegalArgumentException("line width must be positive");
        }
    }

    public static TimeSeriesOptions defaults(ZoneId zone) {
        return new TimeSeriesOptions("", Unit.NONE, DrawStyle.LINES, 1.5, 0.2, LegendMode.LIST,
                List.of(), ThresholdStyle.OFF, List.of(), Double.NaN, Double.NaN, zone, Map.of(), BaselineBands.NONE);
    }

    public TimeSeriesOptions withTitle(String t) {
        return new TimeSeriesOptions(t, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withUnit(Unit u) {
        return new TimeSeriesOptions(title, u, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withStyle(DrawStyle s) {
        return new TimeSeriesOptions(title, unit, s, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withLineWidth(double w) {
        return new TimeSeriesOptions(title, unit, style, w, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withLegend(LegendMode l) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, l, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withThresholds(List<Threshold> t, ThresholdStyle ts) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, t, ts, annotations, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withAnnotations(List<Annotation> a) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, a, softMin, softMax, zone, overrides, baseline);
    }

    public TimeSeriesOptions withOverrides(Map<String, SeriesOverride> o) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, o, baseline);
    }

    public TimeSeriesOptions withSoftRange(double min, double max) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, min, max, zone, overrides, baseline);
    }

    public TimeSeriesOptions withBaseline(BaselineBands b) {
        return new TimeSeriesOptions(title, unit, style, lineWidth, fillOpacity, legend, thresholds, thresholdStyle, annotations, softMin, softMax, zone, overrides, b);
    }
}
