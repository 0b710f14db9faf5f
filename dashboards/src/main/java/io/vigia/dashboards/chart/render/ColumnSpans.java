package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.reduce.M4;
import io.vigia.dashboards.chart.reduce.Polyline;

/**
 * Draws an {@link M4}-reduced line (every x on a pixel column's centre, up to four points a column,
 * NaN values as gaps) as one filled rectangle a column instead of stroking its zigzag.
 *
 * <p>Why: stroking the reduced line of 1M points (about 6,000 vertices, most of them vertical
 * runs on top of each other) was 93% of a JavaFX canvas frame in the software pipeline (Marlin
 * widening and rasterising every segment and join); a rectangle is a native fill. What a stroke
 * of width {@code w} through a column's points covers is a vertical run of width {@code w} from
 * the column's lowest to its highest point, plus half of each segment to the neighbouring
 * columns: a segment between two adjacent columns crosses the boundary between them half-way
 * between its two ends. So each column is filled from its extremes, stretched to those half-way
 * points, padded by {@code w / 2} (the caps). A segment to a column more than one pixel away
 * (data sparse there) is stroked as a line, as {@link LineDrawer} would. A point alone between
 * gaps gets {@link LineDrawer}'s dot. The result differs from the full stroke only where a
 * diagonal between two columns is cut into two vertical halves; M4EquivalenceTest states and
 * checks by how much.
 */
public final class ColumnSpans {

    private ColumnSpans() {
    }

    /** Fills the spans with the fill colour and strokes the long segments with the stroke colour and width. */
    public static void draw(DrawingSurface s, Polyline line, LinearScale y, double lineWidth, double dotSize) {
        double[] xs = line.x();
        double[] vs = line.y();
        int n = line.size();
        double half = lineWidth / 2;
        s.beginPath();
        boolean anyLong = false;
        boolean inColumn = false;
        int runPoints = 0;
        double cx = 0;
        double lo = 0;
        double hi = 0;
        double last = 0;
        double lastValue = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || Double.isNaN(vs[i])) {
                if (runPoints == 1) {
                    double py = y.toPixel(lastValue);
                    s.fillRect(cx - dotSize / 2, py - dotSize / 2, dotSize, dotSize);
                } else if (inColumn) {
                    s.fillRect(cx - half, lo - half, lineWidth, hi - lo + lineWidth);
                }
                inColumn = false;
                runPoints = 0;
                continue;
            }
            double x = xs[i];
            double py = LineDrawer.snap(y.toPixel(vs[i]));
            if (inColumn && x == cx) {
                lo = Math.min(lo, py);
                hi = Math.max(hi, py);
            } else if (inColumn) {
                double nlo = py;
                double nhi = py;
                if (x - cx <= 1.0 + 1e-9) {
                    double mid = (last + py) / 2;
                    lo = Math.min(lo, mid);
                    hi = Math.max(hi, mid);
                    nlo = Math.min(nlo, mid);
                    nhi = Math.max(nhi, mid);
                } else {
                    s.moveTo(cx, last);
                    s.lineTo(x, py);
                    anyLong = true;
                }
                s.fillRect(cx - half, lo - half, lineWidth, hi - lo + lineWidth);
                lo = nlo;
                hi = nhi;
            } else {
                lo = py;
                hi = py;
            }
            inColumn = true;
            cx = x;
            last = py;
            lastValue = vs[i];
            runPoints++;
        }
        if (anyLong) {
            s.stroke();
        }
    }
}
