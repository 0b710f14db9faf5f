package io.vigia.datasources.bindings;

import java.util.List;
import java.util.Objects;

/**
 * One way the source could answer an input, from one convention of the catalog.
 *
 * @param hasData whether the source had samples for it in the probed window; a candidate without
 *                data is never chosen, only reported
 * @param notes   what a panel should say about it ("mean only: no quantiles"), from the catalog and the probe
 */
public record Candidate(Binding binding, String conventionId, String conventionTitle, boolean hasData, Score score,
                        List<String> notes) {
    public Candidate {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(conventionId, "conventionId");
        Objects.requireNonNull(score, "score");
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
