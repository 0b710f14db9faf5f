package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.GuardrailBinding;
import io.vigia.datasources.bindings.GuardrailCoverage;
import io.vigia.datasources.bindings.GuardrailDecisions;
import io.vigia.datasources.bindings.Score;
import io.vigia.datasources.bindings.ScorePart;
import io.vigia.datasources.bindings.catalog.GuardrailConvention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Guardrail-decision candidates of a source, and the gateway request counters that extend their coverage. */
final class GuardrailCandidates {
    private GuardrailCandidates() {
    }

    static List<Candidate> of(List<GuardrailConvention> conventions, SourceInventory inv) {
        List<Candidate> out = new ArrayList<>();
        for (GuardrailConvention c : conventions) {
            if (c.decisions() == null) {
                continue;
            }
            GuardrailConvention.DecisionSpec d = c.decisions();
            String labelSource = d.metric() != null ? d.metric() : d.totalMetric();
            if (!inv.has(labelSource)) {
                continue;
            }
            List<ScorePart> parts = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            parts.add(new ScorePart("convention " + c.id(), c.rank() / 2));
            GuardrailDecisions decisions;
            Set<String> labels;
            if (d.metric() != null) {
                labels = inv.labels(d.metric());
                if (!labels.contains(d.label())) {
                    continue;
                }
                decisions = new GuardrailDecisions.Labelled(d.metric(), d.label(), d.blocked(), d.allowed());
                List<String> seen = inv.values(d.label(), d.metric());
                boolean blockedSeen = seen.stream().anyMatch(v -> d.blocked().stream().anyMatch(b -> same(b, v, c.ignoreCase())));
                parts.add(blockedSeen ? new ScorePart("blocked decisions in the window", 10) : new ScorePart("no block in the window", 0));
            } else {
                decisions = new GuardrailDecisions.SeparateCounters(d.blockedMetric(), d.totalMetric());
                labels = inv.has(d.blockedMetric()) ? inv.labels(d.blockedMetric()) : Set.of();
                parts.add(inv.has(d.blockedMetric()) ? new ScorePart("blocked counter in the window", 10)
                        : new ScorePart("no blocked counter yet (created on the first block)", 0));
            }
            String category = c.category() != null && labels.contains(c.category().label()) ? c.category().label() : null;
            String direction = c.direction() != null && labels.contains(c.direction()) ? c.direction() : null;
            String detector = c.detector() != null && labels.contains(c.detector()) ? c.detector() : null;
            String app = LabelChoice.first(c.app(), labels.isEmpty() ? inv.labels(labelSource) : labels);
            parts.add(category != null ? new ScorePart("category label " + category, 10) : new ScorePart("no category label", 0));
            parts.add(direction != null ? new ScorePart("direction label " + direction, 5) : new ScorePart("no direction label", 0));
            if (detector != null) {
                parts.add(new ScorePart("detector label " + detector, 5));
            }
            String errors = c.coverage().errors();
            if (errors != null) {
                parts.add(inv.has(errors) ? new ScorePart("error counter " + errors, 10)
                        : new ScorePart("error counter " + errors + " not seen yet (created on the first error)", 5));
            } else {
                notes.add("coverage unknown from this source alone: it counts no guardrail errors");
            }
            if (c.note() != null) {
                notes.add(c.note());
            }
            GuardrailBinding binding = new GuardrailBinding(decisions, category, category == null ? null : c.category().vocabulary(),
                    direction, detector, app, c.ignoreCase(), new GuardrailCoverage(errors, null));
            out.add(new Candidate(binding, c.id(), c.title(), true, Score.of(parts), notes));
        }
        return out;
    }

    /** The first gateway request counter present, to compare the checks with; null when none. */
    static GuardrailConvention requestsCounter(List<GuardrailConvention> conventions, SourceInventory inv) {
        for (GuardrailConvention c : conventions) {
            if (c.requestsOnly() != null && inv.has(c.requestsOnly())) {
                return c;
            }
        }
        return null;
    }

    private static boolean same(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
    }
}
