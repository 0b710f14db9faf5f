package io.vigia.datasources.bindings.guardrail;

import io.vigia.datasources.bindings.catalog.YamlData;
import io.vigia.datasources.guardrail.GuardrailTaxonomy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vendor guardrail categories to OWASP LLM Top 10 (2025) ids, read from the editable
 * {@code owasp-llm-top10-2025.yaml} (its vocabularies cite where the vendor names come from).
 * A category no vocabulary knows is tried against {@link GuardrailTaxonomy}'s synonyms (the names
 * importers already normalise) and otherwise comes back {@link OwaspClass.Unmapped}.
 */
public final class OwaspMapping {
    public static final String CONTENT_POLICY = "CONTENT_POLICY";
    private static final String RESOURCE = "/io/vigia/datasources/bindings/owasp-llm-top10-2025.yaml";

    /** The file's shape. */
    public record File(Map<String, String> owasp, String owaspSource, List<Vocabulary> vocabularies) {
    }

    /** One vendor's category names and where they were taken from. */
    public record Vocabulary(String id, String source, Map<String, String> categories) {
    }

    private record Rule(Pattern pattern, int literalLength, String target) {
    }

    private final Map<String, OwaspClass.Entry> entries = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> exact = new HashMap<>();
    private final Map<String, List<Rule>> patterns = new HashMap<>();

    private OwaspMapping(File file) {
        if (file.owasp() == null || file.owasp().isEmpty()) {
            throw new IllegalArgumentException("the OWASP mapping lists no OWASP entries");
        }
        file.owasp().forEach((id, title) -> entries.put(id, new OwaspClass.Entry(id, title)));
        for (Vocabulary v : file.vocabularies() == null ? List.<Vocabulary>of() : file.vocabularies()) {
            if (v.id() == null || v.source() == null || v.source().isBlank()) {
                throw new IllegalArgumentException("a vocabulary needs an id and the source of its names");
            }
            Map<String, String> ex = new HashMap<>();
            List<Rule> rules = new ArrayList<>();
            v.categories().forEach((name, target) -> {
                if (!target.equals(CONTENT_POLICY) && !entries.containsKey(target)) {
                    throw new IllegalArgumentException(v.id() + ": " + name + " maps to " + target
                            + ", which is neither an OWASP id of the file nor " + CONTENT_POLICY);
                }
                String key = name.toLowerCase(Locale.ROOT);
                if (key.contains("*")) {
                    String regex = "\\Q" + key.replace("*", "\\E.*\\Q") + "\\E";
                    rules.add(new Rule(Pattern.compile(regex), key.replace("*", "").length(), target));
                } else {
                    ex.put(key, target);
                }
            });
            rules.sort((a, b) -> Integer.compare(b.literalLength(), a.literalLength()));
            exact.put(v.id(), ex);
            patterns.put(v.id(), rules);
        }
        if (!exact.containsKey("vigia")) {
            throw new IllegalArgumentException("the OWASP mapping needs the vigia vocabulary (Vigia's own categories)");
        }
    }

    private static final class Standard {
        static final OwaspMapping INSTANCE = new OwaspMapping(YamlData.resource(OwaspMapping.class, RESOURCE, File.class));
    }

    /** The mapping shipped with Vigia. */
    public static OwaspMapping standard() {
        return Standard.INSTANCE;
    }

    /** An edited mapping; refused with the reason when malformed. */
    public static OwaspMapping read(InputStream in, String what) {
        try {
            return new OwaspMapping(YamlData.read(in, what, File.class));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(what) ? e.getMessage() : what + ": " + e.getMessage(), e);
        }
    }

    public List<String> vocabularies() {
        return List.copyOf(exact.keySet());
    }

    /**
     * The OWASP class of {@code raw} as written by the tool whose names {@code vocabulary} holds
     * (null or unknown: Vigia's own names and the importers' synonyms only).
     */
    public OwaspClass classify(String vocabulary, String raw) {
        if (raw == null || raw.isBlank()) {
            return new OwaspClass.Unmapped(raw);
        }
        String key = raw.strip().toLowerCase(Locale.ROOT);
        String target = vocabulary == null ? null : lookup(vocabulary, key);
        if (target == null) {
            target = lookup("vigia", key);
        }
        if (target == null) {
            String normalised = GuardrailTaxonomy.category(raw);
            target = normalised.startsWith("other:") ? null : lookup("vigia", normalised);
        }
        if (target == null) {
            return new OwaspClass.Unmapped(raw);
        }
        return target.equals(CONTENT_POLICY) ? new OwaspClass.ContentPolicy() : entries.get(target);
    }

    private String lookup(String vocabulary, String key) {
        Map<String, String> ex = exact.get(vocabulary);
        if (ex == null) {
            return null;
        }
        String hit = ex.get(key);
        if (hit != null) {
            return hit;
        }
        for (Rule r : patterns.get(vocabulary)) {
            if (r.pattern().matcher(key).matches()) {
                return r.target();
            }
        }
        return null;
    }
}
