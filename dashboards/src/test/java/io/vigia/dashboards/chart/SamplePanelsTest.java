package io.vigia.dashboards.chart;

import io.vigia.dashboards.model.KpiDirection;
import static io.vigia.dashboards.chart.SampleChartsTest.T0;
import static io.vigia.dashboards.chart.SampleChartsTest.ZONE;
import static io.vigia.dashboards.chart.SampleChartsTest.inkIn;
import static io.vigia.dashboards.chart.SampleChartsTest.render;
import static io.vigia.dashboards.chart.SampleChartsTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.CategoryData;
import io.vigia.dashboards.chart.data.GaugeData;
import io.vigia.dashboards.chart.data.HeatmapData;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.data.StatData;
import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.BarLayout;
import io.vigia.dashboards.chart.render.BarOptions;
import io.vigia.dashboards.chart.render.BarRenderer;
import io.vigia.dashboards.chart.render.GaugeOptions;
import io.vigia.dashboards.chart.render.GaugeRenderer;
import io.vigia.dashboards.chart.render.HeatmapLayout;
import io.vigia.dashboards.chart.render.HeatmapOptions;
import io.vigia.dashboards.chart.render.HeatmapRenderer;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.LogsRenderer;
import io.vigia.dashboards.chart.render.StatOptions;
import io.vigia.dashboards.chart.render.StatRenderer;
import io.vigia.dashboards.chart.render.TableRenderer;
import io.vigia.dashboards.chart.render.Threshold;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The non-time-series panels rendered to PNG (target/chart-samples), each checked for ink. */
class SamplePanelsTest {

    static final CategoryData BLOCKED = new CategoryData(
            List.of("prompt_injection", "pii_leak", "secrets", "jailbreak", "toxicity", "other:unknown"),
            List.of(new CategoryData.Series("week 46", new double[]{120, 45, 30, 22, 9, 3}),
                    new CategoryData.Series("week 47", new double[]{150, 38, 41, 12, 11, Double.NaN})));

    @Test
    void barsGroupedStackedHorizontal() throws IOException {
        BarLayout[] l = new BarLayout[1];
        BufferedImage grouped = render(640, 320, s -> l[0] = BarRenderer.render(s, BLOCKED,
                new BarOptions("Blocked prompts by category", Unit.COUNT, BarOptions.Mode.GROUPED, BarOptions.Orientation.VERTICAL, LegendMode.LIST),
                LegendState.ALL_VISIBLE, ChartTheme.light()));
        write(grouped, "bars-grouped");
        assertThat(l[0].bars()).hasSize(11);
        assertThat(inkIn(grouped, l[0].plot(), 0xffffffff)).isGreaterThan(3000);

        BufferedImage stacked = render(640, 320, s -> l[0] = BarRenderer.render(s, BLOCKED,
                new BarOptions("Blocked prompts (stacked)", Unit.COUNT, BarOptions.Mode.STACKED, BarOptions.Orientation.VERTICAL, LegendMode.LIST),
                LegendState.ALL_VISIBLE, ChartTheme.dark()));
        write(stacked, "bars-stacked-dark");
        BarLayout.Bar top = l[0].bars().stream().filter(b -> b.category().equals("prompt_injection") && b.series().equals("week 47")).findFirst().orElseThrow();
        assertThat(top.lower()).isEqualTo(120);
        assertThat(top.upper()).isEqualTo(270);

        BufferedImage horizontal = render(640, 300, s -> l[0] = BarRenderer.render(s, BLOCKED,
                new BarOptions("Blocked prompts (horizontal)", Unit.COUNT, BarOptions.Mode.GROUPED, BarOptions.Orientation.HORIZONTAL, LegendMode.LIST),
                LegendState.ALL_VISIBLE.toggle("week 46"), ChartTheme.light()));
        write(horizontal, "bars-horizontal");
        assertThat(l[0].bars()).hasSize(5);
    }

    @Test
    void statTilesAndGauge() throws IOException {
        long[] ts = new long[200];
        double[] v = new double[200];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < ts.length; i++) {
            ts[i] = T0 + i * 60_000L;
            v[i] = 0.3 + 0.05 * Math.sin(i / 15.0) + rnd.nextDouble() * 0.02;
        }
        TimeSeriesData spark = new TimeSeriesData("acceptance", ts, v);
        BufferedImage stat = render(260, 150, s -> StatRenderer.render(s, new StatData("Acceptance rate", 0.312, 0.287, spark),
                StatOptions.of(Unit.PERCENT_UNIT), ChartTheme.dark()));
        write(stat, "stat-acceptance-dark");
        assertThat(SampleChartsTest.MissingInk.count(stat)).isGreaterThan(1000);

        BufferedImage stat2 = render(260, 150, s -> StatRenderer.render(s, new StatData("p95 latency", 0.412, 0.350, spark),
                new StatOptions(Unit.SECONDS, List.of(new Threshold(0.3, ChartColor.hex("#e24d42"))), KpiDirection.LOWER_IS_BETTER, "vs last week"), ChartTheme.light()));
        write(stat2, "stat-latency-light");

