package io.vigia.dashboards.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A built-in panel's query written against what it needs, not against one exporter's names:
 * {@code @latency q=0.95 by=service service=$service}. The binding step ({@link BindingStep})
 * turns it into PromQL for the source's bindings; variables and Grafana's macros stay for the
 * expansion after it. One word for the kind, then {@code key=value} arguments without spaces.
 */
public record BoundQuery(Kind kind, Map<String, String> args) {
    /** Marks a template; PromQL never starts with it. */
    public static final String PREFIX = "@";
    private static final Pattern ARG = Pattern.compile("[a-z_]+=\\S+");

    /** What a template asks for, by its name after {@code @}. */
    public enum Kind {
        LATENCY("latency"), ERRORS("errors"), THROUGHPUT("throughput"), VERSIONS("versions"),
        GUARD_BLOCKED("guard.blocked"), GUARD_FLAGGED("guard.flagged"), GUARD_CHECKS("guard.checks"), GUARD_RATE("guard.rate"),
        GUARD_DECISION("guard.decision"), GUARD_OWASP("guard.owasp"), GUARD_COVERAGE("guard.coverage"),
        LABEL_VALUES("label_values");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Kind> of(String word) {
            return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
        }
    }

    public BoundQuery {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public static boolean isTemplate(String expr) {
        return expr != null && expr.strip().startsWith(PREFIX);
    }

    /** The template in {@code expr}; an exception naming the problem when it is one but malformed. */
    public static Optional<BoundQuery> parse(String expr) {
        if (!isTemplate(expr)) {
            return Optional.empty();
        }
        List<String> words = List.of(expr.strip().substring(PREFIX.length()).split("\\s+"));
        Kind kind = Kind.of(words.getFirst()).orElseThrow(() -> new IllegalArgumentException("unknown query template \"@"
                + words.getFirst() + "\"; known: " + String.join(", ", Arrays.stream(Kind.values()).map(k -> "@" + k.word()).toList())));
        Map<String, String> args = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            if (!ARG.matcher(w).matches()) {
                throw new IllegalArgumentException("\"" + w + "\" in " + expr.strip() + " is not key=value");
            }
            int eq = w.indexOf('=');
            args.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return Optional.of(new BoundQuery(kind, args));
    }

    public String arg(String key, String otherwise) {
        return args.getOrDefault(key, otherwise);
    }

    /** A comma-separated argument as a list; empty when absent. */
    public List<String> list(String key) {
        String v = args.get(key);
        return v == null || v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    /** The template as written (arguments in the order given). */
    public String text() {
        StringBuilder b = new StringBuilder(PREFIX).append(kind.word());
        args.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
