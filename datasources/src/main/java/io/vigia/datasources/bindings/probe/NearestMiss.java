package io.vigia.datasources.bindings.probe;

import io.vigia.datasources.bindings.SemanticInput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an input that could not be bound says: what it needs and the nearest names the source has
 * ("needs a request-latency histogram; found http_requests_total (a counter, no durations)").
 */
final class NearestMiss {
    private static final int SHOWN = 3;

    private NearestMiss() {
    }

    static String describe(SemanticInput input, List<Pattern> near, SourceInventory inv) {
        Set<String> bases = new LinkedHashSet<>();
        for (String name : inv.names()) {
            for (Pattern p : near) {
                if (p.matcher(name).matches()) {
                    bases.add(name);
                    break;
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String name : bases) {
            if (found.size() == SHOWN) {
                break;
            }
            String base = name.replaceFirst("_(bucket|sum|count)$", "");
            if (!base.equals(name) && bases.contains(base + "_bucket") && !name.endsWith("_bucket")) {
                continue; // one line per histogram
            }
            found.add(name + " (" + shape(name) + ")");
        }
        String needs = "needs " + input.need();
        if (found.isEmpty()) {
            return needs + "; found nothing like it among " + inv.names().size() + " metric names in the window";
        }
        return needs + "; found " + String.join(", ", found)
                + (bases.size() > found.size() ? " and " + (bases.size() - found.size()) + " more" : "")
                + ": none matches a known convention (bind one by hand if it is what the panel needs)";
    }

    private static String shape(String name) {
        if (name.endsWith("_bucket")) {
            return "histogram buckets of an unknown convention";
        }
        if (name.endsWith("_total")) {
            return "a counter, no durations";
        }
        if (name.endsWith("_sum") || name.endsWith("_count")) {
            return "a sum or count of an unknown convention";
        }
        return "a gauge or untyped series";
    }
}
