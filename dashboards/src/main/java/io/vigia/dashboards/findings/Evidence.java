package io.vigia.dashboards.findings;

import java.time.Instant;
import java.util.List;

/** What a finding shows as its proof. */
public sealed interface Evidence {

    /**
     * A series with its band, to chart over {@code from}..{@code to} (the excursion with some
     * context either side); {@code expr} is the query, {@code series} the legend name.
     */
    record SeriesBand(String expr, String series, String unit, Instant from, Instant to, Band band) implements Evidence {
    }

    /**
     * The SAST findings behind a security risk: each where it is (repository, file, lines), its
     * rule and CWE, when it was detected and its risk formula with the numbers.
     */
    record SastFindings(String subject, List<SastFinding> findings) implements Evidence {
        public SastFindings {
            findings = List.copyOf(findings);
        }
    }

    /** One finding of {@link SastFindings}; {@code cwe} is null when the rule names none. */
    record SastFinding(String repository, String uri, int startLine, int endLine, String ruleId, String cwe,
                       Instant detectedAt, String formula) {
    }
}
