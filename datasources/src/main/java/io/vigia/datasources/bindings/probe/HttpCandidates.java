package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.Score;
import io.vigia.datasources.bindings.ScorePart;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.StatusLabel;
import io.vigia.datasources.bindings.catalog.HttpConvention;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Request-latency and request-count candidates of a source, one per convention and metric found. */
final class HttpCandidates {
    /** More than any other candidate can score (120 at most: convention 50, shape or status 40, service 20, route 10). */
    static final int SELF_MONITORING_PENALTY = 200;

    private final List<Candidate> latency = new ArrayList<>();
    private final List<Candidate> requests = new ArrayList<>();

    HttpCandidates(List<HttpConvention> conventions, SourceInventory inv) {
        Set<String> documented = new TreeSet<>();
        conventions.stream().map(HttpConvention::latency).filter(java.util.Objects::nonNull).forEach(documented::add);
        for (HttpConvention c : conventions) {
            for (String base : bases(c, inv)) {
                // A name a documented convention covers is not offered again as a name-pattern guess.
                if (c.latency() != null || !documented.contains(base)) {
                    add(c, base, inv);
                }
            }
            if (c.requests() != null && inv.has(c.requests().metric())) {
                addSeparateCounter(c, inv);
            }
        }
    }

    List<Candidate> latency() {
        return latency;
    }

    List<Candidate> requests() {
        return requests;
    }

    private static Set<String> bases(HttpConvention c, SourceInventory inv) {
        Set<String> out = new TreeSet<>();
        if (c.latency() != null) {
            out.add(c.latency());
            return out;
        }
        Pattern p = Pattern.compile(c.latencyPattern());
        for (String name : inv.names()) {
            String base = name.replaceFirst("_(bucket|sum|count)$", "");
            if (p.matcher(base).matches()) {
                out.add(base);
            }
        }
        return out;
    }

    private void add(HttpConvention c, String base, SourceInventory inv) {
        LatencyShape shape = LatencyShape.of(base, inv);
        if (shape == null) {
            return;
        }
        Set<String> labels = inv.labels(shape.labelSource());
        if (!labels.containsAll(c.fixed().keySet())) {
            return; // e.g. no reporter label: not Istio's series
        }
        LabelChoice.Picked<ServiceLabel> service = LabelChoice.service(c.service(), labels, inv);
        LabelChoice.Picked<String> route = LabelChoice.route(c.route(), labels);
        DurationUnit unit = c.unit() != null ? c.unit() : base.endsWith("_milliseconds") ? DurationUnit.MILLISECONDS : DurationUnit.SECONDS;
        LatencyBinding binding = new LatencyBinding(base, shape.kind(), unit, service.value(), route.value(), c.fixed(), shape.quantiles());
        List<ScorePart> parts = new ArrayList<>(conventionParts(c));
        parts.addAll(List.of(new ScorePart(shape.kind().text(), shape.points()), service.part(), route.part()));
        List<String> notes = new ArrayList<>();
        if (shape.note() != null) {
            notes.add(shape.note());
        }
        if (c.note() != null) {
            notes.add(c.note());
        }
        latency.add(new Candidate(binding, c.id(), c.title(), true, Score.of(parts), notes));

        if (shape.kind() != LatencyKind.NATIVE_HISTOGRAM && inv.has(base + "_count")) {
            Set<String> countLabels = inv.labels(base + "_count");
            LabelChoice.Picked<StatusLabel> status = LabelChoice.status(c.status(), countLabels);
            RequestCountBinding counter = new RequestCountBinding(base + "_count", service.value(), route.value(), status.value(), c.fixed());
            List<ScorePart> cp = new ArrayList<>(conventionParts(c));
            cp.addAll(List.of(new ScorePart("the histogram's own _count", 10), statusPart(status), service.part(), route.part()));
            requests.add(new Candidate(counter, c.id(), c.title(), true, Score.of(cp), c.note() == null ? List.of() : List.of(c.note())));
        }
    }

    private void addSeparateCounter(HttpConvention c, SourceInventory inv) {
        HttpConvention.RequestsSpec r = c.requests();
        Set<String> labels = inv.labels(r.metric());
        if (!labels.containsAll(c.fixed().keySet())) {
            return;
        }
        LabelChoice.Picked<ServiceLabel> service = LabelChoice.service(c.service(), labels, inv);
        LabelChoice.Picked<String> route = LabelChoice.route(r.route(), labels);
        LabelChoice.Picked<StatusLabel> status = LabelChoice.status(r.status(), labels);
        RequestCountBinding counter = new RequestCountBinding(r.metric(), service.value(), route.value(), status.value(), c.fixed());
        List<ScorePart> parts = new ArrayList<>(conventionParts(c));
        parts.addAll(List.of(new ScorePart("the convention's request counter", 10), statusPart(status), service.part(), route.part()));
        requests.add(new Candidate(counter, c.id(), c.title(), true, Score.of(parts), c.note() == null ? List.of() : List.of(c.note())));
    }

    /** The error share needs the status label most: it weighs more on a counter than on a histogram. */
    private static ScorePart statusPart(LabelChoice.Picked<StatusLabel> status) {
        return status.value() == null ? status.part() : new ScorePart(status.part().reason(), 30);
    }

    static ScorePart conventionPart(HttpConvention c) {
        return new ScorePart("convention " + c.id(), c.rank() / 2);
    }

    /**
     * The convention's part and, for the monitoring system's own API, a penalty larger than any
     * application candidate's score: Prometheus scraping itself sits beside every application's
     * metrics, and its buckets would otherwise outrank an application timer that has only a mean.
     */
    private static List<ScorePart> conventionParts(HttpConvention c) {
        return c.selfMonitoring()
                ? List.of(conventionPart(c), new ScorePart("the monitoring system's own API, not an application's", -SELF_MONITORING_PENALTY))
                : List.of(conventionPart(c));
    }
}
