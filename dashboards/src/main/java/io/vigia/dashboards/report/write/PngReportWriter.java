package io.vigia.dashboards.report.write;

import io.vigia.persistence.files.OwnerOnlyFiles;
import io.vigia.dashboards.chart.surface.ChartExport;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportRedaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One PNG per chart and per table of the report (tables with the app's table renderer), at twice
 * the logical size: sharp on HiDPI screens and in slides.
 */
public final class PngReportWriter {
    public static final double SCALE = 2;

    private PngReportWriter() {
    }

    /** Writes {@code NN-title.png} files into {@code dir}; returns them in order. */
    public static List<Path> write(Report report, Path dir) throws IOException {
        Report r = ReportRedaction.apply(report);
        OwnerOnlyFiles.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        int i = 1;
        for (Report.Section s : r.sections()) {
            byte[] png = switch (s) {
                case Report.Chart c -> ChartExport.png((int) ReportCharts.WIDTH, (int) ReportCharts.height(c), SCALE,
                        surface -> ReportCharts.paint(surface, c, r));
                case Report.Table t when !t.rows().isEmpty() -> ChartExport.png((int) ReportCharts.WIDTH,
                        (int) Math.ceil(ReportCharts.height(t)), SCALE, surface -> ReportCharts.paint(surface, t));
                default -> null;
            };
            if (png != null) {
                Path file = dir.resolve(String.format(Locale.ROOT, "%02d-%s.png", i++, CsvReportWriter.slug(s.title())));
                OwnerOnlyFiles.write(file, png);
                out.add(file);
            }
        }
        return out;
    }
}
