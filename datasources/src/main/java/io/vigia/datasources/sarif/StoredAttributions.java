package io.vigia.datasources.sarif;

import io.vigia.persistence.evidence.AcceptedSuggestionRepository.StoredSuggestion;
import io.vigia.persistence.evidence.SarifFindingRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SuggestionCorrelation#attribute} over the stored rows: which stored finding lies on which
 * stored accepted suggestion. A finding whose log gives no scan time counts as detected when it
 * was first imported. The one place that turns stored rows into the correlation's inputs, for the
 * SAST counter ({@link SastAttributionSeries}) and the security risk alike.
 */
public final class StoredAttributions {
    private StoredAttributions() {
    }

    /** A stored finding on a stored suggestion, with the finding as the correlation saw it (severity band, detection time). */
    public record Match(SarifFindingRepository.Finding finding, StoredSuggestion suggestion, SuggestionCorrelation.Finding correlated) {
    }

    /** Each finding tied to at most one suggestion (the default 7-day window), by acceptance time. */
    public static List<Match> attribute(List<SarifFindingRepository.Finding> stored, List<StoredSuggestion> rows) {
        Map<SuggestionCorrelation.Finding, SarifFindingRepository.Finding> findingOf = new IdentityHashMap<>();
        List<SuggestionCorrelation.Finding> findings = new ArrayList<>(stored.size());
        for (SarifFindingRepository.Finding f : stored) {
            long when = f.detectedAt() != null ? f.detectedAt() : f.importedAt();
            SuggestionCorrelation.Finding c = new SuggestionCorrelation.Finding(f.repository(), f.uri(), f.startLine(), f.endLine(),
                    Instant.ofEpochMilli(when), f.ruleId(), SastAttributionSeries.severity(f),
                    f.cwe().isEmpty() ? List.of() : List.of(f.cwe()));
            findings.add(c);
            findingOf.put(c, f);
        }
        Map<SuggestionCorrelation.AcceptedSuggestion, StoredSuggestion> suggestionOf = new IdentityHashMap<>();
        List<SuggestionCorrelation.AcceptedSuggestion> suggestions = new ArrayList<>(rows.size());
        for (StoredSuggestion s : rows) {
            SuggestionCorrelation.AcceptedSuggestion a = new SuggestionCorrelation.AcceptedSuggestion(s.repository(), s.path(),
                    s.startLine(), s.endLine(), Instant.ofEpochMilli(s.acceptedAt()), s.team(), s.language(), s.model());
            suggestions.add(a);
            suggestionOf.put(a, s);
        }
        List<Match> out = new ArrayList<>();
        for (SuggestionCorrelation.Attribution a : SuggestionCorrelation.attribute(findings, suggestions)) {
            out.add(new Match(findingOf.get(a.finding()), suggestionOf.get(a.suggestion()), a.finding()));
        }
        return out;
    }
}
