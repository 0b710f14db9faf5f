package io.vigia.bench;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.views.chart.ChartCanvas;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the painter's time goes: a surface that passes every call to the chart's own surface and
 * adds up the time spent in text (measuring, drawing), in stroking paths and in everything else.
 * Timing each call costs a little itself, so the total is slightly above the painter's own time.
 */
final class TextTimingSurface implements DrawingSurface {

    private final DrawingSurface d;
    long measure;
    long text;
    long stroke;
    int measureCalls;
    int textCalls;

    TextTimingSurface(DrawingSurface d) {
        this.d = d;
    }

    /** Paints the chart's range 200 times (after 100 of warm-up) into the chart's canvas; returns a Markdown table of medians. */
    static String breakdown(ChartCanvas chart, List<TimeSeriesData> series, long[] range, TimeSeriesOptions options) {
        int runs = 200;
        double[][] parts = new double[6][runs];
        int measureCalls = 0;
        int textCalls = 0;
        for (int i = -100; i < runs; i++) {
            long a = System.nanoTime();
            DrawingSurface inner = chart.surfaceForFrame();
            long b = System.nanoTime();
            TextTimingSurface s = new TextTimingSurface(inner);
            TimeSeriesRenderer.render(s, series, range[0], range[1], options, LegendState.ALL_VISIBLE, ChartTheme.light());
            long c = System.nanoTime();
            if (i >= 0) {
                long[] p = {c - a, b - a, s.measure, s.text, s.stroke, c - b - s.measure - s.text - s.stroke};
                for (int k = 0; k < p.length; k++) {
                    parts[k][i] = p[k] / 1e6;
                }
                measureCalls = s.measureCalls;
                textCalls = s.textCalls;
            }
        }
        chart.requestRepaint();
        for (double[] p : parts) {
            Arrays.sort(p);
        }
        return String.format(Locale.ROOT, """
                Where the painter's time goes (same 1M points, %d paints on the FX thread, each call timed; medians of each column):

                | paint, total | surface for the frame | measureText (%d calls) | fillText (%d calls) | stroke | the rest (M4, ticks, paths, fills) |
                |---:|---:|---:|---:|---:|---:|
                | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |""", runs, measureCalls, textCalls,
                parts[0][runs / 2], parts[1][runs / 2], parts[2][runs / 2], parts[3][runs / 2], parts[4][runs / 2], parts[5][runs / 2]);
    }

    @Override
    public double width() {
        return d.width();
    }

    @Override
    public double height() {
        return d.height();
    }

    @Override
    public void save() {
        d.save();
    }

    @Override
    public void restore() {
        d.restore();
    }

    @Override
    public void setStroke(ChartColor color) {
        d.setStroke(color);
    }

    @Override
    public void setFill(ChartColor color) {
        d.setFill(color);
    }

    @Override
    public void setLineWidth(double width) {
        d.setLineWidth(width);
    }

    @Override
    public void setLineDash(double... pattern) {
        d.setLineDash(pattern);
    }

    @Override
    public void setFont(ChartFont font) {
        d.setFont(font);
    }

    @Override
    public TextMetrics measureText(String s) {
        long a = System.nanoTime();
        TextMetrics m = d.measureText(s);
        measure += System.nanoTime() - a;
        measureCalls++;
        return m;
    }

    @Override
    public void beginPath() {
        d.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        d.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        d.lineTo(x, y);
    }

    @Override
    public void closePath() {
        d.closePath();
    }

    @Override
    public void stroke() {
        long a = System.nanoTime();
        d.stroke();
        stroke += System.nanoTime() - a;
    }

    @Override
    public void fill() {
        d.fill();
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        d.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        d.strokeRect(x, y, w, h);
    }

    @Override
    public void fillText(String s, double x, double y) {
        long a = System.nanoTime();
        d.fillText(s, x, y);
        text += System.nanoTime() - a;
        textCalls++;
    }

    @Override
    public void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        d.drawArgb(argb, imageWidth, imageHeight, x, y, w, h);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        d.pushClip(x, y, w, h);
    }

    @Override
    public void popClip() {
        d.popClip();
    }
}
