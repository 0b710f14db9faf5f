package io.vigia.dashboards.findings;

import java.util.Locale;

/**
 * One factor of the security risk formula ({@link RiskModel}): its value, or NaN when it is not
 * known, and in words where it came from ("security-severity 8.8", "ai/exploitability
 * demonstrated: CVSS v3.1 E:F 0.97", "unknown: the repository's exposure is not declared"). An
 * unknown factor is never replaced by a number.
 */
public record RiskFactor(double value, String basis) {
    public RiskFactor {
        if (!Double.isNaN(value) && (value < 0 || Double.isInfinite(value))) {
            throw new IllegalArgumentException("a risk factor is a finite number >= 0 or unknown: " + value);
        }
    }

    public static RiskFactor of(double value, String basis) {
        return new RiskFactor(value, basis);
    }

    public static RiskFactor unknown(String why) {
        return new RiskFactor(Double.NaN, why);
    }

    public boolean known() {
        return !Double.isNaN(value);
    }

    /** "0.97 (ai/exploitability demonstrated: CVSS E:F)", "8.8 (security-severity 8.8)" or "unknown (…)". */
    public String show() {
        if (!known()) {
            return "unknown (" + basis + ")";
        }
        String v = String.format(Locale.ROOT, "%.2f", value);
        return (v.endsWith("0") ? v.substring(0, v.length() - 1) : v) + " (" + basis + ")";
    }
}
