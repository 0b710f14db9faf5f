package io.vigia.dashboards.report.write;

import io.vigia.persistence.files.OwnerOnlyFiles;
import io.vigia.dashboards.report.KpiTest;
import io.vigia.dashboards.report.Report;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One CSV file per panel (RFC 4180 via Commons CSV), plus {@code kpis.csv}; the last column of
 * {@code kpis.csv} and of a chart's file is where the numbers came from ({@link Report.Kpi#source()}),
 * after the others so that their positions stay as they were. Cells are data, never
 * formulas: a value that a spreadsheet would evaluate ({@code = + - @} first, tab, carriage
 * return) gets a leading apostrophe, because telemetry strings are written by whoever sends prompts.
 */
public final class CsvReportWriter {
    private CsvReportWriter() {
    }

    /** Writes the files into {@code dir}; returns them in order. */
    public static List<Path> write(Report report, Path dir) throws IOException {
        Report r = io.vigia.dashboards.report.ReportRedaction.apply(report);
        OwnerOnlyFiles.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path kpis = dir.resolve("kpis.csv");
        try (CSVPrinter p = printer(kpis)) {
            p.printRecord("kpi", "unit", "week", "value", "previous_week", "change", "days_before", "days_after",
                    "daily_mean_change", "daily_mean_change_low", "daily_mean_change_high", "p", "q", "test",
                    "source");
            for (Report.Kpi k : r.kpis()) {
                KpiTest t = k.test();
                boolean tested = t != null && t.tested();
                p.printRecord(cell(k.title()), k.unit(), r.week().toString(), num(k.current()), num(k.previous()), num(k.change()),
                        tested ? t.test().nBefore() : "", tested ? t.test().nAfter() : "",
                        tested ? num(t.test().difference()) : "", tested ? num(t.test().differenceInterval().lower()) : "",
                        tested ? num(t.test().differenceInterval().upper()) : "", tested ? num(t.test().pValue()) : "",
                        tested ? num(t.q()) : "", t == null ? "" : tested ? t.test().method() : "untested: " + t.why(),
                        cell(k.source()));
            }
        }
        out.add(kpis);
        int i = 1;
        for (Report.Section s : r.sections()) {
            Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s.csv", i, slug(s.title())));
            switch (s) {
                case Report.Chart c -> {
                    try (CSVPrinter p = printer(file)) {
                        p.printRecord("series", "time", "value", "source");
                        for (Report.ChartSeries cs : c.series()) {
                            for (int j = 0; j < cs.timestamps().length; j++) {
                                p.printRecord(cell(cs.name()), Instant.ofEpochMilli(cs.timestamps()[j]).toString(), num(cs.values()[j]),
                                        cell(c.source()));
                            }
                        }
                    }
                }
                case Report.Table t -> {
                    try (CSVPrinter p = printer(file)) {
                        p.printRecord(t.columns().stream().map(CsvReportWriter::cell).toList());
                        for (List<String> row : t.rows()) {
                            p.printRecord(row.stream().map(CsvReportWriter::cell).toList());
                        }
                    }
                }
                default -> {
                    continue;
                }
            }
            out.add(file);
            i++;
        }
        return out;
    }

    private static CSVPrinter printer(Path file) throws IOException {
        Writer w = OwnerOnlyFiles.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.RFC4180);
    }

    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        boolean number = s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
        if (!number && (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')) {
            return "'" + s;
        }
        return s;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    public static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "panel" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
