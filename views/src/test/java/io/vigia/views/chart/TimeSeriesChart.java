package io.vigia.views.chart;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.render.Tooltip;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.MouseEvent;

/**
 * A time series panel on a {@link ChartCanvas}: crosshair tooltip on hover, legend click
 * toggles a series (Grafana: click isolates, ctrl/cmd-click toggles). The data and options are
 * plain values; set them on the FX thread and the chart repaints once per pulse.
 */
public class TimeSeriesChart extends ChartCanvas {

    private final ObjectProperty<LegendState> legendState = new SimpleObjectProperty<>(LegendState.ALL_VISIBLE);
    private List<TimeSeriesData> data = List.of();
    private TimeSeriesOptions options;
    private ChartTheme theme = ChartTheme.light();
    private long from;
    private long to = 1;
    private TimeSeriesLayout layout;
    private double hoverX = Double.NaN;

    public TimeSeriesChart(TimeSeriesOptions options) {
        this.options = options;
        setPainter(s -> {
            layout = TimeSeriesRenderer.render(s, data, from, to, this.options, legendState.get(), theme);
            if (!Double.isNaN(hoverX)) {
                Optional<Tooltip> tip = Tooltip.at(layout, data, hoverX, this.options.unit());
                TimeSeriesRenderer.paintCrosshair(s, layout, tip, theme, this.options.zone());
            }
        });
        legendState.addListener((obs, a, b) -> requestRepaint());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            requestRepaint();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            requestRepaint();
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (layout == null) {
                return;
            }
            layout.legendItemAt(e.getX(), e.getY()).ifPresent(name -> legendState.set(e.isShortcutDown()
                    ? legendState.get().toggle(name)
                    : legendState.get().isolate(name, data.stream().map(TimeSeriesData::name).toList())));
        });
    }

    public void setData(List<TimeSeriesData> series, long fromMillis, long toMillis) {
        this.data = List.copyOf(series);
        this.from = fromMillis;
        this.to = toMillis;
        requestRepaint();
    }

    public void setOptions(TimeSeriesOptions options) {
        this.options = options;
        requestRepaint();
    }

    public void setTheme(ChartTheme theme) {
        this.theme = theme;
        requestRepaint();
    }

    public ObjectProperty<LegendState> legendStateProperty() {
        return legendState;
    }

    /** The layout of the last paint, for hit-testing; empty before the first paint. */
    public Optional<TimeSeriesLayout> chartLayout() {
        return Optional.ofNullable(layout);
    }
}
