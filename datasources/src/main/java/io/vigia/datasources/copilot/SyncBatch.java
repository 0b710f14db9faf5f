package io.vigia.datasources.copilot;

import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports fetched by a sync and not written yet, and the counts of what was written: each flush
 * imports them ({@link CopilotReportImport}) together with their fetch-log rows, in one
 * transaction, so a report is never marked fetched unless its records are stored.
 */
final class SyncBatch {
    /** A fetch-log row to write with the batch. */
    record Mark(ReportEndpoint report, LocalDate day, FetchLog.Outcome outcome) {
    }

    private final Workspace workspace;
    private final SqliteSeriesStore store;
    private final String scope;
    private final FetchLog log;
    private final SyncProgress.Listener listener;
    private final List<CopilotMetricsParser.Days> docs = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private int reportsStored;
    private int reportsEmpty;
    private int added;
    private int revised;
    private int unchanged;
    private int healthDays;

    SyncBatch(Workspace workspace, SqliteSeriesStore store, String scope, FetchLog log, SyncProgress.Listener listener) {
        this.workspace = workspace;
        this.store = store;
        this.scope = scope;
        this.log = log;
        this.listener = listener;
    }

    /** The downloaded files of one report as documents; lines left out of them are told to the listener. */
    List<CopilotMetricsParser.Days> parse(ReportEndpoint report, LocalDate day, List<String> files) {
        List<CopilotMetricsParser.Days> out = new ArrayList<>();
        String what = report.label() + (day == null ? "" : " " + day);
        for (String text : files) {
            CopilotMetricsParser.Document doc;
            try {
                doc = CopilotMetricsParser.parse(scope, text);
            } catch (CopilotFormatException e) {
                throw new CopilotFormatException("the file GitHub gave for " + what + " is not a usage report: " + e.getMessage());
            }
            if (!(doc instanceof CopilotMetricsParser.Days days)) {
                throw new CopilotFormatException("the file GitHub gave for " + what + " is not a usage report");
            }
            days.report().problems().forEach(p -> listener.progress(SyncProgress.notice(what + ": " + p + " (left out)")));
            out.add(days);
        }
        return out;
    }

    void add(List<CopilotMetricsParser.Days> fetched, List<Mark> fetchedMarks, boolean stored) {
        docs.addAll(fetched);
        marks.addAll(fetchedMarks);
        if (stored) {
            reportsStored++;
        } else {
            reportsEmpty++;
        }
    }

    /** Days with reports waiting to be written. */
    int days() {
        Set<LocalDate> days = new HashSet<>();
        marks.forEach(m -> days.add(m.day()));
        return days.size();
    }

    void flush() {
        if (marks.isEmpty() && docs.isEmpty()) {
            return;
        }
        long now = workspace.clock().millis();
        List<Mark> writing = List.copyOf(marks);
        CopilotReportImport.Result r = CopilotReportImport.importDocuments(workspace, store, scope, List.copyOf(docs), c -> {
            for (Mark m : writing) {
                FetchLog.write(c, scope, m.report(), m.day(), m.outcome(), now);
            }
        });
        writing.forEach(m -> log.remember(m.report(), m.day(), m.outcome()));
        docs.clear();
        marks.clear();
        added += r.added();
        revised += r.revised();
        unchanged += r.unchanged();
        healthDays += r.days().daysImported() + r.days().daysRevised();
        listener.progress(new SyncProgress(SyncProgress.Stage.STORED, "", null, 0, 0, "stored " + r.records() + " report records ("
                + r.added() + " new, " + r.revised() + " revised), " + r.series() + " series updated"));
    }

    CopilotSync.Summary summary(int requests, int seats) {
        return new CopilotSync.Summary(requests, reportsStored, reportsEmpty, added, revised, unchanged, healthDays, seats);
    }
}
