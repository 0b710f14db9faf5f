package io.vigia.dashboards.query;

import io.vigia.datasources.api.QueryResult;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** What the binding step made of one template for one source. */
public sealed interface Resolution {

    /**
     * PromQL to run (variables and macros still to expand), the legend in the source's label names,
     * what the panel must say about the numbers, and a fold applied to the answer (OWASP ids), or null.
     */
    record Ready(String promql, String legend, List<String> notes, UnaryOperator<QueryResult> fold) implements Resolution {
        public Ready {
            Objects.requireNonNull(promql, "promql");
            legend = Objects.requireNonNullElse(legend, "");
            notes = List.copyOf(notes);
        }
    }

    /** The source cannot answer: what is needed and what was found nearest. */
    record Missing(String reason) implements Resolution {
        public Missing {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not run on this source, for a reason the panel states (p50 and p99 when only the mean exists). */
    record Skipped(String note) implements Resolution {
    }
}
