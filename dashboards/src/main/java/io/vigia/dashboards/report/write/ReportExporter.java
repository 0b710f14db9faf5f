package io.vigia.dashboards.report.write;

import io.vigia.dashboards.report.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes one report in the chosen formats into a folder, named after the dashboard and the week
 * ({@code copilot-health-2026-W47.pdf}, {@code .html}, {@code -csv/}, {@code -png/}). Used by
 * {@code vigia report} and the app's Reports page alike.
 */
public final class ReportExporter {
    private final Paper paper;
    private final PdfReportWriter.ChartMode chartMode;

    public ReportExporter(Paper paper) {
        this(paper, PdfReportWriter.ChartMode.VECTOR);
    }

    public ReportExporter(Paper paper, PdfReportWriter.ChartMode chartMode) {
        this.paper = paper;
        this.chartMode = chartMode;
    }

    /** The common part of the file names: {@code uid-week}. */
    public static String baseName(Report r) {
        return CsvReportWriter.slug(r.dashboardUid()) + "-" + r.week();
    }

    /**
     * Writes the formats in a fixed order (PDF, HTML, CSV, PNG), telling {@code progress} each one
     * before it starts; stops between formats once {@code cancelled} is true.
     * @return every file written
     */
    public List<Path> export(Report r, Set<ReportFormat> formats, Path dir, Consumer<ReportFormat> progress,
                             BooleanSupplier cancelled) throws IOException {
        List<Path> out = new ArrayList<>();
        String base = baseName(r);
        for (ReportFormat f : ReportFormat.values()) {
            if (!formats.contains(f)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("export cancelled");
            }
            progress.accept(f);
            switch (f) {
                case PDF -> {
                    Path p = dir.resolve(base + ".pdf");
                    new PdfReportWriter(paper, chartMode).write(r, p);
                    out.add(p);
                }
                case HTML -> {
                    Path p = dir.resolve(base + ".html");
                    new HtmlReportWriter().write(r, p);
                    out.add(p);
                }
                case CSV -> out.addAll(CsvReportWriter.write(r, dir.resolve(base + "-csv")));
                case PNG -> out.addAll(PngReportWriter.write(r, dir.resolve(base + "-png")));
            }
        }
        return out;
    }

    public List<Path> export(Report r, Set<ReportFormat> formats, Path dir) throws IOException {
        return export(r, formats, dir, f -> { }, () -> false);
    }
}
