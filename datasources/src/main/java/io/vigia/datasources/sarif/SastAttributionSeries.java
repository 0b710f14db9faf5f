package io.vigia.datasources.sarif;

import io.vigia.datasources.imports.EventCounter;
import io.vigia.persistence.evidence.AcceptedSuggestionRepository;
import io.vigia.persistence.evidence.AcceptedSuggestionRepository.StoredSuggestion;
import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SqliteSeriesStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds {@code vigia_copilot_accepted_with_sast_findings_total} (docs/telemetry.md) from every
 * stored finding and accepted suggestion, by the per-event rule of docs/sast-correlation.md
 * ({@link SuggestionCorrelation#attribute}). A suggestion counts once per distinct
 * ({@code severity}, {@code rule}, {@code cwe}) of the findings attributed to it, at the time it
 * was accepted, as a gateway's counter would; labels {@code team}, {@code language},
 * {@code model} come from the suggestion. Runs inside the importer's transaction, so findings,
 * suggestions and the counter commit together; rebuilding from all stored rows makes a re-import
 * change nothing.
 *
 * <p>Severity is GitHub's band of the rule's {@code security-severity}; a finding without one
 * takes the band GitHub code scanning shows for its level (error high, warning medium, note low).
 */
public final class SastAttributionSeries {
    public static final String METRIC = "vigia_copilot_accepted_with_sast_findings_total";
    /** The store's scrape interval in the app (the demo's): rate windows stay meaningful. */
    public static final long STEP_MS = 300_000;

    private SastAttributionSeries() {
    }

    /** The label sets this importer wrote before: the metric without scrape labels. */
    public static Set<Labels> existing(SqliteSeriesStore store) {
        return new HashSet<>(store.series(List.of(LabelMatcher.equal(Labels.METRIC_NAME, METRIC),
                LabelMatcher.equal("instance", ""), LabelMatcher.equal("job", ""))));
    }

    /**
     * Replaces the counter series; label sets of {@code before} that no attribution produces any
     * more are removed. Returns the number of attributions (findings tied to a suggestion).
     */
    public static int rebuild(Connection c, SqliteSeriesStore.SeriesReplacer series, Set<Labels> before) throws SQLException {
        List<StoredSuggestion> rows = AcceptedSuggestionRepository.all(c);
        if (rows.isEmpty() && before.isEmpty()) {
            return 0; // findings without suggestions: nothing to attribute, nothing written before
        }
        List<StoredAttributions.Match> attributions = StoredAttributions.attribute(SarifFindingRepository.all(c), rows);
        // one count per suggestion and label set, at its acceptance time
        Set<String> counted = new HashSet<>();
        Map<Labels, List<Long>> times = new HashMap<>();
        for (StoredAttributions.Match a : attributions) {
            Labels labels = labels(a);
            if (counted.add(a.suggestion().suggestionKey() + '\u0000' + labels)) {
                times.computeIfAbsent(labels, k -> new ArrayList<>()).add(a.suggestion().acceptedAt());
            }
        }
        Set<Labels> written = new LinkedHashSet<>();
        for (Map.Entry<Labels, List<Long>> e : times.entrySet()) {
            long[] ts = e.getValue().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(ts);
            EventCounter counter = EventCounter.of(ts, STEP_MS);
            series.replace(e.getKey(), counter.timestamps(), counter.values());
            written.add(e.getKey());
        }
        for (Labels old : before) {
            if (!written.contains(old)) {
                series.replace(old, new long[0], new double[0]);
            }
        }
        return attributions.size();
    }

    private static Labels labels(StoredAttributions.Match a) {
        SuggestionCorrelation.Finding f = a.correlated();
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, METRIC)
                .set("team", a.suggestion().team()).set("language", a.suggestion().language())
                .set("model", a.suggestion().model())
                .set("severity", f.severity() == null ? "" : f.severity().label())
                .set("rule", f.ruleId())
                .set("cwe", f.cwes().isEmpty() ? "" : f.cwes().getFirst());
        return b.build();
    }

    static SecuritySeverity severity(SarifFindingRepository.Finding f) {
        SecuritySeverity s = SecuritySeverity.fromLabel(f.severity());
        if (s != null) {
            return s;
        }
        return switch (f.level()) {
            case "error" -> SecuritySeverity.HIGH;
            case "warning" -> SecuritySeverity.MEDIUM;
            default -> SecuritySeverity.LOW;
        };
    }
}
