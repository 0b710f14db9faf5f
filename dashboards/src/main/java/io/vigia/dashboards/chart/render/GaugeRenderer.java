package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.data.GaugeData;

/** A 240° gauge: a track, the threshold ring outside it, the value arc and the value in the middle. */
public final class GaugeRenderer {

    static final double START_DEG = 210;
    static final double SWEEP_DEG = 240;

    private GaugeRenderer() {
    }

    public static void render(DrawingSurface s, GaugeData data, GaugeOptions o, ChartTheme theme) {
        s.save();
        try {
            paint(s, data, o, theme);
        } finally {
            s.restore();
        }
    }

    private static void paint(DrawingSurface s, GaugeData data, GaugeOptions o, ChartTheme theme) {
        Rect area = Frame.begin(s, data.title(), theme);
        s.setFont(theme.smallFont());
        TextMetrics sm = s.measureText("Xg");
        double r = Math.min(area.width() / 2, (area.height() - sm.height() - 4) / (1 + Math.sin(Math.toRadians(30)))) - 2;
        if (r < 10) {
            return;
        }
        double cx = area.x() + area.width() / 2;
        double cy = area.y() + r + 2;
        double thick = Math.max(4, r * 0.2);
        double ringGap = Math.max(2, thick * 0.2);
        double ring = Math.max(2, thick * 0.25);
        double trackOuter = r - ring - ringGap;

        s.setFill(theme.grid());
        annulus(s, cx, cy, trackOuter - thick, trackOuter, 0, 1);

        double span = data.max() - data.min();
        ChartColor base = theme.ok();
        double prev = 0;
        ChartColor prevColor = base;
        for (Threshold t : o.thresholds()) {
            double f = Math.max(0, Math.min(1, (t.value() - data.min()) / span));
            if (f > prev) {
                s.setFill(prevColor);
                annulus(s, cx, cy, r - ring, r, prev, f);
            }
            prev = Math.max(prev, f);
            prevColor = t.color();
        }
        if (prev < 1) {
            s.setFill(prevColor);
            annulus(s, cx, cy, r - ring, r, prev, 1);
        }

        double f = data.fraction();
        ChartColor valueColor = Threshold.colorFor(o.thresholds(), data.value(), base);
        if (!Double.isNaN(f) && f > 0) {
            s.setFill(valueColor);
            annulus(s, cx, cy, trackOuter - thick, trackOuter, 0, f);
        }

        String value = o.unit().format(data.value());
        double size = Math.max(8, Math.min(r * 0.45, 48));
        s.setFont(theme.font().withSize(size).asBold());
        TextMetrics vm = s.measureText(value);
        double maxW = 2 * (trackOuter - thick) * 0.85;
        if (vm.width() > maxW) {
            size = Math.max(8, size * maxW / vm.width());
            s.setFont(theme.font().withSize(size).asBold());
            vm = s.measureText(value);
        }
        s.setFill(Double.isNaN(data.value()) ? theme.mutedText() : valueColor);
        s.fillText(value, cx - vm.width() / 2, cy + (vm.ascent() - vm.descent()) / 2);

        s.setFont(theme.smallFont());
        s.setFill(theme.mutedText());
        String lo = o.unit().format(data.min());
        String hi = o.unit().format(data.max());
        double by = cy + r * Math.sin(Math.toRadians(30)) + sm.ascent() + 2;
        double lx = cx - r * Math.cos(Math.toRadians(30));
        double hx = cx + r * Math.cos(Math.toRadians(30));
        s.fillText(lo, lx - s.measureText(lo).width() / 2, by);
        s.fillText(hi, hx - s.measureText(hi).width() / 2, by);
    }

    /** Fills the ring between radii from fraction f0 to f1 of the sweep, as a polygon (no arc primitive needed). */
    private static void annulus(DrawingSurface s, double cx, double cy, double r0, double r1, double f0, double f1) {
        int steps = Math.max(2, (int) Math.ceil(96 * (f1 - f0)));
        s.beginPath();
        for (int i = 0; i <= steps; i++) {
            double a = Math.toRadians(START_DEG - SWEEP_DEG * (f0 + (f1 - f0) * i / steps));
            double x = cx + r1 * Math.cos(a);
            double y = cy - r1 * Math.sin(a);
            if (i == 0) {
                s.moveTo(x, y);
            } else {
                s.lineTo(x, y);
            }
        }
        for (int i = steps; i >= 0; i--) {
            double a = Math.toRadians(START_DEG - SWEEP_DEG * (f0 + (f1 - f0) * i / steps));
            s.lineTo(cx + r0 * Math.cos(a), cy - r0 * Math.sin(a));
        }
        s.closePath();
        s.fill();
    }
}
