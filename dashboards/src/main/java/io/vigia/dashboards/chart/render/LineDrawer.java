package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.reduce.Polyline;

/** Strokes a polyline whose NaN values are gaps; a point alone between gaps gets a dot so it stays visible. */
public final class LineDrawer {

    private LineDrawer() {
    }

    /** Strokes the line (stroke colour and width already set) and dots isolated points with the fill colour. */
    public static void stroke(DrawingSurface s, Polyline line, LinearScale y, double dotSize) {
        double[] xs = line.x();
        double[] vs = line.y();
        int n = line.size();
        s.beginPath();
        boolean any = false;
        int runStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean gap = i == n || Double.isNaN(vs[i]);
            if (gap) {
                if (runStart >= 0 && i - runStart == 1) {
                    double px = xs[runStart];
                    double py = y.toPixel(vs[runStart]);
                    s.fillRect(px - dotSize / 2, py - dotSize / 2, dotSize, dotSize);
                }
                runStart = -1;
                continue;
            }
            double py = snap(y.toPixel(vs[i]));
            if (runStart < 0) {
                runStart = i;
                s.moveTo(xs[i], py);
            } else {
                s.lineTo(xs[i], py);
                any = true;
            }
        }
        if (any) {
            s.stroke();
        }
    }

    /**
     * Lines are drawn through pixel centres (as uPlot does with its default pxAlign): crisp
     * one-pixel lines, and the same pixels whether a column holds all its points or only M4's four.
     */
    static double snap(double py) {
        return Math.floor(py) + 0.5;
    }

    /** Fills the area between the line and {@code baseline} (a value), run by run. */
    public static void fillToBaseline(DrawingSurface s, Polyline line, LinearScale y, double baseline) {
        double[] xs = line.x();
        double[] vs = line.y();
        int n = line.size();
        double by = y.toPixel(baseline);
        int runStart = -1;
        s.beginPath();
        boolean any = false;
        for (int i = 0; i <= n; i++) {
            boolean gap = i == n || Double.isNaN(vs[i]);
            if (gap) {
                if (runStart >= 0 && i - runStart > 1) {
                    s.lineTo(xs[i - 1], by);
                    s.lineTo(xs[runStart], by);
                    s.closePath();
                    any = true;
                }
                runStart = -1;
                continue;
            }
            double py = y.toPixel(vs[i]);
            if (runStart < 0) {
                runStart = i;
                s.moveTo(xs[i], py);
            } else {
                s.lineTo(xs[i], py);
            }
        }
        if (any) {
            s.fill();
        }
    }

    /** Draws every non-gap point as a small square (the fill colour). */
    public static void points(DrawingSurface s, Polyline line, LinearScale y, double size) {
        for (int i = 0; i < line.size(); i++) {
            double v = line.y()[i];
            if (!Double.isNaN(v)) {
                s.fillRect(line.x()[i] - size / 2, y.toPixel(v) - size / 2, size, size);
            }
        }
    }
}
