package io.vigia.dashboards.findings;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finding's evidence as a small chart, onto any drawing surface (the Findings page's canvas, a
 * report's PNG or PDF): the series against its usual band over the evidence's span, the time it
 * was outside marked as a region and the changes just before it as markers. Evidence that is not
 * a series (SAST findings) has no chart.
 */
public final class EvidenceChart {
    /** The region's colour: Grafana's orange, as a warning. */
    static final ChartColor OUTSIDE = ChartColor.hex("#FF9830");
    static final ChartColor CHANGE = ChartColor.hex("#5794F2");

    private EvidenceChart() {
    }

    /** Whether the finding's evidence is a series to chart. */
    public static boolean charts(Finding f) {
        return f != null && f.evidence() instanceof Evidence.SeriesBand b && b.band().size() > 0 && b.to().isAfter(b.from());
    }

    /** Paints the chart; empty (and nothing painted) when the evidence has none. */
    public static Optional<TimeSeriesLayout> paint(DrawingSurface s, Finding f, ZoneId zone, ChartTheme theme) {
        if (!charts(f)) {
            return Optional.empty();
        }
        Evidence.SeriesBand e = (Evidence.SeriesBand) f.evidence();
        Band b = e.band();
        String name = e.series().isEmpty() ? f.title() : e.series();
        TimeSeriesData series = new TimeSeriesData(name, b.timestamps(), b.values());
        BaselineBands baseline = new BaselineBands(List.of(new BaselineBands.SeriesBand(name, b.timestamps(), b.lower(), b.median(),
                b.upper())), "");
        List<Annotation> marks = new ArrayList<>();
        long from = e.from().toEpochMilli();
        long to = e.to().toEpochMilli();
        long start = Math.max(from, f.start().toEpochMilli());
        long end = Math.min(to, f.end().toEpochMilli());
        if (end >= start) {
            marks.add(new Annotation(start, end, f.ongoing() ? "outside its band, ongoing" : "outside its band", OUTSIDE));
        }
        for (Finding.Cause c : f.causes()) {
            long t = c.event().timeMillis();
            if (t >= from && t <= to) {
                marks.add(new Annotation(t, c.event().describe(), CHANGE));
            }
        }
        TimeSeriesOptions o = TimeSeriesOptions.defaults(zone).withUnit(Unit.fromGrafanaId(e.unit())).withLegend(LegendMode.LIST)
                .withAnnotations(marks).withBaseline(baseline);
        return Optional.of(TimeSeriesRenderer.render(s, List.of(series), from, to, o, LegendState.ALL_VISIBLE, theme));
    }
}
