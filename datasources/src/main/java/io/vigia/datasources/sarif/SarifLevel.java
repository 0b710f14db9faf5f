package io.vigia.datasources.sarif;

import java.util.Locale;

/** SARIF {@code level} (§3.27.10). */
public enum SarifLevel {
    NONE, NOTE, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level named by {@code text}, or null when absent or unknown. The pre-release 2.0.0
     * levels {@code pass}, {@code notApplicable} and {@code open} (moved to {@code kind} in 2.1.0)
     * carry no problem, so they read as {@link #NONE}.
     */
    static SarifLevel parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "note" -> NOTE;
            case "none", "pass", "notApplicable", "open" -> NONE;
            default -> null;
        };
    }
}
