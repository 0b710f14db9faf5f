package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignalKind;
import io.vigia.datasources.bindings.DeploySignals;
import io.vigia.datasources.bindings.RestartBinding;
import io.vigia.datasources.bindings.Score;
import io.vigia.datasources.bindings.ScorePart;
import io.vigia.datasources.bindings.catalog.DeployConvention;
import io.vigia.datasources.bindings.catalog.RestartConvention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Deploy-signal and restart candidates of a source. */
final class DeployCandidates {
    private DeployCandidates() {
    }

    /** One candidate per signal found; the same metric and labels from two conventions count once. */
    static List<Candidate> deploys(List<DeployConvention> conventions, SourceInventory inv) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DeployConvention c : conventions) {
            for (String metric : metrics(c, inv)) {
                Set<String> labels = inv.labels(metric);
                boolean versioned = c.kind() == DeploySignalKind.VERSION_LABEL || c.kind() == DeploySignalKind.IMAGE_TAG;
                if (versioned && !labels.contains(c.version()) || !labels.containsAll(c.fixed().keySet())) {
                    continue;
                }
                String service = LabelChoice.first(c.service(), labels);
                List<String> scope = c.scope().stream().filter(labels::contains).toList();
                DeploySignal signal = new DeploySignal(c.kind(), metric, versioned ? c.version() : null, service, scope, c.fixed());
                if (!seen.add(metric + "|" + signal.versionLabel() + "|" + service)) {
                    continue;
                }
                List<ScorePart> parts = new ArrayList<>();
                parts.add(new ScorePart("convention " + c.id(), c.rank() / 2));
                parts.add(service == null ? new ScorePart("no service label", 0)
                        : new ScorePart("service label " + service, Math.max(5, LabelChoice.SERVICE_POINTS - 5 * c.service().indexOf(service))));
                if (versioned) {
                    int versions = inv.values(c.version(), metric).size();
                    parts.add(versions > 1 ? new ScorePart(versions + " " + c.version() + " values in the window", 10)
                            : new ScorePart("one " + c.version() + " value in the window", 0));
                }
                List<String> notes = c.note() == null ? List.of() : List.of(c.note());
                out.add(new Candidate(new DeploySignals(List.of(signal)), c.id(), c.title(), true, Score.of(parts), notes));
            }
        }
        return out;
    }

    static List<Candidate> restarts(List<RestartConvention> conventions, SourceInventory inv) {
        List<Candidate> out = new ArrayList<>();
        for (RestartConvention c : conventions) {
            Set<String> labels = inv.labels(c.metric());
            if (!inv.has(c.metric()) || !labels.contains(c.instance())) {
                continue;
            }
            String service = LabelChoice.first(c.service(), labels);
            List<ScorePart> parts = List.of(new ScorePart("convention " + c.id(), c.rank() / 2),
                    service == null ? new ScorePart("no service label", 0) : new ScorePart("service label " + service, 10));
            out.add(new Candidate(new RestartBinding(c.metric(), service, c.instance()), c.id(), c.title(), true, Score.of(parts), List.of()));
        }
        return out;
    }

    private static List<String> metrics(DeployConvention c, SourceInventory inv) {
        if (c.metric() != null) {
            return inv.has(c.metric()) ? List.of(c.metric()) : List.of();
        }
        Pattern p = Pattern.compile(c.metricPattern());
        return inv.names().stream().filter(n -> p.matcher(n).matches()).toList();
    }
}
