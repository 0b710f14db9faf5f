package io.vigia.bench;

import com.sun.javafx.perf.PerformanceTracker;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.views.chart.ChartCanvas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A frame of the panel's {@link ChartCanvas} as the app draws it, with no snapshot read-back: the
 * chart sits in a shown {@link Stage} (1,600 × 400, JavaFX's headless platform, software
 * pipeline) and a frame is timed from the start of the scene's pulse (CSS, then layout, where the
 * canvas paints) until the render thread reports the frame rendered. One frame at a time: the
 * next change is made only after the previous frame is on screen, as a drag event per pulse does.
 * Two runs over one series of 1M points: a repaint of the same range (hover, refresh, legend) and
 * a 30-second pan that shifts the range by two pixels' worth of time every frame, back and forth.
 * Beside the frame: the painter's own time (the renderer recording the canvas's commands on the FX
 * thread) and, for a breakdown, the time of a paint into a surface that times text calls.
 */
final class CanvasFrameMeasurement implements Measurement {

    static final int WIDTH = 1600;
    static final int HEIGHT = 400;
    private static final int POINTS = 1_000_000;
    private static final long PAN_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("vigia.bench.panSeconds", 30));

    @Override
    public String area() {
        return "CanvasFrame";
    }

    @Override
    public String run() throws Exception {
        String loadBefore = loadAverage();
        FxThread.start();
        ChartData data = new ChartData(POINTS, 7);
        List<TimeSeriesData> full = List.of(new TimeSeriesData("walk", data.ts, data.values));
        List<TimeSeriesData> two = List.of(new TimeSeriesData("walk", new long[]{data.from(), data.to()}, new double[]{100, 120}));
        @SuppressWarnings("unchecked")
        List<TimeSeriesData>[] series = new List[]{full};
        TimeSeriesOptions options = TimeSeriesOptions.defaults(ZoneOffset.UTC).withTitle("1M points").withLegend(LegendMode.LIST);
        long span = data.to() - data.from();
        long window = span * 6 / 10;
        long step = window / WIDTH * 2;
        Frames f = new Frames();
        long[] range = {data.from(), data.from() + window};
        ChartCanvas chart = FxThread.call(() -> {
            ChartCanvas c = new ChartCanvas(s -> {
                long a = System.nanoTime();
                TimeSeriesRenderer.render(s, series[0], range[0], range[1], options, LegendState.ALL_VISIBLE, ChartTheme.light());
                f.painted(System.nanoTime() - a);
            });
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(c), WIDTH, HEIGHT);
            scene.addPreLayoutPulseListener(f::pulseStarts);
            scene.addPostLayoutPulseListener(f::layoutEnds);
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(f::rendered);
            stage.setScene(scene);
            stage.show();
            return c;
        });
        f.frame(chart, () -> { }, new Samples(1));
        Runnable nothing = () -> { };
        f.record(chart, 200, nothing); // warm-up
        Samples repaint = f.record(chart, 300, nothing);
        int[] dir = {1};
        Runnable pan = () -> {
            if (range[1] + step * dir[0] > data.to() || range[0] + step * dir[0] < data.from()) {
                dir[0] = -dir[0];
            }
            range[0] += step * dir[0];
            range[1] += step * dir[0];
        };
        Samples panned = f.recordFor(chart, PAN_NANOS, pan);
        String breakdown = FxThread.call(() -> TextTimingSurface.breakdown(chart, full, range, options));
        series[0] = two;
        f.record(chart, 100, nothing);
        Samples fixed = f.record(chart, 300, nothing);
        String loadAfter = loadAverage();
        FxThread.call(() -> {
            chart.getScene().getWindow().hide();
            return null;
        });
        return String.format(Locale.ROOT, """
                Load average (1, 5, 15 min) %s before, %s after; 2 cores shared with other builds. 1M points (%d px wide, %d px high), headless platform, software pipeline (`-Dprism.order=sw`), no snapshot.

                A frame runs from the start of the scene's pulse to the render thread's "frame rendered"; "FX thread" is the                 pulse's CSS and layout, where the canvas paints (the painter is the renderer's call inside it); the rest of                 the frame is synchronising the scene and rasterising and presenting it on the render thread. Milliseconds.

                | run | frames | frame median | frame p99 | frame max | FX thread median / p99 | painter median / p99 | goal | met? |
                |---|---:|---:|---:|---:|---:|---:|---|---|
                %s
                %s
                %s

                %s
                """, loadBefore, loadAfter, WIDTH, HEIGHT,
                repaint.row("repaint, same range", "frame ≤ 16 ms (median)", repaint.median() <= 16.0),
                panned.row("pan for " + PAN_NANOS / 1_000_000_000 + " s, range shifted every frame", "p99 ≤ 16.7 ms",
                        panned.p99() <= 16.7),
                fixed.row("for comparison: repaint of a 2-point series, same range", "", true).replace("| yes |", "| |"),
                breakdown);
    }

    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return p[0] + ", " + p[1] + ", " + p[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Times of one frame at a time, taken on the FX thread and the render thread. Pulses keep
     * coming when nothing changed, so only the first pulse after a change is timed, and only a
     * frame rendered after that pulse's layout (which painted the canvas) ends it.
     */
    static final class Frames {
        private final Semaphore done = new Semaphore(0);
        private boolean armed;
        private boolean paintedThisPulse;
        private long pulseStart;
        private long paint;
        private volatile long layoutEnd;
        private volatile long rendered;

        void pulseStarts() {
            if (armed && pulseStart == 0) {
                pulseStart = System.nanoTime();
            }
        }

        void painted(long nanos) {
            paint = nanos;
            paintedThisPulse = pulseStart != 0;
        }

        void layoutEnds() {
            if (armed && paintedThisPulse) {
                armed = false;
                layoutEnd = System.nanoTime();
            }
        }

        /** On the render thread. */
        void rendered() {
            if (layoutEnd != 0 && rendered == 0) {
                rendered = System.nanoTime();
                done.release();
            }
        }

        Samples record(ChartCanvas chart, int frames, Runnable change) throws InterruptedException {
            Samples s = new Samples(frames);
            for (int i = 0; i < frames; i++) {
                frame(chart, change, s);
            }
            return s;
        }

        Samples recordFor(ChartCanvas chart, long nanos, Runnable change) throws InterruptedException {
            Samples s = new Samples(4096);
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                frame(chart, change, s);
            }
            return s;
        }

        void frame(ChartCanvas chart, Runnable change, Samples s) throws InterruptedException {
            done.drainPermits();
            Platform.runLater(() -> {
                pulseStart = 0;
                paintedThisPulse = false;
                layoutEnd = 0;
                rendered = 0;
                armed = true;
                change.run();
                chart.requestRepaint();
            });
            if (!done.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no frame rendered in 10 s");
            }
            s.add(rendered - pulseStart, layoutEnd - pulseStart, paint);
        }
    }

    /** Frame and painter times in milliseconds. */
    static final class Samples {
        private double[] frame;
        private double[] fx;
        private double[] painter;
        private int n;

        Samples(int capacity) {
            frame = new double[capacity];
            fx = new double[capacity];
            painter = new double[capacity];
        }

        void add(long frameNanos, long fxNanos, long painterNanos) {
            if (n == frame.length) {
                frame = Arrays.copyOf(frame, n * 2);
                fx = Arrays.copyOf(fx, n * 2);
                painter = Arrays.copyOf(painter, n * 2);
            }
            frame[n] = frameNanos / 1e6;
            fx[n] = fxNanos / 1e6;
            painter[n] = painterNanos / 1e6;
            n++;
        }

        double median() {
            return quantile(frame, 0.5);
        }

        double p99() {
            return quantile(frame, 0.99);
        }

        private double quantile(double[] values, double q) {
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
        }

        String row(String name, String goal, boolean met) {
            return String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f / %.2f | %.2f / %.2f | %s | %s |", name, n,
                    median(), p99(), quantile(frame, 1.0), quantile(fx, 0.5), quantile(fx, 0.99), quantile(painter, 0.5),
                    quantile(painter, 0.99), goal, met ? "yes" : "**no**");
        }
    }
}
