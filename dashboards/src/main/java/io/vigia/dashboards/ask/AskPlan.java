package io.vigia.dashboards.ask;

import java.util.List;
import java.util.Objects;

/**
 * What a question becomes before anything runs: read-only steps, the first answering the question
 * and the others adding evidence, with what the planner assumed ({@code notes}: "no range given:
 * the last hour") and, from a model, the tool calls it refused and why.
 *
 * @param planner {@code offline} or the model's name
 */
public record AskPlan(String question, Intent intent, List<AskStep> steps, List<String> notes, List<Refusal> refused,
                      String planner) {
    public AskPlan {
        Objects.requireNonNull(question, "question");
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        refused = List.copyOf(refused);
    }

    /** A proposed action that was not accepted, and why ("unknown tool delete_series"). */
    public record Refusal(String what, String reason) {
    }

    /** The step that answers the question; plans without one say why in {@link #notes()}. */
    public java.util.Optional<AskStep> primary() {
        return steps.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(steps.getFirst());
    }

    /** The same plan with {@code step} in place of step {@code index}: the user's edit (checked again before running). */
    public AskPlan withStep(int index, AskStep step) {
        List<AskStep> s = new java.util.ArrayList<>(steps);
        s.set(index, step);
        return new AskPlan(question, intent, s, notes, refused, planner);
    }
}
