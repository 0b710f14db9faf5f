package io.vigia.bench;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.views.chart.ChartCanvas;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One series of 1M points into a 1,600 × 400 panel, time to a finished frame: Vigia's renderer
 * (M4 + drawing surface, on a JavaFX Canvas and on Java2D) vs {@code javafx.scene.chart.LineChart}
 * with symbols and animation off, on the same arrays. The JavaFX arms run on the FX thread and
 * end with a snapshot, so the frame is really rasterised (software pipeline). Goal (issue 6):
 * ≥ 100× faster than LineChart and ≤ 16 ms a frame. Vigia's arms are averaged over many frames
 * after warm-up; LineChart's take seconds each, so they are single shots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dglass.platform=Headless", "-Dprism.order=sw"})
public class ChartRenderBench {

    static final int WIDTH = 1600;
    static final int HEIGHT = 400;

    /** 1M is the row; 100k is perf_anchors' LineChart comparison point. */
    @Param({"100000", "1000000"})
    int points;

    ChartData data;
    List<TimeSeriesData> series;
    TimeSeriesOptions options;
    ChartCanvas chart;
    WritableImage frame;

    @Setup
    public void setUp() throws Exception {
        FxThread.start();
        data = new ChartData(points, 7);
        series = List.of(new TimeSeriesData("walk", data.ts, data.values));
        options = TimeSeriesOptions.defaults(ZoneOffset.UTC).withTitle("1M points").withLegend(LegendMode.LIST);
        FxThread.call(() -> {
            chart = new ChartCanvas(s -> TimeSeriesRenderer.render(s, series, data.from(), data.to(),
                    options, LegendState.ALL_VISIBLE, ChartTheme.light()));
            chart.resize(WIDTH, HEIGHT);
            chart.layout();
            frame = chart.canvas().snapshot(null, null);
            return null;
        });
    }

    /**
     * As in the app, the panel's canvas exists already and is repainted (a refresh, a zoom, a
     * legend toggle); the frame is rasterised into an image kept across frames.
     */
    @Benchmark
    public WritableImage vigiaCanvas() throws Exception {
        return FxThread.call(() -> {
            chart.paintNow();
            return chart.canvas().snapshot(null, frame);
        });
    }

    @Benchmark
    public BufferedImage vigiaJava2D() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(img, 1, true);
        TimeSeriesRenderer.render(s, series, data.from(), data.to(), options, LegendState.ALL_VISIBLE, ChartTheme.light());
        return img;
    }

    /** Seconds per frame and ~1 GB per million points: single shots, few of them. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public WritableImage baselineLineChart() throws Exception {
        return FxThread.call(() -> {
            NumberAxis x = new NumberAxis();
            NumberAxis y = new NumberAxis();
            x.setForceZeroInRange(false);
            y.setForceZeroInRange(false);
            x.setAnimated(false);
            y.setAnimated(false);
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("walk");
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(data.ts.length);
            for (int i = 0; i < data.ts.length; i++) {
                points.add(new XYChart.Data<>(data.ts[i], data.values[i]));
            }
            s.getData().setAll(points);
            chart.getData().add(s);
            StackPane root = new StackPane(chart);
            new Scene(root, WIDTH, HEIGHT);
            root.applyCss();
            root.layout();
            return root.snapshot(null, null);
        });
    }
}
