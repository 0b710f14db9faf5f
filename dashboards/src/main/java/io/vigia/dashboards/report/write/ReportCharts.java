package io.vigia.dashboards.report.write;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.PanelPainter;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.report.Report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints a report's chart with the app's own {@link PanelPainter}, so that the PDF, the HTML and
 * the PNG files show what the dashboard shows, on any surface (Java2D for PNG and vector PDF, SVG
 * for HTML).
 */
public final class ReportCharts {
    /** Logical size of a chart in the report: drawn at this size, scaled to the page. */
    public static final double WIDTH = 760;
    public static final double HEIGHT = 320;
    public static final double BAR_HEIGHT = 300;

    private ReportCharts() {
    }

    public static double height(Report.Chart c) {
        return c.type() == PanelType.BAR_CHART ? BAR_HEIGHT : HEIGHT;
    }

    public static void paint(DrawingSurface s, Report.Chart c, Report r) {
        List<TimeSeriesData> series = new ArrayList<>();
        List<String> refIds = new ArrayList<>();
        for (Report.ChartSeries cs : c.series()) {
            series.add(new TimeSeriesData(cs.name(), cs.timestamps(), cs.values()));
            refIds.add(cs.refId());
        }
        PanelData data = new PanelData(series, refIds, Duration.ofHours(1), List.of(), List.of());
        PanelPainter.paint(s, c.panel().withTitle(c.title()), data, new PanelPainter.Context(r.from().toEpochMilli(),
                r.to().toEpochMilli(), r.zone(), ChartTheme.light(), LegendState.ALL_VISIBLE, c.annotations()));
    }
}
