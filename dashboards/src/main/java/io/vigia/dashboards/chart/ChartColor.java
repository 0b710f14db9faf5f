package io.vigia.dashboards.chart;

/** An sRGB colour with alpha, components 0–255 and alpha 0–1. */
public record ChartColor(int red, int green, int blue, double alpha) {

    public ChartColor {
        if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255) {
            throw new IllegalArgumentException("colour component out of 0..255: " + red + "," + green + "," + blue);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha out of 0..1: " + alpha);
        }
    }

    public static ChartColor rgb(int rgb) {
        return new ChartColor((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 1);
    }

    /** Parses {@code #rrggbb}. */
    public static ChartColor hex(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("expected #rrggbb, got " + hex);
        }
        return rgb(Integer.parseInt(hex.substring(1), 16));
    }

    public ChartColor withAlpha(double newAlpha) {
        return new ChartColor(red, green, blue, newAlpha);
    }

    /** Packed 0xAARRGGBB. */
    public int argb() {
        return ((int) Math.round(alpha * 255) << 24) | (red << 16) | (green << 8) | blue;
    }

    public String toHex() {
        return String.format("#%02x%02x%02x", red, green, blue);
    }

    /** Linear mix towards {@code other}; t = 0 gives this colour, 1 gives other. */
    public ChartColor mix(ChartColor other, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new ChartColor(
                (int) Math.round(red + (other.red - red) * u),
                (int) Math.round(green + (other.green - green) * u),
                (int) Math.round(blue + (other.blue - blue) * u),
                alpha + (other.alpha - alpha) * u);
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    /** WCAG contrast ratio between two opaque colours, 1 to 21. */
    public double contrastWith(ChartColor other) {
        double a = luminance() + 0.05;
        double b = other.luminance() + 0.05;
        return Math.max(a, b) / Math.min(a, b);
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
