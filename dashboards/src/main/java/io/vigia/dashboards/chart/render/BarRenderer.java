package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.NiceTicks;
import io.vigia.dashboards.chart.data.CategoryData;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts by category: grouped or stacked (positive values stack upwards, negative ones
 * downwards from zero), vertical or horizontal.
 */
public final class BarRenderer {

    private BarRenderer() {
    }

    public static BarLayout render(DrawingSurface s, CategoryData data, BarOptions o, LegendState legendState, ChartTheme theme) {
        s.save();
        try {
            return paint(s, data, o, legendState, theme);
        } finally {
            s.restore();
        }
    }

    private static BarLayout paint(DrawingSurface s, CategoryData data, BarOptions o, LegendState legendState, ChartTheme theme) {
        Rect area = Frame.begin(s, o.title(), theme);
        List<LegendPainter.Entry> entries = new ArrayList<>();
        List<Integer> visible = new ArrayList<>();
        for (int k = 0; k < data.series().size(); k++) {
            String name = data.series().get(k).name();
            boolean hidden = legendState.isHidden(name);
            entries.add(new LegendPainter.Entry(new SeriesStyle(name, theme.seriesColor(k), hidden), null));
            if (!hidden) {
                visible.add(k);
            }
        }
        LegendMode legendMode = o.legend() == LegendMode.TABLE ? LegendMode.LIST : o.legend();
        double legendH = data.series().size() > 1 ? LegendPainter.height(s, entries, legendMode, area.width(), area.height() * 0.3, theme) : 0;
        Rect legendBox = new Rect(area.x(), area.bottom() - legendH, area.width(), legendH);
        area = area.inset(0, 0, legendH, 0);

        int nCat = data.categories().size();
        double min = 0;
        double max = 0;
        for (int c = 0; c < nCat; c++) {
            double pos = 0;
            double neg = 0;
            for (int k : visible) {
                double v = data.series().get(k).values()[c];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (o.mode() == BarOptions.Mode.STACKED) {
                    if (v >= 0) {
                        pos += v;
                    } else {
                        neg += v;
                    }
                } else {
                    pos = Math.max(pos, v);
                    neg = Math.min(neg, v);
                }
            }
            max = Math.max(max, pos);
            min = Math.min(min, neg);
        }
        boolean hasData = nCat > 0 && !visible.isEmpty();
        s.setFont(theme.smallFont());
        TextMetrics fm = s.measureText("0:Xg");
        boolean vertical = o.orientation() == BarOptions.Orientation.VERTICAL;

        List<BarLayout.Bar> bars = new ArrayList<>();
        Rect plot;
        LinearScale vs;
        if (vertical) {
            double xAxisH = fm.height() + 8;
            double top = fm.ascent() / 2 + 1;
            double plotH = Math.max(1, area.height() - xAxisH - top);
            NiceTicks.Ticks ticks = NiceTicks.compute(min, max == min ? min + 1 : max, (int) Math.max(2, plotH / 34), o.unit());
            double labelW = 0;
            for (String l : ticks.labels()) {
                labelW = Math.max(labelW, s.measureText(l).width());
            }
            plot = new Rect(area.x() + labelW + 8, area.y() + top, Math.max(1, area.width() - labelW - 12), plotH);
            vs = new LinearScale(ticks.min(), ticks.max(), plot.bottom(), plot.y());
            valueGrid(s, ticks, vs, plot, true, fm, theme);
        } else {
            double labelW = 0;
            for (String c : data.categories()) {
                labelW = Math.max(labelW, s.measureText(InertText.of(c)).width());
            }
            labelW = Math.min(labelW, area.width() * 0.35);
            double xAxisH = fm.height() + 8;
            double plotW = Math.max(1, area.width() - labelW - 8 - 24);
            NiceTicks.Ticks ticks = NiceTicks.compute(min, max == min ? min + 1 : max, (int) Math.max(2, plotW / 90), o.unit());
            plot = new Rect(area.x() + labelW + 8, area.y(), plotW, Math.max(1, area.height() - xAxisH));
            vs = new LinearScale(ticks.min(), ticks.max(), plot.x(), plot.right());
            valueGrid(s, ticks, vs, plot, false, fm, theme);
        }

        double band = nCat == 0 ? 0 : (vertical ? plot.width() : plot.height()) / nCat;
        double inner = band * 0.8;
        int step = labelStep(s, data, band, vertical);
        for (int c = 0; c < nCat; c++) {
            double bandStart = (vertical ? plot.x() : plot.y()) + c * band + (band - inner) / 2;
            double pos = 0;
            double neg = 0;
            int slot = 0;
            for (int k : visible) {
                double v = data.series().get(k).values()[c];
                if (Double.isNaN(v)) {
                    slot++;
                    continue;
                }
                double lo;
                double hi;
                double offset;
                double thickness;
                if (o.mode() == BarOptions.Mode.STACKED) {
                    lo = v >= 0 ? pos : neg + v;
                    hi = v >= 0 ? pos + v : neg;
                    if (v >= 0) {
                        pos += v;
                    } else {
                        neg += v;
                    }
                    offset = 0;
                    thickness = inner;
                } else {
                    lo = Math.min(0, v);
                    hi = Math.max(0, v);
                    thickness = inner / visible.size();
                    offset = slot * thickness;
                }
                slot++;
                double p0 = vs.toPixel(lo);
                double p1 = vs.toPixel(hi);
                Rect r = vertical
                        ? new Rect(bandStart + offset, Math.min(p0, p1), Math.max(1, thickness - 1), Math.abs(p1 - p0))
                        : new Rect(Math.min(p0, p1), bandStart + offset, Math.abs(p1 - p0), Math.max(1, thickness - 1));
                s.setFill(theme.seriesColor(k).withAlpha(0.85));
                s.fillRect(r.x(), r.y(), r.width(), r.height());
                bars.add(new BarLayout.Bar(data.categories().get(c), data.series().get(k).name(), v, lo, hi, r));
            }
            if (c % step == 0) {
                s.setFill(theme.mutedText());
                String label = InertText.of(data.categories().get(c));
                if (vertical) {
                    label = InertText.fit(s, label, band * step - 4);
                    double lw = s.measureText(label).width();
                    s.fillText(label, plot.x() + c * band + band / 2 - lw / 2, plot.bottom() + 4 + fm.ascent());
                } else {
                    label = InertText.fit(s, label, plot.x() - area.x() - 8);
                    double lw = s.measureText(label).width();
                    double cy = plot.y() + c * band + band / 2;
                    s.fillText(label, plot.x() - 6 - lw, cy + (fm.ascent() - fm.descent()) / 2);
                }
            }
        }
        s.setStroke(theme.axis());
        s.setLineWidth(1);
        s.beginPath();
        if (vertical) {
            double zy = Math.round(vs.toPixel(0)) + 0.5;
            s.moveTo(plot.x(), zy);
            s.lineTo(plot.right(), zy);
        } else {
            double zx = Math.round(vs.toPixel(0)) + 0.5;
            s.moveTo(zx, plot.y());
            s.lineTo(zx, plot.bottom());
        }
        s.stroke();
        if (!hasData) {
            Frame.noData(s, plot, theme);
        }
        List<LegendItem> items = legendH > 0 ? LegendPainter.paint(s, entries, legendMode, legendBox, o.unit(), theme) : List.of();
        return new BarLayout(plot, bars, items);
    }

