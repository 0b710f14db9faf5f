package io.vigia.views.chart;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Paints charts into a real JavaFX Canvas (headless platform) and inspects the snapshot. */
@ExtendWith(JavaFxToolkit.class)
class ChartCanvasTest {

    static final long T0 = 1_700_000_000_000L;

    static List<TimeSeriesData> data(int n) {
        long[] ts = new long[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 1000L;
            a[i] = 50 + 40 * Math.sin(i * 2 * Math.PI / (n / 4.0));
            b[i] = i % 1000 == 500 ? Double.NaN : 20 + 10 * Math.cos(i * 2 * Math.PI / (n / 7.0));
        }
        return List.of(new TimeSeriesData("a", ts, a), new TimeSeriesData("b", ts, b));
    }

    static int inkIn(PixelReader r, Rect plot, int background) {
        int n = 0;
        for (int y = (int) plot.y() + 2; y < (int) plot.bottom() - 2; y++) {
            for (int x = (int) plot.x() + 2; x < (int) plot.right() - 2; x++) {
                if (r.getArgb(x, y) != background) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void paintsATimeSeriesIntoACanvasSnapshot() throws Exception {
        List<TimeSeriesData> series = data(200_000);
        TimeSeriesOptions options = TimeSeriesOptions.defaults(ZoneOffset.UTC).withTitle("canvas").withUnit(Unit.PERCENT);
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        WritableImage img = onFx(() -> {
            ChartCanvas chart = new ChartCanvas(s -> layout[0] = TimeSeriesRenderer.render(s, series, T0, T0 + 200_000_000L,
                    options, LegendState.ALL_VISIBLE, ChartTheme.light()));
            chart.resize(800, 320);
            chart.layout();
            return chart.canvas().snapshot(null, null);
        });
        assertThat(img.getWidth()).isEqualTo(800);
        writePng(img, "canvas-timeseries");
        Rect plot = layout[0].plot();
        assertThat(plot.width()).isGreaterThan(600);
        int white = 0xffffffff;
        int ink = inkIn(img.getPixelReader(), plot, white);
        assertThat(ink).isGreaterThan(2000);
        // the series colour itself is there, not only grid lines
        int seriesArgb = 0xff000000 | ChartTheme.light().seriesColor(0).red() << 16
                | ChartTheme.light().seriesColor(0).green() << 8 | ChartTheme.light().seriesColor(0).blue();
        int exact = 0;
        PixelReader r = img.getPixelReader();
        for (int y = (int) plot.y(); y < (int) plot.bottom(); y++) {
            for (int x = (int) plot.x(); x < (int) plot.right(); x++) {
                if (r.getArgb(x, y) == seriesArgb) {
                    exact++;
                }
            }
        }
        assertThat(exact).isGreaterThan(100);
    }

    @Test
    void denseHeatmapImageOnTheCanvas() throws Exception {
        int n = 3000;
        long[] ts = new long[n];
        double[][] counts = new double[n][3];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 10_000L;
            counts[i][1] = 5;
        }
        var data = new io.vigia.dashboards.chart.data.HeatmapData(ts, new double[]{1, 2, 3}, counts);
        io.vigia.dashboards.chart.render.HeatmapLayout[] layout = new io.vigia.dashboards.chart.render.HeatmapLayout[1];
        WritableImage img = onFx(() -> {
            ChartCanvas chart = new ChartCanvas(s -> layout[0] = io.vigia.dashboards.chart.render.HeatmapRenderer.render(s, data,
                    T0, T0 + n * 10_000L, new io.vigia.dashboards.chart.render.HeatmapOptions("h", Unit.COUNT, ZoneOffset.UTC), ChartTheme.light()));
            chart.resize(500, 240);
            chart.layout();
            return chart.canvas().snapshot(null, null);
        });
        writePng(img, "canvas-heatmap");
        Rect plot = layout[0].plot();
        int middle = img.getPixelReader().getArgb((int) (plot.x() + plot.width() / 2), (int) (plot.y() + plot.height() / 2));
        int top = img.getPixelReader().getArgb((int) (plot.x() + plot.width() / 2), (int) (plot.y() + plot.height() / 6));
        assertThat(middle).isEqualTo(io.vigia.dashboards.chart.render.HeatmapRenderer.colorFor(1).argb());
        assertThat(top).isEqualTo(0xffffffff);
    }

    @Test
    void emptyDataLeavesThePlotBlankButForGridAndText() throws Exception {
        TimeSeriesLayout[] layout = new TimeSeriesLayout[1];
        WritableImage img = onFx(() -> {
            ChartCanvas chart = new ChartCanvas(s -> layout[0] = TimeSeriesRenderer.render(s, List.of(), T0, T0 + 3_600_000L,
                    TimeSeriesOptions.defaults(ZoneOffset.UTC), LegendState.ALL_VISIBLE, ChartTheme.light()));
            chart.resize(600, 300);
            chart.layout();
            return chart.canvas().snapshot(null, null);
        });
        int seriesArgb = 0xff000000 | ChartTheme.light().seriesColor(0).red() << 16
                | ChartTheme.light().seriesColor(0).green() << 8 | ChartTheme.light().seriesColor(0).blue();
        PixelReader r = img.getPixelReader();
        Rect plot = layout[0].plot();
        for (int y = (int) plot.y(); y < (int) plot.bottom(); y++) {
            for (int x = (int) plot.x(); x < (int) plot.right(); x++) {
                assertThat(r.getArgb(x, y)).isNotEqualTo(seriesArgb);
            }
        }
    }

    @Test
    void repaintRequestsAreCoalescedPerPulseAndResizeRepaints() throws Exception {
        TimeSeriesChart[] chart = new TimeSeriesChart[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            chart[0] = new TimeSeriesChart(TimeSeriesOptions.defaults(ZoneOffset.UTC));
            chart[0].setData(data(10_000), T0, T0 + 10_000_000L);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new StackPane(chart[0]), 640, 360));
            stage[0].show();
            return null;
        });
        waitForPulses();
        long before = onFx(() -> {
            long p = chart[0].paintCount();
            for (int i = 0; i < 25; i++) {
                chart[0].requestRepaint();
            }
            return p;
        });
        waitForPulses();
        long after = onFx(() -> chart[0].paintCount());
        assertThat(before).isGreaterThanOrEqualTo(1);
        assertThat(after - before).isEqualTo(1);

