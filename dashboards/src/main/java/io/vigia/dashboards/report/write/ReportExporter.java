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
     * Writes the formats at the same time, one thread each (they share nothing but the immutable
     * report, and a cold JVM spends most of a report loading each writer's classes and fonts, which
     * overlaps well), telling {@code progress} as each one starts; a format not started yet is
     * skipped once {@code cancelled} is true, and the export then ends with a CancellationException.
     * @return every file written, in the order PDF, HTML, CSV, PNG
     */
    public List<Path> export(Report r, Set<ReportFormat> formats, Path dir, Consumer<ReportFormat> progress,
                             BooleanSupplier cancelled) throws IOException {
        String base = baseName(r);
        List<ReportFormat> wanted = java.util.Arrays.stream(ReportFormat.values()).filter(formats::contains).toList();
        io.vigia.persistence.files.OwnerOnlyFiles.createDirectories(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(wanted.size(), Runtime.getRuntime().availableProcessors() + 1)), Thread.ofPlatform()
                        .name("report-writer-", 1).daemon().factory());
        try {
            List<java.util.concurrent.Future<List<Path>>> futures = new ArrayList<>();
            for (ReportFormat f : wanted) {
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("export cancelled");
                    }
                    progress.accept(f);
                    return write(r, f, dir, base);
                }));
            }
            List<Path> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<Path>> future : futures) {
                out.addAll(join(future));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Path> write(Report r, ReportFormat f, Path dir, String base) throws IOException {
        return switch (f) {
            case PDF -> {
                Path p = dir.resolve(base + ".pdf");
                new PdfReportWriter(paper, chartMode).write(r, p);
                yield List.of(p);
            }
            case HTML -> {
                Path p = dir.resolve(base + ".html");
                new HtmlReportWriter().write(r, p);
                yield List.of(p);
            }
            case CSV -> CsvReportWriter.write(r, dir.resolve(base + "-csv"));
            case PNG -> PngReportWriter.write(r, dir.resolve(base + "-png"));
        };
    }

    private static List<Path> join(java.util.concurrent.Future<List<Path>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("export interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    public List<Path> export(Report r, Set<ReportFormat> formats, Path dir) throws IOException {
        return export(r, formats, dir, f -> { }, () -> false);
    }
}
