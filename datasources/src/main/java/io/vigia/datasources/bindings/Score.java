package io.vigia.datasources.bindings;

import java.util.ArrayList;
import java.util.List;

/** A candidate's score with its explanation; higher is better. */
public record Score(int total, List<ScorePart> parts) {
    public Score {
        parts = List.copyOf(parts);
    }

    public static Score of(List<ScorePart> parts) {
        return new Score(parts.stream().mapToInt(ScorePart::points).sum(), parts);
    }

    /** "95 = convention +50, data in the window +20, …" */
    public String explain() {
        List<String> s = new ArrayList<>();
        for (ScorePart p : parts) {
            s.add(p.reason() + " " + (p.points() >= 0 ? "+" : "") + p.points());
        }
        return total + " = " + String.join(", ", s);
    }
}
