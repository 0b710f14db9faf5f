package io.vigia.datasources.imports;

import io.vigia.datasources.copilot.CopilotUsageCounters;
import io.vigia.datasources.guardrail.GuardrailImporter;
import io.vigia.datasources.sarif.SastAttributionSeries;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds every series the importers derive from what they stored (guardrail decisions, SAST
 * attributions, Copilot days). The imported series share their names with the demo's, so
 * removing the demo by metric name deletes them too; the rows they come from stay, and this puts
 * the series back. Idempotent.
 */
public final class ImportedSeries {
    private ImportedSeries() {
    }

    public record Rebuilt(int guardrailSeries, int sastAttributions, int copilotScopes) {
    }

    public static Rebuilt rebuildAll(Workspace workspace, SqliteSeriesStore store) {
        int guardrail = new GuardrailImporter(workspace, store).rebuildAll();
        var before = SastAttributionSeries.existing(store);
        int sast = store.writeReplacingSeries((c, series) -> SastAttributionSeries.rebuild(c, series, before));
        List<String> scopes = workspace.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT scope FROM copilot_days ORDER BY scope");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        scopes.forEach(s -> CopilotUsageCounters.rebuild(store, s));
        return new Rebuilt(guardrail, sast, scopes.size());
    }
}
