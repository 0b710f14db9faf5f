package io.vigia.dashboards.chart.axis;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Units a panel's values can have, with Grafana-like formatting: durations scale from ns to
 * days, bytes use IEC prefixes (KiB, MiB), counts and rates short SI suffixes (k, M, G).
 */
public enum Unit {
    /** Plain number, no suffix. */
    NONE("none"),
    /** A count, with short SI suffixes: 1.5k, 2.3M. */
    COUNT("short"),
    /** Durations given in seconds. */
    SECONDS("s"),
    /** Durations given in milliseconds. */
    MILLISECONDS("ms"),
    /** Percent, values 0..100. */
    PERCENT("percent"),
    /** Percent, values 0..1. */
    PERCENT_UNIT("percentunit"),
    /** Bytes, IEC prefixes. */
    BYTES("bytes"),
    /** Requests per second, short SI suffixes. */
    REQ_PER_SEC("reqps");

    private final String grafanaId;

    Unit(String grafanaId) {
        this.grafanaId = grafanaId;
    }

    /** Grafana's unit id ({@code fieldConfig.defaults.unit}). */
    public String grafanaId() {
        return grafanaId;
    }

    /** The unit for a Grafana unit id; unknown ids fall back to {@link #NONE}. */
    public static Unit fromGrafanaId(String id) {
        if (id == null) {
            return NONE;
        }
        for (Unit u : values()) {
            if (u.grafanaId.equals(id)) {
                return u;
            }
        }
        return switch (id) {
            case "decbytes" -> BYTES;
            case "ops", "rps" -> REQ_PER_SEC;
            case "dtdurations" -> SECONDS;
            default -> NONE;
        };
    }

    /** A divisor and the suffix to show after dividing by it. */
    public record Scale(double divisor, String suffix) {
    }

    private static final String[] SI = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] IEC = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /** The scale that keeps numbers of magnitude {@code maxAbs} short. */
    public Scale scaleFor(double maxAbs) {
        double m = Double.isFinite(maxAbs) ? Math.abs(maxAbs) : 0;
        return switch (this) {
            case NONE -> new Scale(1, "");
            case PERCENT -> new Scale(1, "%");
            case PERCENT_UNIT -> new Scale(0.01, "%");
            case COUNT -> siScale(m, "");
            case REQ_PER_SEC -> siScale(m, " req/s");
            case BYTES -> {
                int k = 0;
                while (k < IEC.length - 1 && m >= Math.pow(1024, k + 1)) {
                    k++;
                }
                yield new Scale(Math.pow(1024, k), " " + IEC[k]);
            }
            case SECONDS -> durationScale(m, 1);
            case MILLISECONDS -> durationScale(m, 1000);
        };
    }

    private static Scale siScale(double m, String unit) {
        int k = 0;
        while (k < SI.length - 1 && m >= Math.pow(1000, k + 1)) {
            k++;
        }
        return new Scale(Math.pow(1000, k), SI[k] + unit);
    }

    /** {@code perSecond} is how many of the value's units make one second. */
    private static Scale durationScale(double m, double perSecond) {
        double seconds = m / perSecond;
        if (seconds == 0) {
            return perSecond == 1 ? new Scale(1, " s") : new Scale(1, " ms");
        }
        if (seconds < 1e-6) {
            return new Scale(1e-9 * perSecond, " ns");
        }
        if (seconds < 1e-3) {
            return new Scale(1e-6 * perSecond, " µs");
        }
        if (seconds < 1) {
            return new Scale(1e-3 * perSecond, " ms");
        }
        if (seconds < 60) {
            return new Scale(perSecond, " s");
        }
        if (seconds < 3600) {
            return new Scale(60 * perSecond, " min");
        }
        if (seconds < 86400) {
            return new Scale(3600 * perSecond, " h");
        }
        return new Scale(86400 * perSecond, " day");
    }

    /** One value for display (stat tiles, legends, tooltips): about three significant digits. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        Scale scale = scaleFor(value);
        double scaled = value / scale.divisor();
        double a = Math.abs(scaled);
        int decimals = a == 0 ? 0 : a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        if (this == NONE && a != 0 && a < 0.001) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return trim(String.format(Locale.ROOT, "%." + decimals + "f", scaled)) + scale.suffix();
    }

    /** A tick label: the same scale and number of decimals for every tick of an axis. */
    public String formatTick(double value, Scale scale, int decimals) {
        double scaled = value / scale.divisor();
        if (Math.abs(scaled) < 1e-12) {
            return "0" + scaleFor(0).suffix(); // "0 s", not "0.0k req/s" or "-0"
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", scaled) + scale.suffix();
    }

    private static String trim(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        String s = new BigDecimal(number).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
