package io.vigia.datasources.sarif;

import java.util.List;

/**
 * A rule (reportingDescriptor) of a run's driver or of one of its extensions.
 *
 * @param defaultLevel     {@code defaultConfiguration.level}, null when absent
 * @param securityScore    {@code properties.security-severity}, null when absent or not a number
 * @param severity         the GitHub band of {@code securityScore}, null without a score
 * @param cwes             normalized CWE ids ({@code CWE-79}) from tags and CWE taxonomy relationships
 */
public record SarifRule(String id, String name, SarifLevel defaultLevel, Double securityScore,
                        SecuritySeverity severity, List<String> cwes, List<String> tags) {
    public SarifRule {
        cwes = List.copyOf(cwes);
        tags = List.copyOf(tags);
    }
}
