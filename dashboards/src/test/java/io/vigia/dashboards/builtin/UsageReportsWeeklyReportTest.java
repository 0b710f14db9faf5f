package io.vigia.dashboards.builtin;

import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.report.write.CsvReportWriter;
import io.vigia.dashboards.report.write.HtmlReportWriter;
import io.vigia.dashboards.report.write.Paper;
import io.vigia.dashboards.report.write.PdfReportWriter;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly report of AI Coding Adoption over a workspace fed only GitHub's usage reports (the
 * corpus's reports of 2026-04-25, in week 2026-W17) says which source fed each number, in the
 * HTML and in kpis.csv, and an empty panel says why instead of nothing. The files stay in
 * target/report-samples-usage to be looked at.
 */
class UsageReportsWeeklyReportTest {
    static final Path OUT = Path.of("target", "report-samples-usage");
    static final String USAGE = "Source: GitHub usage reports";

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void everyNumberNamesItsSourceOrWhyItIsEmpty() throws Exception {
        Report report;
        try (Workspace ws = Workspace.open(dir.resolve("usage.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            UsageReportsOnlyDashboardsTest.importReports(ws, store);
            report = new ReportBuilder(new LocalPromqlSource("local", store), Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"),
                    ZoneOffset.UTC), Duration.ofMinutes(5)).build(BuiltInDashboards.aiCodingAdoption(), IsoWeek.parse("2026-W17"),
                    ZoneOffset.UTC);
        }
        // in the report: a number the reports feed names them; an empty one says why
        List<Report.Kpi> fed = report.kpis().stream().filter(k -> !Double.isNaN(k.current())).toList();
        assertThat(fed).as(describe(report)).isNotEmpty()
                .anySatisfy(k -> assertThat(k.source()).startsWith(USAGE));
        assertThat(fed).allSatisfy(k -> assertThat(k.source()).as(k.title()).startsWith("Source: "));
        List<Report.Chart> charts = report.sections().stream().filter(Report.Chart.class::isInstance).map(Report.Chart.class::cast).toList();
        assertThat(charts).filteredOn(Report.Chart::hasData).isNotEmpty()
                .anySatisfy(c -> assertThat(c.source()).startsWith(USAGE))
                .allSatisfy(c -> assertThat(c.source()).as(c.title()).startsWith("Source: "));
        List<String> reasons = java.util.stream.Stream.concat(
                report.kpis().stream().filter(k -> Double.isNaN(k.current())).map(Report.Kpi::source),
                charts.stream().filter(c -> !c.hasData()).map(Report.Chart::source)).toList();
        assertThat(reasons).as(describe(report)).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("No data. ").hasSizeGreaterThan(12));

        Files.createDirectories(OUT);
        Path html = OUT.resolve("ai-coding-adoption-2026-W17.html");
        new HtmlReportWriter().write(report, html);
        new PdfReportWriter(Paper.A4).write(report, OUT.resolve("ai-coding-adoption-2026-W17.pdf"));
        Path csv = OUT.resolve("ai-coding-adoption-2026-W17-csv");
        CsvReportWriter.write(report, csv);

        String page = Files.readString(html);
        assertThat(page).contains("<figcaption class=\"source\">" + USAGE).contains("<div class=\"source\">" + USAGE);
        // the reason as the page shows it (autoescaped, as every string of the report)
        String reason = reasons.getFirst();
        assertThat(page).contains("<p class=\"missing\">No data. Needs ");
        assertThat(page).contains(reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"));

        List<CSVRecord> kpis = parse(csv.resolve("kpis.csv"));
        assertThat(kpis.getFirst().values()).endsWith("test", "source");
        assertThat(kpis.getFirst().get(0)).isEqualTo("kpi");
        assertThat(kpis).hasSize(report.kpis().size() + 1);
        for (int i = 0; i < report.kpis().size(); i++) {
            Report.Kpi k = report.kpis().get(i);
            CSVRecord row = kpis.get(i + 1);
            assertThat(row.get(0)).isEqualTo(k.title());
            assertThat(row.get(14)).as(k.title()).isEqualTo(k.source());
        }
        assertThat(kpis.subList(1, kpis.size())).anySatisfy(r -> assertThat(r.get(14)).startsWith(USAGE))
                .anySatisfy(r -> assertThat(r.get(14)).startsWith("No data. "));
    }

    private static String describe(Report r) {
        StringBuilder b = new StringBuilder();
        r.kpis().forEach(k -> b.append("\n  KPI ").append(k.title()).append(" = ").append(k.current()).append(" -> ").append(k.source()));
        r.sections().forEach(s -> b.append("\n  ").append(s.getClass().getSimpleName()).append(' ').append(s.title())
                .append(s instanceof Report.Chart c ? " -> " + c.hasData() + " " + c.source()
                        : s instanceof Report.Missing m ? " -> " + m.reason() : ""));
        return b.toString();
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }
}
