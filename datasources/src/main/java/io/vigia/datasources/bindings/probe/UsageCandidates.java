package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.CopilotBinding;
import io.vigia.datasources.bindings.FeatureBinding;
import io.vigia.datasources.bindings.Score;
import io.vigia.datasources.bindings.ScorePart;
import io.vigia.datasources.bindings.catalog.CopilotConvention;
import io.vigia.datasources.bindings.catalog.FeatureConvention;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Model-input feature and copilot candidates of a source. */
final class UsageCandidates {
    private UsageCandidates() {
    }

    static List<Candidate> features(List<FeatureConvention> conventions, SourceInventory inv) {
        List<Candidate> out = new ArrayList<>();
        for (FeatureConvention c : conventions) {
            Set<String> labels = inv.labels(c.metric() + "_bucket");
            if (!labels.contains(c.feature())) {
                continue;
            }
            String model = c.model() != null && labels.contains(c.model()) ? c.model() : null;
            List<ScorePart> parts = List.of(new ScorePart("convention " + c.id(), c.rank() / 2), new ScorePart("histogram buckets", 40),
                    model == null ? new ScorePart("no model label", 0) : new ScorePart("model label " + model, 10));
            out.add(new Candidate(new FeatureBinding(c.metric(), c.feature(), model), c.id(), c.title(), true, Score.of(parts), List.of()));
        }
        return out;
    }

    static List<Candidate> copilot(List<CopilotConvention> conventions, SourceInventory inv) {
        List<Candidate> out = new ArrayList<>();
        for (CopilotConvention c : conventions) {
            if (!inv.has(c.shown()) || !inv.has(c.accepted())) {
                continue;
            }
            boolean lines = c.linesSuggested() != null && inv.has(c.linesSuggested()) && inv.has(c.linesAccepted());
            String team = c.team() != null && inv.labels(c.accepted()).contains(c.team()) ? c.team() : null;
            List<ScorePart> parts = List.of(new ScorePart("convention " + c.id(), c.rank() / 2),
                    lines ? new ScorePart("line counters", 10) : new ScorePart("no line counters", 0),
                    team == null ? new ScorePart("no team label", 0) : new ScorePart("team label " + team, 10));
            out.add(new Candidate(new CopilotBinding(c.shown(), c.accepted(), lines ? c.linesSuggested() : null,
                    lines ? c.linesAccepted() : null, team), c.id(), c.title(), true, Score.of(parts), List.of()));
        }
        return out;
    }
}
