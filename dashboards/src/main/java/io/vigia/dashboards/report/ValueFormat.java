package io.vigia.dashboards.report;

import java.util.Locale;

/** Numbers with Grafana unit ids as a report shows them ("percentunit" 0.31 → "31.0%"). */
public final class ValueFormat {
    /** Vigia's unit for a relative change (0.2 → "+20%"), used by report tables. */
    public static final String CHANGE = "vigia.change";

    private ValueFormat() {
    }

    public static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+∞" : "−∞";
        }
        return switch (unit == null ? "" : unit) {
            case "percentunit" -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case CHANGE -> Math.abs(v) < 0.005 ? "0%" : String.format(Locale.ROOT, "%+.0f%%", v * 100);
            case "percent" -> String.format(Locale.ROOT, "%.1f%%", v);
            case "s" -> v < 1 ? String.format(Locale.ROOT, "%.0f ms", v * 1000) : String.format(Locale.ROOT, "%.2f s", v);
            case "ms" -> String.format(Locale.ROOT, "%.0f ms", v);
            case "reqps" -> String.format(Locale.ROOT, "%s req/s", plain(v));
            case "bytes" -> bytes(v);
            default -> plain(v);
        };
    }

    private static String plain(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (v == Math.rint(v) || a >= 100) {
            // counts over a week come from increase(), which extrapolates: 461.23 blocked prompts reads as 461
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, a < 1 ? "%.3f" : "%.2f", v);
    }

    private static String bytes(double v) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, i == 0 ? "%.0f %s" : "%.1f %s", v, units[i]);
    }
}
