package io.vigia.datasources.copilot;

import io.vigia.datasources.copilot.usage.Caveat;
import io.vigia.datasources.copilot.usage.CaveatNotes;
import io.vigia.datasources.copilot.usage.ReportRecord;
import io.vigia.datasources.copilot.usage.ReportRepository;
import io.vigia.datasources.copilot.usage.UsageSeriesUpdate;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports parsed Copilot documents of one scope in one transaction: the days the Copilot Health
 * series and counters come from ({@link CopilotStoreImport}), every record of the usage reports
 * field for field ({@link ReportRepository}), GitHub's caveats for the days that changed
 * ({@link CaveatNotes}) and the {@code github_copilot_usage_*} series derived from the records
 * ({@link UsageSeriesUpdate}). Nothing is half-written: all of it commits or none does.
 *
 * <p>An organization's day comes from its organization (or enterprise) report when there is one;
 * the day summed from the users report stands in only where there is none, so importing the
 * users report of a day after its organization report does not replace GitHub's own totals.
 */
public final class CopilotReportImport {
    private CopilotReportImport() {
    }

    /** More work for the same transaction (the sync's fetch log). */
    @FunctionalInterface
    public interface SameTransaction {
        SameTransaction NONE = c -> { };

        void run(Connection c) throws SQLException;
    }

    /**
     * @param days     the Copilot Health days (new, unchanged, revised), as before the usage reports
     * @param records  report records read
     * @param added    records not stored before
     * @param revised  records stored before with other numbers, now replaced
     * @param series   {@code github_copilot_usage_*} series rewritten
     */
    public record Result(CopilotImporter.Result days, int records, int added, int unchanged, int revised, int series) {
    }

    public static Result importDocuments(Workspace workspace, SqliteSeriesStore store, String scope,
                                         List<CopilotMetricsParser.Days> documents) {
        return importDocuments(workspace, store, scope, documents, SameTransaction.NONE);
    }

    public static Result importDocuments(Workspace workspace, SqliteSeriesStore store, String scope,
                                         List<CopilotMetricsParser.Days> documents, SameTransaction more) {
        List<ReportRecord> records = new ArrayList<>();
        Set<LocalDate> entityDays = new HashSet<>();
        for (CopilotMetricsParser.Days d : documents) {
            records.addAll(d.report().records());
            entityDays.addAll(d.report().entityDays());
        }
        List<CopilotDay> days = healthDays(workspace, scope, documents, entityDays);
        CopilotStoreImport.Prepared prepared = CopilotStoreImport.prepare(workspace, store, days);
        UsageSeriesUpdate update = UsageSeriesUpdate.load(store, scope);
        long now = workspace.clock().millis();
        int[] counts = {0, 0, 0, 0};
        if (!prepared.hasWork() && records.isEmpty() && more == SameTransaction.NONE) {
            return new Result(prepared.result(), 0, 0, 0, 0, 0);
        }
        store.writeReplacingSeries((c, series) -> {
            prepared.apply(c, series, now);
            ReportRepository.Stored stored = ReportRepository.store(c, scope, records, now);
            CaveatNotes.recomputeTeams(c, scope, stored.changedDays());
            List<Caveat> rebaselines = CaveatNotes.recomputeRebaselines(c, scope);
            counts[3] = update.apply(c, series, stored.changedDays(), rebaselines);
            counts[0] = stored.added();
            counts[1] = stored.unchanged();
            counts[2] = stored.revised();
            more.run(c);
            return null;
        });
        return new Result(prepared.result(), records.size(), counts[0], counts[1], counts[2], counts[3]);
    }

    private static List<CopilotDay> healthDays(Workspace workspace, String scope, List<CopilotMetricsParser.Days> documents,
                                               Set<LocalDate> entityDays) {
        List<CopilotDay> out = new ArrayList<>();
        for (CopilotMetricsParser.Days d : documents) {
            Set<LocalDate> own = d.report().entityDays();
            for (CopilotDay day : d.days()) {
                boolean fromUsers = d.source() == CopilotSource.USAGE_REPORT && !own.contains(day.day());
                if (!fromUsers || (!entityDays.contains(day.day()) && !storedEntityDay(workspace, scope, day.day()))) {
                    out.add(day);
                }
            }
        }
        return out;
    }

    private static boolean storedEntityDay(Workspace workspace, String scope, LocalDate day) {
        return workspace.read(c -> ReportRepository.hasEntityDay(c, scope, day));
    }
}
