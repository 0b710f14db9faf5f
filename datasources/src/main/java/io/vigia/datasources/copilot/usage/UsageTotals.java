package io.vigia.datasources.copilot.usage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A total over days (or teams) of a stored number, or the reason it is not given. */
public sealed interface UsageTotals {

    /**
     * @param byGroup  the sum per value of the grouping key ('' when not grouped), in descending order
     * @param caveats  what a chart must say next to these numbers
     */
    record Sum(Map<String, Double> byGroup, int days, List<Caveat> caveats) implements UsageTotals {
        public Sum {
            byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
            caveats = List.copyOf(caveats);
        }

        public double total() {
            return byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Not a number that can be given (e.g. distinct users added over days): the caveat says why. */
    record Refused(Caveat reason) implements UsageTotals {
    }
}
