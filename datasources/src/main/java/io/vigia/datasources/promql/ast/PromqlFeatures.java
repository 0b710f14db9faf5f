package io.vigia.datasources.promql.ast;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The set of {@link PromqlFeature}s a parser and engine run with. {@link #DEFAULTS} is what a
 * Prometheus server has without {@code --enable-feature}; {@link #ALL} has every switch on.
 */
public record PromqlFeatures(Set<PromqlFeature> enabled) {
    public static final PromqlFeatures DEFAULTS = new PromqlFeatures(defaults());
    public static final PromqlFeatures ALL = new PromqlFeatures(EnumSet.allOf(PromqlFeature.class));

    public PromqlFeatures {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    private static Set<PromqlFeature> defaults() {
        EnumSet<PromqlFeature> s = EnumSet.noneOf(PromqlFeature.class);
        for (PromqlFeature f : PromqlFeature.values()) {
            if (f.defaultOn()) {
                s.add(f);
            }
        }
        return s;
    }

    public boolean has(PromqlFeature f) {
        return enabled.contains(f);
    }

    public PromqlFeatures without(PromqlFeature f) {
        EnumSet<PromqlFeature> s = EnumSet.noneOf(PromqlFeature.class);
        s.addAll(enabled);
        s.remove(f);
        return new PromqlFeatures(s);
    }

    public PromqlFeatures with(PromqlFeature f) {
        EnumSet<PromqlFeature> s = EnumSet.noneOf(PromqlFeature.class);
        s.addAll(enabled);
        s.add(f);
        return new PromqlFeatures(s);
    }

    /**
     * The defaults plus the features named as Prometheus's {@code --enable-feature} values take them
     * (each item may itself be a comma-separated list).
     *
     * @throws IllegalArgumentException naming an unknown feature and the known ones
     */
    public static PromqlFeatures parse(List<String> flags) {
        PromqlFeatures out = DEFAULTS;
        for (String item : flags) {
            for (String name : item.split(",")) {
                String n = name.strip();
                if (n.isEmpty()) {
                    continue;
                }
                PromqlFeature f = PromqlFeature.byFlag(n).orElseThrow(() -> new IllegalArgumentException(
                        "unknown PromQL feature \"" + n + "\"; known: " + String.join(", ", flagNames())));
                out = out.with(f);
            }
        }
        return out;
    }

    public static List<String> flagNames() {
        List<String> names = new ArrayList<>();
        for (PromqlFeature f : PromqlFeature.values()) {
            names.add(f.flag());
        }
        return names;
    }
}