    /** Show every n-th category label so labels never overlap. */
    private static int labelStep(DrawingSurface s, CategoryData data, double band, boolean vertical) {
        if (band <= 0) {
            return 1;
        }
        if (!vertical) {
            double h = s.measureText("Xg").height() + 2;
            return (int) Math.max(1, Math.ceil(h / band));
        }
        double widest = 0;
        for (String c : data.categories()) {
            widest = Math.max(widest, Math.min(120, s.measureText(InertText.of(c)).width()));
        }
        return (int) Math.max(1, Math.ceil((Math.min(widest, 60) + 8) / band));
    }

    private static void valueGrid(DrawingSurface s, NiceTicks.Ticks ticks, LinearScale vs, Rect plot, boolean vertical, TextMetrics fm, ChartTheme theme) {
        s.setLineWidth(1);
        for (int i = 0; i < ticks.values().length; i++) {
            double p = Math.round(vs.toPixel(ticks.values()[i])) + 0.5;
            s.setStroke(theme.grid());
            s.beginPath();
            if (vertical) {
                s.moveTo(plot.x(), p);
                s.lineTo(plot.right(), p);
            } else {
                s.moveTo(p, plot.y());
                s.lineTo(p, plot.bottom());
            }
            s.stroke();
            String label = ticks.labels()[i];
            double lw = s.measureText(label).width();
            s.setFill(theme.mutedText());
            if (vertical) {
                s.fillText(label, plot.x() - 6 - lw, p + (fm.ascent() - fm.descent()) / 2);
            } else {
                double lx = Math.max(0, Math.min(s.width() - lw - 1, p - lw / 2));
                s.fillText(label, lx, plot.bottom() + 4 + fm.ascent());
            }
        }
    }
}
