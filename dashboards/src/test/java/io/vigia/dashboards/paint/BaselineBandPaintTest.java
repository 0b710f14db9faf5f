package io.vigia.dashboards.paint;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.dashboards.chart.surface.SvgSurface;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.PanelData;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The usual band painted behind a time series by the painter the app and the reports share (Java2D here). */
class BaselineBandPaintTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000;
    private static final ChartTheme THEME = ChartTheme.light();

    private static final Panel PANEL = Panel.of(1, PanelType.TIME_SERIES, "Requests", new GridPos(0, 0, 12, 8),
            List.of(Query.promql("A", "rate(x[5m])", "{{job}}")), FieldConfig.DEFAULT);

    /** "api" flat at 10, "web" flat at 2, one sample a minute for an hour. */
    private static List<TimeSeriesData> series() {
        long[] ts = new long[61];
        double[] api = new double[61];
        double[] web = new double[61];
        for (int i = 0; i <= 60; i++) {
            ts[i] = T0 + i * 60_000L;
            api[i] = 10;
            web[i] = 2;
        }
        return List.of(new TimeSeriesData("api", ts, api), new TimeSeriesData("web", ts, web));
    }

    /** api's band 8..12 around 10, every 5 minutes; the first quarter hour has none (NaN). */
    private static BaselineBands.SeriesBand apiBand() {
        long[] ts = new long[13];
        double[] lo = new double[13];
        double[] med = new double[13];
        double[] hi = new double[13];
        for (int i = 0; i < 13; i++) {
            ts[i] = T0 + i * 300_000L;
            boolean none = i < 3;
            lo[i] = none ? Double.NaN : 8;
            med[i] = none ? Double.NaN : 10;
            hi[i] = none ? Double.NaN : 12;
        }
        return new BaselineBands.SeriesBand("api", ts, lo, med, hi);
    }

    private record Painted(BufferedImage image, TimeSeriesLayout layout) {
    }

    private static Painted paint(BaselineBands baseline, LegendState legend) {
        BufferedImage img = new BufferedImage(800, 300, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(img, 1, false);
        PanelData data = new PanelData(series(), List.of("A", "A"), Duration.ofMinutes(1), List.of(), List.of()).withBaseline(baseline);
        TimeSeriesLayout l = PanelPainter.paint(s, PANEL, data, new PanelPainter.Context(T0, T0 + HOUR, ZoneOffset.UTC, THEME,
                legend, List.of())).orElseThrow();
        return new Painted(img, l);
    }

    /** The share of pixels of column {@code x} between the values {@code a} and {@code b} that have the band's tint. */
    private static double tinted(Painted p, long t, double a, double b) {
        int x = (int) Math.round(p.layout().x().toPixel(t));
        var plot = p.layout().plot();
        int y0 = (int) Math.max(Math.ceil(plot.y()) + 1, Math.ceil(p.layout().y().toPixel(Math.max(a, b))) + 2);
        int y1 = (int) Math.min(Math.floor(plot.bottom()) - 1, Math.floor(p.layout().y().toPixel(Math.min(a, b))) - 2);
        assertThat(y1).as("the values are on the plot").isGreaterThan(y0);
        ChartColor expected = THEME.plotBackground().mix(THEME.seriesColor(0), 0.18);
        int hits = 0;
        for (int y = y0; y <= y1; y++) {
            int rgb = p.image().getRGB(x, y);
            if (Math.abs(((rgb >> 16) & 0xff) - expected.red()) <= 3 && Math.abs(((rgb >> 8) & 0xff) - expected.green()) <= 3
                    && Math.abs((rgb & 0xff) - expected.blue()) <= 3) {
                hits++;
            }
        }
        return hits / (double) (y1 - y0 + 1);
    }

    @Test
    void theBandIsShadedInItsSeriesColourBehindItAndOnlyWhereItExists() {
        Painted p = paint(new BaselineBands(List.of(apiBand()), ""), LegendState.ALL_VISIBLE);
        // the value axis reaches the band's edges
        assertThat(p.layout().y().domainMax()).isGreaterThanOrEqualTo(12);
        long mid = T0 + 40 * 60_000L;
        assertThat(tinted(p, mid, 10.3, 11.9)).as("between the line and the upper edge").isGreaterThan(0.8);
        assertThat(tinted(p, mid, 8.1, 9.7)).as("between the lower edge and the line").isGreaterThan(0.8);
        assertThat(tinted(p, mid, 2.5, 7.5)).as("outside the band, where the other series has none").isLessThan(0.1);
        assertThat(tinted(p, T0 + 5 * 60_000L, 10.3, 11.9)).as("no band where the history is too short").isLessThan(0.1);
    }

    @Test
    void withoutABandNothingIsShadedAndAHiddenSeriesHidesItsBand() {
        Painted none = paint(BaselineBands.NONE, LegendState.ALL_VISIBLE);
        assertThat(tinted(none, T0 + 40 * 60_000L, none.layout().y().domainMin(), none.layout().y().domainMax())).isLessThan(0.1);
        Painted hidden = paint(new BaselineBands(List.of(apiBand()), ""), LegendState.ALL_VISIBLE.toggle("api"));
        assertThat(tinted(hidden, T0 + 40 * 60_000L, hidden.layout().y().domainMin(), hidden.layout().y().domainMax()))
                .isLessThan(0.1);
    }

    @Test
    void theNoteSaysWhyThereIsNoBandInsteadOfAFakeOne() {
        SvgSurface s = new SvgSurface(800, 300);
        PanelData data = new PanelData(series(), List.of("A", "A"), Duration.ofMinutes(1), List.of(), List.of())
                .withBaseline(BaselineBands.note("No usual band yet: it needs data at the same time in at least 2 of the 4 weeks before"));
        PanelPainter.paint(s, PANEL, data, new PanelPainter.Context(T0, T0 + HOUR, ZoneOffset.UTC, THEME, LegendState.ALL_VISIBLE,
                List.of()));
        String svg = s.toSvg();
        assertThat(svg).contains("No usual band yet");
        assertThat(svg).doesNotContain("fill-opacity=\"0.18\"");
    }
}
