package io.vigia.datasources.imports;

import io.vigia.datasources.copilot.CompletionCounts;
import io.vigia.datasources.copilot.CopilotMetricsParser;
import io.vigia.datasources.copilot.CopilotReportImport;
import io.vigia.datasources.copilot.usage.ReportKind;
import io.vigia.datasources.copilot.usage.ReportRecord;
import io.vigia.datasources.copilot.usage.UsageReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a Copilot metrics file reads in a preview and after an import: a legacy file by its days,
 * a usage report by its records (organization days, user days, team memberships, repository
 * days), with the lines left out and why.
 */
final class CopilotFileReport {
    private static final String RECORDS = "report records";

    private CopilotFileReport() {
    }

    static ImportPreview preview(ImportKind kind, String name, CopilotMetricsParser.Days days, int shown) {
        UsageReport report = days.report();
        if (report.records().isEmpty()) {
            List<String> first = days.days().stream().limit(shown).map(d -> {
                CompletionCounts t = d.totals();
                return String.format(Locale.ROOT, "%s  %s  %s  %d suggestions, %d accepted, %d lines accepted%s",
                        d.day(), d.scope(), d.source().label(), t.suggestions(), t.acceptances(), t.linesAccepted(),
                        d.activeUsers() >= 0 ? ", " + d.activeUsers() + " active users" : "");
            }).toList();
            return new ImportPreview(kind, name, days.days().size(), first, List.of(), List.of("source: " + days.source().label()));
        }
        List<String> first = report.records().stream().limit(shown).map(ReportRecord::describe).toList();
        return new ImportPreview(kind, name, report.records().size(), first, problems(report), List.of("source: "
                + days.source().label() + " (" + composition(report) + ")"));
    }

    static ImportReport imported(ImportKind kind, String name, String scope, CopilotMetricsParser.Days days,
                                 CopilotReportImport.Result r) {
        if (days.report().records().isEmpty()) {
            return new ImportReport(kind, name, days.days().size(), r.days().daysImported() + r.days().daysRevised(),
                    r.days().daysUnchanged(), List.of(), List.of(days.source().label() + ": " + r.days().daysRevised()
                    + " days revised, " + r.days().samples() + " daily samples; Copilot Health counters rebuilt for " + scope));
        }
        List<String> notes = new ArrayList<>();
        notes.add(days.source().label() + ": " + composition(days.report()) + "; " + r.revised() + " records revised, every field "
                + "stored; " + r.series() + " github_copilot_usage_* series written");
        notes.add(r.days().daysImported() + r.days().daysRevised() + " Copilot Health days written for " + scope);
        if (!days.report().problems().isEmpty()) {
            notes.add("the rejected lines were left out whole: nothing of them was stored");
        }
        return new ImportReport(kind, name, r.records(), r.added() + r.revised(), r.unchanged(), problems(days.report()), notes,
                RECORDS);
    }

    private static List<ImportProblem> problems(UsageReport report) {
        return report.problems().stream().map(p -> new ImportProblem(p.line(), p.reason())).toList();
    }

    private static String composition(UsageReport report) {
        List<String> parts = new ArrayList<>();
        add(parts, report.count(ReportKind.ENTITY), "organization or enterprise days");
        add(parts, report.count(ReportKind.USER), "user days");
        add(parts, report.count(ReportKind.USER_TEAM), "team memberships");
        add(parts, report.count(ReportKind.REPOSITORY), "repository days");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
