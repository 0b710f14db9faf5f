package io.vigia.datasources.loki;

import java.util.List;
import java.util.Set;

/**
 * A successful Loki query.
 *
 * @param encodingFlags e.g. {@code categorize-labels} when entries carry structured metadata and parsed labels
 */
public record LokiResponse(LokiResult result, LokiStats stats, List<String> warnings, Set<String> encodingFlags) {
    public LokiResponse {
        warnings = List.copyOf(warnings);
        encodingFlags = Set.copyOf(encodingFlags);
    }
}
