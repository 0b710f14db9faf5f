package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.Binding;
import io.vigia.datasources.bindings.BindingOrigin;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignals;
import io.vigia.datasources.bindings.GuardrailBinding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.catalog.GuardrailConvention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a source's bindings: asks the source what it has in a window (metric names, each candidate's
 * labels, a few label values) and matches that against the convention catalog; per input, ranks
 * the candidates (conventions' rank, buckets over fallbacks, label coverage; every score explained)
 * and picks the best, or says what is missing and what was found nearest. Blocking.
 */
public final class BindingProber {
    /** At most this many deploy signals are bound; the detector queries each. */
    static final int MAX_DEPLOY_SIGNALS = 6;

    private final ConventionCatalog catalog;

    public BindingProber(ConventionCatalog catalog) {
        this.catalog = catalog;
    }

    public ProbeResult probe(String sourceName, MetricsSource source, MetricTypes types, ProbeWindow window) {
        long started = System.nanoTime();
        SourceInventory inv = new SourceInventory(source, window, types);
        Map<SemanticInput, BoundInput> inputs = new EnumMap<>(SemanticInput.class);
        HttpCandidates http = new HttpCandidates(catalog.http(), inv);
        inputs.put(SemanticInput.REQUEST_LATENCY, choose(SemanticInput.REQUEST_LATENCY, http.latency(), inv));
        inputs.put(SemanticInput.REQUEST_COUNT, choose(SemanticInput.REQUEST_COUNT, http.requests(), inv));
        inputs.put(SemanticInput.DEPLOY_SIGNAL, deploys(DeployCandidates.deploys(catalog.deploys(), inv), inv));
        inputs.put(SemanticInput.PROCESS_RESTARTS, choose(SemanticInput.PROCESS_RESTARTS,
                DeployCandidates.restarts(catalog.restarts(), inv), inv));
        inputs.put(SemanticInput.GUARDRAIL_DECISIONS, guardrails(GuardrailCandidates.of(catalog.guardrails(), inv), inv));
        inputs.put(SemanticInput.MODEL_INPUT_FEATURES, choose(SemanticInput.MODEL_INPUT_FEATURES,
                UsageCandidates.features(catalog.features(), inv), inv));
        inputs.put(SemanticInput.COPILOT_SUGGESTIONS, choose(SemanticInput.COPILOT_SUGGESTIONS,
                UsageCandidates.copilot(catalog.copilot(), inv), inv));
        return new ProbeResult(new SourceBindings(sourceName, Instant.now(), inputs), window, inv.calls(),
                java.time.Duration.ofNanos(System.nanoTime() - started), inv.names().size());
    }

    private BoundInput choose(SemanticInput input, List<Candidate> candidates, SourceInventory inv) {
        List<Candidate> ranked = ranked(candidates);
        for (Candidate c : ranked) {
            if (c.hasData()) {
                return new BoundInput(input, c.binding(), BindingOrigin.PROBE, c.conventionId(), ranked, null, c.notes());
            }
        }
        return BoundInput.unbound(input, ranked, NearestMiss.describe(input, catalog.nearPatterns(input), inv));
    }

    /** Every deploy signal with data is bound, best first: a deploy may show in any of them. */
    private BoundInput deploys(List<Candidate> candidates, SourceInventory inv) {
        List<Candidate> ranked = ranked(candidates);
        List<DeploySignal> signals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Candidate c : ranked) {
            if (c.hasData() && signals.size() < MAX_DEPLOY_SIGNALS) {
                signals.addAll(((DeploySignals) c.binding()).signals());
                notes.addAll(c.notes());
            }
        }
        if (signals.isEmpty()) {
            return BoundInput.unbound(SemanticInput.DEPLOY_SIGNAL, ranked,
                    NearestMiss.describe(SemanticInput.DEPLOY_SIGNAL, catalog.nearPatterns(SemanticInput.DEPLOY_SIGNAL), inv));
        }
        return new BoundInput(SemanticInput.DEPLOY_SIGNAL, new DeploySignals(signals), BindingOrigin.PROBE,
                ranked.getFirst().conventionId(), ranked, null, notes.stream().distinct().toList());
    }

    /** The best decision counter, its coverage extended with a gateway's request count when the source has one. */
    private BoundInput guardrails(List<Candidate> candidates, SourceInventory inv) {
        BoundInput chosen = choose(SemanticInput.GUARDRAIL_DECISIONS, candidates, inv);
        GuardrailConvention gateway = GuardrailCandidates.requestsCounter(catalog.guardrails(), inv);
        if (!chosen.isBound() || gateway == null) {
            return chosen;
        }
        Binding b = ((GuardrailBinding) chosen.chosen()).withCoverage(((GuardrailBinding) chosen.chosen()).coverage()
                .withRequests(gateway.requestsOnly()));
        List<String> notes = new ArrayList<>(chosen.notes());
        notes.add("checks not run are counted against " + gateway.requestsOnly() + " (" + gateway.title() + ")");
        return new BoundInput(chosen.input(), b, chosen.origin(), chosen.conventionId(), chosen.candidates(), null, notes);
    }

    private static List<Candidate> ranked(List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>(candidates);
        out.sort(Comparator.comparing(Candidate::hasData).reversed().thenComparing(c -> -c.score().total()));
        return out;
    }
}
