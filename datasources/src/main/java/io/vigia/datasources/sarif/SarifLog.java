package io.vigia.datasources.sarif;

import java.util.List;

/**
 * A parsed SARIF log.
 *
 * @param version   the log's {@code version} (2.1.0; 2.0.0 and 2.2 are read too)
 * @param schemaUri {@code $schema}, null when absent
 * @param warnings  what was tolerated (an older version, results without a rule), for the import report
 */
public record SarifLog(String version, String schemaUri, List<SarifRun> runs, List<String> warnings) {
    public SarifLog {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    public int resultCount() {
        return runs.stream().mapToInt(r -> r.results().size()).sum();
    }
}
