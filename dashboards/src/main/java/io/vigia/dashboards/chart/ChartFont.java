package io.vigia.dashboards.chart;

/** A font request: a logical family ("SansSerif", "Monospaced") or a real one, size in pixels. */
public record ChartFont(String family, double size, boolean bold) {

    public static final String SANS = "SansSerif";
    public static final String MONO = "Monospaced";

    public ChartFont {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("font family is required");
        }
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be positive: " + size);
        }
    }

    public static ChartFont sans(double size) {
        return new ChartFont(SANS, size, false);
    }

    public static ChartFont mono(double size) {
        return new ChartFont(MONO, size, false);
    }

    public ChartFont asBold() {
        return new ChartFont(family, size, true);
    }

    public ChartFont withSize(double newSize) {
        return new ChartFont(family, newSize, bold);
    }
}
