package io.vigia.datasources.redact;

import java.util.Map;

/**
 * Text with its secrets and personal data replaced by {@code [REDACTED:<type>]}, and how many of
 * each type were replaced.
 */
public record Redaction(String text, Map<String, Integer> counts) {
    public Redaction {
        counts = Map.copyOf(counts);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
