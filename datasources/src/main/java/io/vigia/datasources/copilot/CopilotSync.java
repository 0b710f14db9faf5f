package io.vigia.datasources.copilot;

import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily sync: fetches the 1-day report of every day in the range that the workspace does not hold
 * yet, so history keeps growing past the API's 28-day window. Running it twice adds nothing.
 */
public final class CopilotSync {
    private final GitHubCopilotClient client;
    private final Workspace workspace;
    private final SqliteSeriesStore store;

    /** Days go into the store with the Copilot Health counters, one transaction per sync ({@link CopilotStoreImport}). */
    public CopilotSync(GitHubCopilotClient client, Workspace workspace, SqliteSeriesStore store) {
        this.client = client;
        this.workspace = workspace;
        this.store = store;
    }

    public record Summary(int daysFetched, int daysWithoutData, CopilotImporter.Result imported) {
    }

    public Summary sync(LocalDate from, LocalDate to) {
        Map<LocalDate, CopilotSource> have = CopilotImporter.importedDays(workspace, client.owner().name());
        List<CopilotDay> days = new ArrayList<>();
        int fetched = 0;
        int empty = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (have.get(d) == CopilotSource.USAGE_REPORT) {
                continue;
            }
            List<CopilotDay> got = client.reportForDay(d);
            fetched++;
            if (got.isEmpty()) {
                empty++;
            }
            days.addAll(got);
        }
        return new Summary(fetched, empty, CopilotStoreImport.importDays(workspace, store, days));
    }
}
