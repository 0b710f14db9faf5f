package io.vigia.datasources.sarif;

import java.util.List;
import java.util.Map;

/**
 * One result of a run, with its rule resolved.
 *
 * @param ruleId              {@code ruleId}, else {@code rule.id}, else the id of the rule at
 *                            {@code ruleIndex}; null when the log names no rule
 * @param ruleIndex           {@code ruleIndex} (or {@code rule.index}); -1 when absent
 * @param level               the effective level (§3.27.10: the result's, else none for a
 *                            non-{@code fail} kind, else the rule's default, else warning)
 * @param rule                the rule the result refers to, null when the run does not describe it
 * @param severity            the security-severity band of the result (its own
 *                            {@code properties.security-severity}, else its rule's); null when unrated
 * @param cwes                the CWE ids of the rule and of the result's own tags/taxa
 * @param baselineState       {@code new}, {@code unchanged}, {@code updated}, {@code absent} (or the
 *                            2.0.0 {@code existing}); null when absent
 * @param securityScore       the result's own {@code properties.security-severity}, else its rule's; null when unrated
 * @param exploitability      the result's {@code ai/exploitability}; null when absent or not one of its values
 * @param attackerPosition    the result's {@code ai/attackerPosition} (an open vocabulary: SARIF SDK
 *                            {@code docs/ai/generating-sarif.md}); null when absent
 */
public record SarifResult(String ruleId, int ruleIndex, SarifLevel level, String message, List<SarifLocation> locations,
                          Map<String, String> partialFingerprints, String baselineState, SarifRule rule,
                          SecuritySeverity severity, List<String> cwes, Double securityScore, Exploitability exploitability,
                          String attackerPosition) {
    public SarifResult {
        locations = List.copyOf(locations);
        partialFingerprints = Map.copyOf(partialFingerprints);
        cwes = List.copyOf(cwes);
    }

    /** The first location, or null for a result without one. */
    public SarifLocation primaryLocation() {
        return locations.isEmpty() ? null : locations.getFirst();
    }
}
