package io.vigia.dashboards.report.write;

import io.vigia.dashboards.report.Report;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Copilot Health report of the demo workspace's last full week, in every format. */
class WeeklyReportDemoTest {
    static final Path OUT = Path.of("target", "report-samples");

    @TempDir
    static Path dir;
    static Workspace ws;
    static Report report;

    @BeforeAll
    static void build() {
        ws = DemoReport.demoWorkspace(dir.resolve("demo.vigia"));
        report = DemoReport.copilotHealth(ws, DemoReport.WEEK);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void writesEveryFormat() throws Exception {
        List<Path> files = new ReportExporter(Paper.A4).export(report, EnumSet.allOf(ReportFormat.class), OUT);
        assertThat(files).isNotEmpty();
        new PdfReportWriter(Paper.A4, PdfReportWriter.ChartMode.RASTER).write(report, OUT.resolve("raster.pdf"));
        System.out.println(report.summary());
        System.out.println(report.kpis());
        System.out.println(report.problems());
        System.out.println(Files.size(OUT.resolve("copilot-health-2026-W47.pdf")) + " vs raster " + Files.size(OUT.resolve("raster.pdf")));
    }
}
