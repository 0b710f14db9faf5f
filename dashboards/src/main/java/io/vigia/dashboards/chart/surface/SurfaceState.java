package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a drawing surface keeps between {@code save()} and {@code restore()}: colours, line width,
 * dash and font, plus one value of the surface's own per level ({@code T}: the Java2D graphics
 * of that level, the SVG groups it opened). One stack for every surface that has no native one.
 */
final class SurfaceState<T> {
    private record Level<T>(ChartColor stroke, ChartColor fill, double lineWidth, double[] dash, ChartFont font, T own) {
    }

    private final Deque<Level<T>> saved = new ArrayDeque<>();
    // the current level, read and set directly by the surfaces of this package
    ChartColor stroke = new ChartColor(0, 0, 0, 1);
    ChartColor fill = new ChartColor(0, 0, 0, 1);
    double lineWidth = 1;
    /** The dash pattern, null for a solid line. */
    double[] dash;
    ChartFont font = ChartFont.sans(12);
    T own;

    SurfaceState(T own) {
        this.own = own;
    }

    /** Keeps the current state; the new level starts as a copy whose own value is {@code newOwn}. */
    void save(T newOwn) {
        saved.push(new Level<>(stroke, fill, lineWidth, dash, font, own));
        own = newOwn;
    }

    /** Returns to the state of the matching {@link #save}. */
    void restore() {
        if (saved.isEmpty()) {
            throw new IllegalStateException("restore without save");
        }
        Level<T> l = saved.pop();
        stroke = l.stroke();
        fill = l.fill();
        lineWidth = l.lineWidth();
        dash = l.dash();
        font = l.font();
        own = l.own();
    }

    /** The own values of every level, the current one first. */
    List<T> ownOfAllLevels() {
        List<T> out = new ArrayList<>();
        out.add(own);
        saved.forEach(l -> out.add(l.own()));
        return out;
    }

    /** Sets the dash pattern; null or empty for a solid line. */
    void dash(double... pattern) {
        dash = pattern == null || pattern.length == 0 ? null : pattern.clone();
    }
}
