package io.vigia.dashboards.analytics;

/**
 * The verdict a drift row prints: the Jensen–Shannon status (the drift definition,
 * {@link DriftThresholds}) qualified by the significance test where the status is an alert. A
 * WARNING or DRIFT whose adjusted p-value (q) is 0.05 or more reads "…, not significant": the
 * distance is within what the windows' own variation gives. Without a test (too few slices, no
 * baseline) it reads "…, untested".
 */
public final class DriftVerdict {
    /** The false discovery rate of a table's alerts. */
    public static final double ALPHA = 0.05;

    private DriftVerdict() {
    }

    /** @param q the Benjamini–Hochberg adjusted p-value, NaN when there was no test */
    public static String of(DriftStatus status, double q) {
        if (status == DriftStatus.OK) {
            return status.name();
        }
        if (Double.isNaN(q)) {
            return status.name() + ", untested";
        }
        return q < ALPHA ? status.name() : status.name() + ", not significant";
    }

    /** Alerts that hold first (DRIFT, WARNING), then the qualified ones, then OK, then rows without a verdict. */
    public static int rank(String verdict) {
        return switch (verdict) {
            case "DRIFT" -> 0;
            case "WARNING" -> 1;
            case "DRIFT, untested" -> 2;
            case "WARNING, untested" -> 3;
            case "DRIFT, not significant" -> 4;
            case "WARNING, not significant" -> 5;
            case "OK" -> 6;
            default -> 7;
        };
    }
}
