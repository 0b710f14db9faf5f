package io.vigia.datasources.bindings;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input of one source: the binding in use (the user's override, else the best probed
 * candidate), every candidate with its score, and what is missing when nothing could be bound.
 *
 * @param chosen  the binding in use; null when {@code origin} is {@link BindingOrigin#NONE}
 * @param missing when nothing is bound: what the input needs and what was found nearest
 *                ("needs a request-latency histogram; found http_requests_total (a counter, no durations)")
 * @param notes   what a panel using this binding should say (mean only, summary quantiles, fail-open blind spots)
 */
public record BoundInput(SemanticInput input, Binding chosen, BindingOrigin origin, String conventionId,
                         List<Candidate> candidates, String missing, List<String> notes) {
    public BoundInput {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(origin, "origin");
        if ((chosen == null) != (origin == BindingOrigin.NONE)) {
            throw new IllegalArgumentException("a binding is chosen exactly when the origin is not NONE");
        }
        if (chosen != null && chosen.input() != input) {
            throw new IllegalArgumentException("a " + chosen.input() + " binding cannot answer " + input);
        }
        candidates = List.copyOf(candidates == null ? List.of() : candidates);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    public static BoundInput unbound(SemanticInput input, List<Candidate> candidates, String missing) {
        return new BoundInput(input, null, BindingOrigin.NONE, null, candidates, missing, List.of());
    }

    public Optional<Binding> binding() {
        return Optional.ofNullable(chosen);
    }

    @JsonIgnore
    public boolean isBound() {
        return chosen != null;
    }

    /** The same input with the user's binding in place of the probed one; candidates stay for reference. */
    public BoundInput overriddenBy(Binding override) {
        return new BoundInput(input, override, BindingOrigin.OVERRIDE, "user", candidates, null,
                List.of("set by the user; probing does not change it"));
    }
}
