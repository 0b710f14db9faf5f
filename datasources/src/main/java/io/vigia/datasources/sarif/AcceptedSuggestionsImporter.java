package io.vigia.datasources.sarif;

import io.vigia.persistence.evidence.AcceptedSuggestionRepository;
import io.vigia.persistence.evidence.AcceptedSuggestionRepository.StoredSuggestion;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores accepted suggestions and rebuilds the SAST attribution counter from every stored finding
 * and suggestion, in one transaction ({@link SastAttributionSeries}); suggestions already stored
 * are skipped, so importing a file again adds nothing.
 */
public final class AcceptedSuggestionsImporter {
    private final Workspace workspace;
    private final SqliteSeriesStore store;

    public AcceptedSuggestionsImporter(Workspace workspace, SqliteSeriesStore store) {
        this.workspace = workspace;
        this.store = store;
    }

    /** @param attributed findings tied to an accepted suggestion over the whole workspace */
    public record Result(int imported, int alreadyPresent, int attributed) {
    }

    public Result importSuggestions(List<AcceptedSuggestionsParser.Parsed> parsed, String sourceSha256) {
        long now = workspace.clock().millis();
        List<StoredSuggestion> rows = new ArrayList<>(parsed.size());
        for (AcceptedSuggestionsParser.Parsed p : parsed) {
            SuggestionCorrelation.AcceptedSuggestion s = p.suggestion();
            rows.add(new StoredSuggestion(p.key(), s.acceptedAt().toEpochMilli(), s.repository(), s.path(), s.startLine(),
                    s.endLine(), s.team(), s.language(), p.editor(), s.model(), sourceSha256, now, p.user()));
        }
        var before = SastAttributionSeries.existing(store);
        int[] attributed = {0};
        int added = store.writeReplacingSeries((c, series) -> {
            int n = AcceptedSuggestionRepository.insertNew(c, rows);
            attributed[0] = SastAttributionSeries.rebuild(c, series, before);
            return n;
        });
        return new Result(added, rows.size() - added, attributed[0]);
    }
}
