package io.vigia.datasources.bindings.catalog;

import io.vigia.datasources.bindings.SemanticInput;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conventions Vigia probes a source for, read from {@code conventions.yaml} (where every name
 * cites its source). Immutable; {@link #standard()} is read once.
 *
 * @param near per input, regexes of metric names reported as "found nearest" when it cannot be bound
 */
public record ConventionCatalog(List<HttpConvention> http, List<DeployConvention> deploys, List<RestartConvention> restarts,
                                List<GuardrailConvention> guardrails, List<FeatureConvention> features,
                                List<CopilotConvention> copilot, Map<SemanticInput, List<String>> near) {
    private static final String RESOURCE = "/io/vigia/datasources/bindings/conventions.yaml";

    public ConventionCatalog {
        http = List.copyOf(http == null ? List.of() : http);
        deploys = List.copyOf(deploys == null ? List.of() : deploys);
        restarts = List.copyOf(restarts == null ? List.of() : restarts);
        guardrails = List.copyOf(guardrails == null ? List.of() : guardrails);
        features = List.copyOf(features == null ? List.of() : features);
        copilot = List.copyOf(copilot == null ? List.of() : copilot);
        near = Map.copyOf(near == null ? Map.of() : near);
        near.values().forEach(list -> list.forEach(Pattern::compile));
        requireUniqueIds("http", http.stream().map(HttpConvention::id).toList());
        requireUniqueIds("deploys", deploys.stream().map(DeployConvention::id).toList());
        requireUniqueIds("guardrails", guardrails.stream().map(GuardrailConvention::id).toList());
    }

    private static final class Standard {
        static final ConventionCatalog INSTANCE = YamlData.resource(ConventionCatalog.class, RESOURCE, ConventionCatalog.class);
    }

    /** The catalog shipped with Vigia. */
    public static ConventionCatalog standard() {
        return Standard.INSTANCE;
    }

    /** A catalog from another file (an edited copy); refused with the reason when malformed. */
    public static ConventionCatalog read(InputStream in, String what) {
        return YamlData.read(in, what, ConventionCatalog.class);
    }

    public List<Pattern> nearPatterns(SemanticInput input) {
        List<Pattern> out = new ArrayList<>();
        for (String p : near.getOrDefault(input, List.of())) {
            out.add(Pattern.compile(p));
        }
        return out;
    }

    private static void requireUniqueIds(String section, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(section + ": the id " + id + " is used twice");
            }
        }
    }
}