        onFx(() -> {
            stage[0].setWidth(500);
            return null;
        });
        waitForPulses();
        double canvasWidth = onFx(() -> chart[0].canvas().getWidth());
        assertThat(canvasWidth).isLessThan(640);
        assertThat(onFx(() -> chart[0].paintCount())).isGreaterThan(after);
        assertThat(onFx(() -> chart[0].chartLayout().orElseThrow().plot().right())).isLessThanOrEqualTo(canvasWidth);
        onFx(() -> {
            stage[0].hide();
            return null;
        });
    }

    @Test
    void hoverPaintsACrosshairAndLegendClicksIsolateOrToggle() throws Exception {
        TimeSeriesChart[] chart = new TimeSeriesChart[1];
        WritableImage[] shots = new WritableImage[2];
        onFx(() -> {
            chart[0] = new TimeSeriesChart(TimeSeriesOptions.defaults(ZoneOffset.UTC));
            chart[0].setData(data(5_000), T0, T0 + 5_000_000L);
            chart[0].resize(700, 320);
            chart[0].layout();
            shots[0] = chart[0].canvas().snapshot(null, null);
            TimeSeriesLayout l = chart[0].chartLayout().orElseThrow();
            double x = l.plot().x() + l.plot().width() / 2;
            double y = l.plot().y() + l.plot().height() / 2;
            chart[0].fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_MOVED, x, y, false));
            chart[0].layout();
            shots[1] = chart[0].canvas().snapshot(null, null);
            return null;
        });
        // the crosshair and tooltip changed pixels around the hovered column
        int changed = 0;
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 700; x++) {
                if (shots[0].getPixelReader().getArgb(x, y) != shots[1].getPixelReader().getArgb(x, y)) {
                    changed++;
                }
            }
        }
        assertThat(changed).isGreaterThan(200);

        LegendState afterClick = onFx(() -> {
            var item = chart[0].chartLayout().orElseThrow().legendItems().get(1); // "b"
            chart[0].fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_CLICKED, item.bounds().x() + 3,
                    item.bounds().y() + item.bounds().height() / 2, false));
            return chart[0].legendStateProperty().get();
        });
        assertThat(afterClick.hidden()).containsExactly("a");
        LegendState afterShortcutClick = onFx(() -> {
            chart[0].layout();
            var item = chart[0].chartLayout().orElseThrow().legendItems().get(0); // "a"
            chart[0].fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_CLICKED, item.bounds().x() + 3,
                    item.bounds().y() + item.bounds().height() / 2, true));
            return chart[0].legendStateProperty().get();
        });
        assertThat(afterShortcutClick.hidden()).isEmpty();
    }

    private static javafx.scene.input.MouseEvent mouse(javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x, double y, boolean shortcut) {
        return new javafx.scene.input.MouseEvent(type, x, y, x, y, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, shortcut, false, shortcut, true, false, false, true, false, true, null);
    }

    /** Saves the snapshot for people to look at (target/chart-samples). */
    static void writePng(WritableImage img, String name) throws java.io.IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        java.nio.file.Path dir = java.nio.file.Path.of("target", "chart-samples");
        java.nio.file.Files.createDirectories(dir);
        javax.imageio.ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    /** Lets a few pulses run: each runLater round trip waits behind the pulse already queued. */
    private static void waitForPulses() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            Platform.requestNextPulse();
            Platform.runLater(latch::countDown);
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
        }
    }
}
