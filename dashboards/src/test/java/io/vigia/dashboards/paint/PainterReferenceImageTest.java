package io.vigia.dashboards.paint;

import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelOptions;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.dashboards.query.PanelData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handful of panels painted by {@link Java2DSurface} compared with committed PNGs, so that a
 * misplaced axis, legend or label fails even when the same number of pixels is painted. Text uses
 * DejaVu Sans shipped in test resources (with its licence) and the rendering hints are fixed
 * (no antialiasing), so installed fonts do not matter.
 *
 * <p>Tolerance: at most {@value #MAX_DIFFERING_PERCENT}% of the pixels may differ by more than
 * {@value #DELTA} in some colour channel. After an intended change, regenerate the PNGs with
 * {@code mvn -pl dashboards -am test -Dtest=PainterReferenceImageTest -Dsurefire.failIfNoSpecifiedTests=false -Dvigia.reference.update=true}
 * and look at them before committing. A failure writes the actual image and a diff (differing
 * pixels red) under {@code target/reference-diff/}.
 */
class PainterReferenceImageTest {
    static final double MAX_DIFFERING_PERCENT = 0.5;
    static final int DELTA = 48;
    private static final int W = 480;
    private static final int H = 240;
    private static final long T0 = 1_763_942_400_000L; // 2025-11-24T00:00:00Z
    private static final long HOUR = 3_600_000L;
    private static final Path REFERENCES = Path.of("src/test/resources/io/vigia/dashboards/paint/reference");
    private static final String FAMILY = "DejaVu Sans";
    private static ChartTheme theme;

    @BeforeAll
    static void shippedFont() throws IOException, FontFormatException {
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String file : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
            try (InputStream in = PainterReferenceImageTest.class.getResourceAsStream("/fonts/" + file)) {
                ge.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            }
        }
        ChartTheme l = ChartTheme.light();
        ChartFont regular = new ChartFont(FAMILY, 12, false);
        theme = new ChartTheme("reference", l.background(), l.plotBackground(), l.text(), l.mutedText(), l.grid(), l.axis(),
                l.crosshair(), l.ok(), l.warning(), l.critical(), l.palette(), regular, regular.withSize(11),
                regular.withSize(14).asBold(), regular);
    }

    @ParameterizedTest
    @ValueSource(strings = {"time-series", "stat", "bar-chart", "table", "gauge"})
    void paintsLikeTheReference(String name) throws IOException {
        BufferedImage actual = paint(name, LegendState.ALL_VISIBLE);
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("vigia.reference.update")) {
            Files.createDirectories(REFERENCES);
            ImageIO.write(actual, "png", reference.toFile());
        }
        assertThat(reference).as("reference image; regenerate with -Dvigia.reference.update=true").exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        double differing = differingPercent(expected, actual);
        if (differing > MAX_DIFFERING_PERCENT) {
            Path out = Path.of("target/reference-diff");
            Files.createDirectories(out);
            ImageIO.write(actual, "png", out.resolve(name + "-actual.png").toFile());
            ImageIO.write(diff(expected, actual), "png", out.resolve(name + "-diff.png").toFile());
        }
        assertThat(differing).as("%% of pixels differing by more than %d from %s (actual and diff in target/reference-diff)",
                DELTA, reference).isLessThanOrEqualTo(MAX_DIFFERING_PERCENT);
    }

    @Test
    void aMovedLegendFailsTheComparisonThoughAboutAsManyPixelsArePainted() throws IOException {
        BufferedImage expected = ImageIO.read(REFERENCES.resolve("time-series.png").toFile());
        // one series hidden: the legend and lines change place, not the amount of ink
        BufferedImage changed = paint("time-series", new LegendState(java.util.Set.of("checkout")));
        assertThat(differingPercent(expected, changed)).isGreaterThan(MAX_DIFFERING_PERCENT);
    }

    private static BufferedImage paint(String name, LegendState legend) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface s = Java2DSurface.forImage(image, 1, false);
        PanelPainter.Context c = new PanelPainter.Context(T0, T0 + 24 * HOUR, ZoneOffset.UTC, theme, legend,
                List.of(new Annotation(T0 + 15 * HOUR, T0 + 15 * HOUR, "deploy v2", theme.warning())));
        switch (name) {
            case "time-series" -> PanelPainter.paint(s, panel(PanelType.TIME_SERIES, "Requests per second", "reqps",
                    new Thresholds(Thresholds.Mode.ABSOLUTE, List.of(new Thresholds.Step(null, "green"), new Thresholds.Step(8.0, "red")),
                            Thresholds.Display.LINE), PanelOptions.DEFAULTS), data(List.of(wave("payments", 5, 3), wave("checkout", 2, 1.5)),
                    List.of("A", "A")), c);
            case "stat" -> PanelPainter.paint(s, panel(PanelType.STAT, "p95 latency", "s", Thresholds.NONE,
                    PanelOptions.DEFAULTS.withStat(PanelOptions.Stat.of(KpiDirection.LOWER_IS_BETTER))),
                    data(List.of(wave("now", 0.25, 0.05), point("before", 0.31)), List.of("A", "B")), c);
            case "bar-chart" -> PanelPainter.paint(s, panel(PanelType.BAR_CHART, "Acceptance by language", "percentunit",
                    Thresholds.NONE, PanelOptions.DEFAULTS), data(List.of(point("go", 0.41), point("java", 0.33), point("python", 0.29),
                    point("typescript", 0.37)), List.of("A", "A", "A", "A")), c);
            case "table" -> PanelPainter.paint(s, panel(PanelType.TABLE, "Prompts blocked by category", "short", Thresholds.NONE,
                    PanelOptions.DEFAULTS.withTable(new PanelOptions.Table(true))), data(List.of(point("prompt_injection", 412),
                    point("sensitive_information", 97), point("toxicity", 12)), List.of("A", "A", "A")), c);
            case "gauge" -> PanelPainter.paint(s, panel(PanelType.GAUGE, "Block rate", "percentunit",
                    new Thresholds(Thresholds.Mode.ABSOLUTE, List.of(new Thresholds.Step(null, "green"), new Thresholds.Step(0.05, "orange"),
                            new Thresholds.Step(0.1, "red")), Thresholds.Display.OFF), PanelOptions.DEFAULTS),
                    data(List.of(point("rate", 0.072)), List.of("A")), c);
            default -> throw new IllegalArgumentException(name);
        }
        return image;
    }

    private static Panel panel(PanelType type, String title, String unit, Thresholds t, PanelOptions options) {
        return Panel.of(1, type, title, new GridPos(0, 0, 12, 8), List.of(Query.promql("A", "x", "")),
                FieldConfig.DEFAULT.withUnit(unit).withThresholds(t)).withOptions(options);
    }

    private static PanelData data(List<TimeSeriesData> series, List<String> refIds) {
        return new PanelData(series, refIds, Duration.ofMinutes(10), List.of(), List.of());
    }

    private static TimeSeriesData wave(String name, double base, double amplitude) {
        int n = 24 * 6 + 1;
        long[] ts = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 10 * 60_000L;
            v[i] = base + amplitude * Math.sin(i / 12.0) + (i % 7 == 0 ? amplitude / 3 : 0);
        }
        return new TimeSeriesData(name, ts, v);
    }

    private static TimeSeriesData point(String name, double value) {
        return new TimeSeriesData(name, new long[] {T0 + 24 * HOUR}, new double[] {value});
    }

    /** The share of pixels, in percent, whose largest channel difference (alpha included) exceeds {@link #DELTA}. */
    static double differingPercent(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 100;
        }
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (channelDelta(a.getRGB(x, y), b.getRGB(x, y)) > DELTA) {
                    differing++;
                }
            }
        }
        return 100.0 * differing / ((long) a.getWidth() * a.getHeight());
    }

    private static int channelDelta(int p, int q) {
        int max = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            max = Math.max(max, Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff)));
        }
        return max;
    }

    private static BufferedImage diff(BufferedImage expected, BufferedImage actual) {
        BufferedImage out = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                boolean inside = x < expected.getWidth() && y < expected.getHeight();
                int a = actual.getRGB(x, y);
                out.setRGB(x, y, inside && channelDelta(expected.getRGB(x, y), a) <= DELTA ? (a & 0x00ffffff) | 0x40000000 : 0xffff0000);
            }
        }
        return out;
    }
}
