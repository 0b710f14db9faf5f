package io.vigia.datasources.sarif;

import java.util.Locale;

/**
 * GitHub code scanning's bands of {@code properties.security-severity} (a CVSS-like score 0.0 to
 * 10.0): over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, below 4.0 low. These are the
 * {@code severity} label values of {@code vigia_copilot_accepted_with_sast_findings_total}.
 */
public enum SecuritySeverity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The band of a score; null for a score outside 0 to 10 or not a number. */
    public static SecuritySeverity of(double score) {
        if (Double.isNaN(score) || score < 0 || score > 10) {
            return null;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return LOW;
    }

    /** The band named by a label ({@code high}), or null. */
    public static SecuritySeverity fromLabel(String label) {
        if (label == null) {
            return null;
        }
        for (SecuritySeverity s : values()) {
            if (s.label().equalsIgnoreCase(label)) {
                return s;
            }
        }
        return null;
    }
}
