package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.Names;

import java.util.List;

/**
 * A guardrail tool's metrics. {@code requestsOnly} marks a gateway that counts requests but no
 * guardrail outcome: it only adds the "should have been checked" side of coverage.
 */
public record GuardrailConvention(String id, String title, int rank, DecisionSpec decisions, CategorySpec category,
                                  String direction, String detector, List<String> app, boolean ignoreCase,
                                  CoverageSpec coverage, String requestsOnly, String note, String source) {
    public GuardrailConvention {
        Entries.require(id, title, source);
        if ((decisions == null) == (requestsOnly == null)) {
            throw new IllegalArgumentException(id + ": give decisions, or requestsOnly for a gateway without outcomes");
        }
        if (requestsOnly != null) {
            Names.requireMetric(requestsOnly);
        }
        app = List.copyOf(app == null ? List.of() : app);
        coverage = coverage == null ? new CoverageSpec(null) : coverage;
    }

    /** Either one counter with a decision label, or a blocked counter beside a total counter. */
    public record DecisionSpec(String metric, String label, List<String> blocked, List<String> allowed,
                               String blockedMetric, String totalMetric) {
        public DecisionSpec {
            boolean labelled = metric != null;
            if (labelled == (blockedMetric != null)) {
                throw new IllegalArgumentException("decisions: give metric+label+blocked, or blockedMetric+totalMetric");
            }
            if (labelled && (label == null || blocked == null || blocked.isEmpty())) {
                throw new IllegalArgumentException("decisions of " + metric + ": the label and its blocked values are needed");
            }
            if (!labelled && totalMetric == null) {
                throw new IllegalArgumentException("decisions: a blocked counter needs the total beside it");
            }
            blocked = List.copyOf(blocked == null ? List.of() : blocked);
            allowed = List.copyOf(allowed == null ? List.of() : allowed);
        }
    }

    /** The label with the vendor's category and which vocabulary of the OWASP mapping it uses. */
    public record CategorySpec(String label, String vocabulary) {
        public CategorySpec {
            Names.requireLabel(label);
        }
    }

    /** A counter of checks that ended in error. */
    public record CoverageSpec(String errors) {
    }
}
