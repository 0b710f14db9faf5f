package io.vigia.datasources.sarif;

import java.time.Instant;
import java.util.List;

/**
 * One run of a SARIF log: one tool over one set of files.
 *
 * @param toolName      the driver's name; empty when the log gives none (null and "" are tolerated)
 * @param toolVersion   {@code version}, else {@code semanticVersion}; null when absent
 * @param repositoryUri {@code versionControlProvenance[0].repositoryUri}, null when absent
 * @param startedAt     the first invocation's start (else end) time, null when absent
 * @param rules         the driver's rules followed by those of its extensions
 */
public record SarifRun(String toolName, String toolVersion, String repositoryUri, Instant startedAt,
                       List<SarifRule> rules, List<SarifResult> results) {
    public SarifRun {
        rules = List.copyOf(rules);
        results = List.copyOf(results);
    }
}
