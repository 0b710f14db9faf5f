package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.DrawingSurface.TextMetrics;
import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.axis.LinearScale;
import io.vigia.dashboards.chart.axis.TimeScale;
import io.vigia.dashboards.chart.data.StatData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.reduce.Polyline;
import java.util.Locale;

/** A stat tile: title, the value large (coloured by thresholds), the delta vs the previous period and a sparkline. */
public final class StatRenderer {

    private StatRenderer() {
    }

    public static void render(DrawingSurface s, StatData data, StatOptions o, ChartTheme theme) {
        s.save();
        try {
            paint(s, data, o, theme);
        } finally {
            s.restore();
        }
    }

    /** The delta line's text, e.g. "▲ 12.5% vs previous period"; empty when there is no previous value. */
    public static String deltaText(StatData data, StatOptions o) {
        if (!data.changeNote().isEmpty()) {
            return data.changeNote();
        }
        double d = data.delta();
        if (Double.isNaN(d)) {
            return "";
        }
        String arrow = d > 0 ? "▲" : d < 0 ? "▼" : "■";
        return String.format(Locale.ROOT, "%s %s%.1f%% %s", arrow, d > 0 ? "+" : "", d * 100, o.previousLabel());
    }

    private static void paint(DrawingSurface s, StatData data, StatOptions o, ChartTheme theme) {
        Rect area = Frame.begin(s, data.title(), theme);
        ChartColor valueColor = Threshold.colorFor(o.thresholds(), data.value(), theme.text());

        TimeSeriesData spark = data.sparkline();
        double sparkH = spark != null && spark.size() > 1 ? area.height() * 0.35 : 0;
        Rect sparkBox = new Rect(area.x() - Frame.PAD, area.bottom() - sparkH + Frame.PAD, area.width() + 2 * Frame.PAD + 2, Math.max(0, sparkH));
        if (sparkH > 0) {
            paintSparkline(s, spark, sparkBox, valueColor == theme.text() ? theme.seriesColor(2) : valueColor);
        }

        String delta = deltaText(data, o);
        s.setFont(theme.font());
        TextMetrics dm = s.measureText("Xg");
        double deltaH = delta.isEmpty() ? 0 : dm.height() + 4;
        Rect valueBox = new Rect(area.x(), area.y(), area.width(), Math.max(0, area.height() - sparkH - deltaH));

        String value = o.unit().format(data.value());
        double size = Math.max(8, Math.min(valueBox.height() * 0.8, 64));
        s.setFont(theme.font().withSize(size).asBold());
        TextMetrics vm = s.measureText(value);
        if (vm.width() > valueBox.width() * 0.95) {
            size = Math.max(8, size * valueBox.width() * 0.95 / vm.width());
            s.setFont(theme.font().withSize(size).asBold());
            vm = s.measureText(value);
        }
        s.setFill(valueColor);
        double vy = valueBox.y() + (valueBox.height() + vm.ascent() - vm.descent()) / 2;
        s.fillText(value, valueBox.x() + (valueBox.width() - vm.width()) / 2, vy);

        if (!delta.isEmpty()) {
            s.setFont(theme.font());
            String fitted = InertText.fit(s, delta, area.width());
            TextMetrics tm = s.measureText(fitted);
            s.setFill(switch (o.direction().tone(data.delta())) {
                case GOOD -> theme.ok();
                case BAD -> theme.critical();
                case PLAIN -> theme.mutedText();
            });
            s.fillText(fitted, area.x() + (area.width() - tm.width()) / 2, valueBox.bottom() + dm.ascent());
        }
    }

    private static void paintSparkline(DrawingSurface s, TimeSeriesData spark, Rect box, ChartColor color) {
        long from = spark.ts()[0];
        long to = spark.ts()[spark.size() - 1];
        if (to <= from || box.width() < 2 || box.height() < 2) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : spark.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return;
        }
        if (min == max) {
            min -= 1;
            max += 1;
        }
        double pad = (max - min) * 0.1;
        TimeScale xs = new TimeScale(from, to, box.x(), box.right());
        LinearScale ys = new LinearScale(Math.min(min, 0) == 0 && min >= 0 ? min - pad : min - pad, max + pad, box.bottom(), box.y());
        Polyline line = TimeSeriesRenderer.polyline(spark.ts(), spark.values(), 0, spark.size(), xs);
        s.setFill(color.withAlpha(0.18));
        LineDrawer.fillToBaseline(s, line, ys, ys.domainMin());
        s.setStroke(color);
        s.setFill(color);
        s.setLineWidth(1.5);
        LineDrawer.stroke(s, line, ys, 3);
    }
}