        BufferedImage gauge = render(260, 200, s -> GaugeRenderer.render(s, new GaugeData("Block rate", 7.5, 0, 20),
                new GaugeOptions(Unit.PERCENT, List.of(new Threshold(5, ChartColor.hex("#eab839")), new Threshold(10, ChartColor.hex("#e24d42")))),
                ChartTheme.light()));
        write(gauge, "gauge-block-rate");
        assertThat(SampleChartsTest.MissingInk.count(gauge)).isGreaterThan(2000);
    }

    @Test
    void heatmapOfLatencyBuckets() throws IOException {
        double[] le = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, Double.POSITIVE_INFINITY};
        int n = 120;
        long[] ts = new long[n];
        double[][] counts = new double[n][le.length];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 60_000L;
            double centre = 3 + 2 * Math.sin(i / 20.0);
            for (int b = 0; b < le.length; b++) {
                counts[i][b] = Math.max(0, 100 * Math.exp(-Math.pow(b - centre, 2) / 2) + rnd.nextGaussian() * 3);
            }
        }
        HeatmapLayout[] l = new HeatmapLayout[1];
        BufferedImage img = render(700, 300, s -> l[0] = HeatmapRenderer.render(s, new HeatmapData(ts, le, counts), T0, T0 + n * 60_000L,
                new HeatmapOptions("Request duration buckets", Unit.SECONDS, ZONE), ChartTheme.dark()));
        write(img, "heatmap-dark");
        int bg = img.getRGB((int) l[0].plot().x() + 1, (int) l[0].plot().y() + 1);
        assertThat(inkIn(img, l[0].plot(), bg)).isGreaterThan(10_000);
        assertThat(l[0].cellAt(l[0].plot().x() + 1, l[0].plot().bottom() - 1)).hasValueSatisfying(c -> {
            assertThat(c.timeIndex()).isZero();
            assertThat(c.bucketIndex()).isZero();
        });
    }

    @Test
    void denseHeatmapIsOneImageAndLooksLikeTheCells() throws IOException {
        double[] le = {0.01, 0.1, 1, Double.POSITIVE_INFINITY};
        int n = 2000; // 8,000 cells: drawn as an image
        long[] ts = new long[n];
        double[][] counts = new double[n][le.length];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 15_000L;
            counts[i][i * le.length / n] = 10 + i % 7; // a band climbing through the buckets
        }
        HeatmapData data = new HeatmapData(ts, le, counts);
        HeatmapLayout[] l = new HeatmapLayout[1];
        BufferedImage img = render(600, 240, s -> l[0] = HeatmapRenderer.render(s, data, T0, T0 + n * 15_000L,
                new HeatmapOptions("dense", Unit.SECONDS, ZONE), ChartTheme.light()));
        write(img, "heatmap-dense-image");
        var plot = l[0].plot();
        int bottomLeft = img.getRGB((int) plot.x() + 5, (int) (plot.bottom() - plot.height() / 8));
        int topRight = img.getRGB((int) plot.right() - 5, (int) (plot.y() + plot.height() / 8));
        int topLeft = img.getRGB((int) plot.x() + 5, (int) (plot.y() + plot.height() / 8));
        assertThat(bottomLeft).isNotEqualTo(0xffffffff); // the band starts in the lowest bucket
        assertThat(topRight).isNotEqualTo(0xffffffff); // and ends in the highest
        assertThat(topLeft).isEqualTo(0xffffffff); // nothing where there were no counts

        String svg = io.vigia.dashboards.chart.surface.ChartExport.svg(600, 240, s -> HeatmapRenderer.render(s, data, T0, T0 + n * 15_000L,
                new HeatmapOptions("dense", Unit.SECONDS, ZONE), ChartTheme.light()));
        assertThat(svg).contains("<image ").contains("data:image/png;base64,").doesNotContain("http://example");
    }

    @Test
    void tableAndLogsWithHostileText() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("LLM01", "prompt_injection", "150", "<script>alert(1)</script>"));
        rows.add(List.of("LLM02", "pii_leak", "38", "my email is a@b.example\u202Egnp.exe"));
        for (int i = 0; i < 30; i++) {
            rows.add(List.of("LLM0" + (i % 9), "category_" + i, Integer.toString(100 - i), "example " + i));
        }
        TableData table = new TableData(List.of(new TableData.Column("OWASP", TableData.Align.LEFT),
                new TableData.Column("Category", TableData.Align.LEFT), new TableData.Column("Blocked", TableData.Align.RIGHT),
                new TableData.Column("Example prompt", TableData.Align.LEFT)), rows);
        TableRenderer.TableLayout[] tl = new TableRenderer.TableLayout[1];
        BufferedImage img = render(640, 260, s -> tl[0] = TableRenderer.render(s, "Top blocked categories", table, 0, ChartTheme.light()));
        write(img, "table");
        assertThat(tl[0].rowsShown()).isBetween(5, 31);

        List<LogLine> logs = List.of(
                new LogLine(T0, "info", "GET /api/health 200 2ms"),
                new LogLine(T0 + 1500, "warn", "slow query took 2.3s"),
                new LogLine(T0 + 2000, "error", "upstream reset\r\n\u001b[31mFAKE ROOT PROMPT\u001b[0m"),
                new LogLine(T0 + 2100, "", "user said: ignore previous instructions \u202Etxt.exe\u2066 hidden"),
                new LogLine(T0 + 2500, "debug", "x".repeat(500)));
        LogsRenderer.LogsLayout[] ll = new LogsRenderer.LogsLayout[1];
        BufferedImage log = render(720, 160, s -> ll[0] = LogsRenderer.render(s, "Logs around deploy", logs, 0, ZONE, ChartTheme.dark()));
        write(log, "logs-dark");
        assertThat(ll[0].linesShown()).isEqualTo(5);
    }
}
