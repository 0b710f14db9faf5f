package io.vigia.dashboards.chart;

import java.util.List;

/**
 * Colours and fonts of a chart. The series palette follows the spirit of Grafana's classic
 * palette (green, yellow, blue, orange, red, ...): hues far apart so neighbouring series stay
 * distinguishable. Text colours are chosen for at least 4.5:1 contrast on the background
 * (checked by a test).
 */
public record ChartTheme(
        String name,
        ChartColor background,
        ChartColor plotBackground,
        ChartColor text,
        ChartColor mutedText,
        ChartColor grid,
        ChartColor axis,
        ChartColor crosshair,
        ChartColor ok,
        ChartColor warning,
        ChartColor critical,
        List<ChartColor> palette,
        ChartFont font,
        ChartFont smallFont,
        ChartFont titleFont,
        ChartFont monoFont) {

    public ChartTheme {
        palette = List.copyOf(palette);
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("palette must not be empty");
        }
    }

    private static final List<String> CLASSIC = List.of(
            "#7eb26d", "#eab839", "#6ed0e0", "#ef843c", "#e24d42", "#1f78c1", "#ba43a9", "#705da0",
            "#508642", "#cca300", "#447ebc", "#c15c17", "#890f02", "#0a437c", "#6d1f62", "#584477",
            "#b7dbab", "#f4d598", "#70dbed", "#f9ba8f", "#f29191", "#82b5d8", "#e5a8e2", "#aea2e0");

    private static List<ChartColor> classic() {
        return CLASSIC.stream().map(ChartColor::hex).toList();
    }

    public static ChartTheme light() {
        return new ChartTheme("light",
                ChartColor.hex("#ffffff"), ChartColor.hex("#ffffff"),
                ChartColor.hex("#1f2328"), ChartColor.hex("#57606a"),
                ChartColor.hex("#e4e7eb"), ChartColor.hex("#8c959f"), ChartColor.hex("#6e7781"),
                ChartColor.hex("#1a7f37"), ChartColor.hex("#b35900"), ChartColor.hex("#cf222e"),
                classic(),
                ChartFont.sans(12), ChartFont.sans(11), ChartFont.sans(14).asBold(), ChartFont.mono(12));
    }

    public static ChartTheme dark() {
        return new ChartTheme("dark",
                ChartColor.hex("#181b1f"), ChartColor.hex("#181b1f"),
                ChartColor.hex("#d8d9da"), ChartColor.hex("#9fa7b3"),
                ChartColor.hex("#2c3036"), ChartColor.hex("#5a6068"), ChartColor.hex("#8e959e"),
                ChartColor.hex("#73bf69"), ChartColor.hex("#f2cc0c"), ChartColor.hex("#f2495c"),
                classic(),
                ChartFont.sans(12), ChartFont.sans(11), ChartFont.sans(14).asBold(), ChartFont.mono(12));
    }

    /** Colour of the i-th series, cycling through the palette. */
    public ChartColor seriesColor(int index) {
        return palette.get(Math.floorMod(index, palette.size()));
    }

    /** Black-ish or white-ish text, whichever reads better on {@code fill}. */
    public ChartColor textOn(ChartColor fill) {
        ChartColor darkText = ChartColor.hex("#111217");
        ChartColor lightText = ChartColor.hex("#ffffff");
        return fill.contrastWith(darkText) >= fill.contrastWith(lightText) ? darkText : lightText;
    }
}
