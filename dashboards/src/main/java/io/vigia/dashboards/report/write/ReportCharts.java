package io.vigia.dashboards.report.write;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.TableRenderer;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
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

    /** Height for a table of {@code rows} rows: all of them, as the renderer lays them out. */
    public static double height(Report.Table t) {
        return 56 + 24.0 * Math.max(1, t.rows().size());
    }

    /** A table with the app's table renderer: cells as the PDF shows them (numbers with their unit). */
    public static void paint(DrawingSurface s, Report.Table t) {
        List<TableData.Column> columns = new ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) {
            columns.add(new TableData.Column(t.columns().get(j), t.units().get(j).isEmpty() ? TableData.Align.LEFT : TableData.Align.RIGHT));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < t.columns().size(); j++) {
                row.add(t.display(i, j));
            }
            rows.add(row);
        }
        TableRenderer.render(s, t.title(), new TableData(columns, rows), 0, ChartTheme.light());
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
