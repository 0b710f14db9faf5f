package io.vigia.dashboards.report.write;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.report.ValueFormat;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.testsupport.Programs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Copilot Health report of the demo workspace's last full week (2026-W47, Europe/Madrid) in
 * every format, read back with the tools a person would use: pdftotext, pdftoppm, a CSV parser.
 * The week also holds blocked prompts whose category is hostile markup and one carrying a secret.
 * Files stay in target/report-samples for people to look at.
 */
class WeeklyReportDemoTest {
    static final Path OUT = Path.of("target", "report-samples");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String SECRET = "leak sk-proj-4f9Qx2LmZp8RtY6wVb3NcK1s";

    @TempDir
    static Path dir;
    static Workspace ws;
    static Report report;
    static List<Path> files;

    @BeforeAll
    static void build() throws IOException {
        ws = DemoReport.demoWorkspace(dir.resolve("demo.vigia"));
        DemoReport.addHostileTelemetry(ws, DemoReport.WEEK, SCRIPT, SECRET);
        report = DemoReport.copilotHealth(ws, DemoReport.WEEK);
        // samples are kept in target/ to be looked at; an earlier run's pages and PNGs must not count
        if (Files.exists(OUT)) {
            try (Stream<Path> old = Files.walk(OUT)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        files = new ReportExporter(Paper.A4).export(report, EnumSet.allOf(ReportFormat.class), OUT);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    /** Runs an installed program (looked up on the PATH) and returns what it printed. */
    static String run(String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Programs.require(program).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theReportHasTheWeeksNumbers() {
        assertThat(report.partial()).as(report.problems().toString()).isFalse();
        assertThat(report.noData()).isFalse();
        assertThat(report.kpis()).extracting(Report.Kpi::title).containsExactly("Acceptance rate", "Acceptance rate by lines",
                "SAST-flagged per 1,000 accepted", "Reverted share of accepted", "Prompts blocked", "Active users");
        assertThat(report.kpis()).allSatisfy(k -> {
            assertThat(k.current()).isNotNaN();
            assertThat(k.previous()).isNotNaN();
        });
        // the week before held the prompt-injection campaign (30 hours): a 93% fall of the weekly count, yet
        // 5 of its 7 days were ordinary, so the typical day did not change beyond the days' own variation
        assertThat(report.summary()).anySatisfy(s -> assertThat(s).startsWith("Prompts blocked fell").contains("week over week")
                .contains("within the day-to-day variation"));
        assertThat(report.kpis()).allSatisfy(k -> {
            assertThat(k.test().tested()).as(k.title()).isTrue();
            assertThat(k.test().q()).isBetween(k.test().test().pValue(), 1.0);
        });
        // the drift of prompt_tokens lasted 3 days of the week: the distance crosses the drift level (0.1), but
        // the permutation test cannot tell 3 days apart from the series' own day-long variation
        Report.Table drift = table("Drift alerts: model inputs vs the week before");
        assertThat(drift.rows().getFirst().subList(0, 2)).containsExactly("prompt_tokens", "DRIFT, not significant");
        assertThat(Double.parseDouble(drift.rows().getFirst().get(2))).isCloseTo(0.109, org.assertj.core.data.Offset.offset(5e-4));
        assertThat(Double.parseDouble(drift.rows().getFirst().get(7))).isGreaterThanOrEqualTo(0.05);
        assertThat(drift.rows().getFirst().get(8)).startsWith("block permutation test of the Jensen–Shannon distance");
        assertThat(report.summary()).noneMatch(s -> s.startsWith("Model input"));
        // the simulator's story for that week, told by the rules from the evidence tables
        assertThat(report.summary())
                .anySatisfy(s -> assertThat(s).startsWith("After the deploy of payments 2.14.0 (Thu 19 Nov, 15:05), p95 latency was")
                        .contains("% higher"))
                .anySatisfy(s -> assertThat(s).startsWith("After the deploy of payments 2.14.1").contains("% lower"))
                .anySatisfy(s -> assertThat(s).startsWith("The SAST rule most often found on accepted AI suggestions was "));
        assertThat(report.sections()).filteredOn(s -> s instanceof Report.Table).extracting(Report.Section::title)
                .containsExactly("Prompts blocked by category", "Top SAST rules on accepted AI suggestions",
                        "Drift alerts: model inputs vs the week before", "Deploys and their latency change");
        Report.Table deploys = table("Deploys and their latency change");
        // the simulator's payments 2.14.0 slows POST /v1/payments down, and 2.14.1 fixes it
        assertThat(deploys.rows()).anySatisfy(r -> {
            assertThat(r.subList(1, 3)).containsExactly("payments", "2.14.0");
            assertThat(Double.parseDouble(r.get(5))).isGreaterThan(0.5);
        });
        assertThat(deploys.rows()).anySatisfy(r -> {
            assertThat(r.subList(1, 3)).containsExactly("payments", "2.14.1");
            assertThat(Double.parseDouble(r.get(5))).isLessThan(-0.3);
        });
        assertThat(table("Top SAST rules on accepted AI suggestions").rows()).hasSizeBetween(1, 10)
                .allSatisfy(r -> assertThat(r.get(1)).startsWith("CWE-"));
        assertThat(table("Drift alerts: model inputs vs the week before").rows()).extracting(r -> r.get(0))
                .containsExactlyInAnyOrder("prompt_tokens", "context_files");
    }

    @Test
    void otherDashboardsGetTheEvidenceTablesWhoseMetricsTheyRead() {
        Report drift;
        Report guardrails;
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ReportBuilder b = new ReportBuilder(new LocalPromqlSource("local", store), Clock.fixed(DemoReport.NOW, ZoneOffset.UTC),
                    DemoWorkspace.INTERVAL);
            drift = b.build(BuiltInDashboards.modelDrift(), DemoReport.WEEK, DemoReport.MADRID);
            guardrails = b.build(BuiltInDashboards.guardrails(), DemoReport.WEEK, DemoReport.MADRID);
        }
        assertThat(drift.sections()).filteredOn(s -> s instanceof Report.Table).extracting(Report.Section::title)
                .containsExactly("Drift alerts: model inputs vs the week before");
        assertThat(drift.sections()).anySatisfy(s -> assertThat(s).isInstanceOf(Report.Chart.class)
                .satisfies(c -> assertThat(((Report.Chart) c).type()).isEqualTo(PanelType.HEATMAP)));
        assertThat(guardrails.sections()).filteredOn(s -> s instanceof Report.Table).extracting(Report.Section::title)
                .containsExactly("Hits by category");
        assertThat(guardrails.kpis()).hasSize(4).allSatisfy(k -> assertThat(k.current()).isNotNaN());
    }

    private static Report.Table table(String title) {
        return report.sections().stream().filter(s -> s instanceof Report.Table t && t.title().equals(title))
                .map(s -> (Report.Table) s).findFirst().orElseThrow();
    }

    @Test
    @NeedsProgram({"pdftotext", "pdfinfo", "pdffonts"})
    void pdfTextHasTheKpisTheSummaryAndPageNumbers() throws Exception {
        Path pdf = OUT.resolve("copilot-health-2026-W47.pdf");
        assertThat(files).contains(pdf);
        String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text).contains("Copilot Health — weekly report", "2026-W47 · Mon 16 Nov 2026 to Sun 22 Nov 2026 · Europe/Madrid",
                "Summary", "Key numbers");
        for (Report.Kpi k : report.kpis()) {
            assertThat(text).contains(k.title()).contains(ValueFormat.format(k.current(), k.unit()));
        }
        for (String sentence : report.summary()) {
            assertThat(text.replace('\n', ' ')).contains(sentence);
        }
        String pages = run("pdfinfo", pdf.toString()).lines().filter(l -> l.startsWith("Pages:")).findFirst().orElseThrow();
        int n = Integer.parseInt(pages.replaceAll("\\D", ""));
        assertThat(n).isBetween(3, 12);
        assertThat(text).contains("Page 1 of " + n).contains("Page " + n + " of " + n);
        // hostile labels are text in the PDF, and the secret is gone
        assertThat(text).contains(SCRIPT).contains("leak [REDACTED:openai_key]").doesNotContain("sk-proj-");
        String fonts = run("pdffonts", pdf.toString());
        assertThat(fonts.lines().skip(2).toList()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("yes yes yes"));
    }

    @Test
    @NeedsProgram("pdftoppm")
    void pdfPagesRenderWithChartsOnThem() throws Exception {
        Path pdf = OUT.resolve("copilot-health-2026-W47.pdf");
        Path pages = OUT.resolve("pages");
        Files.createDirectories(pages);
        run("pdftoppm", "-r", "60", "-png", pdf.toString(), pages.resolve("page").toString());
        List<Path> pngs;
        try (Stream<Path> s = Files.list(pages)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).isNotEmpty();
        for (Path png : pngs) {
            BufferedImage img = ImageIO.read(png.toFile());
            // a page with content: a good share of non-white pixels, and colours (chart lines, bars) not only greys
            int inked = 0;
            int coloured = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y);
                    int r = rgb >> 16 & 0xFF;
                    int g = rgb >> 8 & 0xFF;
                    int b = rgb & 0xFF;
                    if (r + g + b < 720) {
                        inked++;
                    }
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                        coloured++;
                    }
                }
            }
            assertThat(inked).as(png + " has content").isGreaterThan(500);
            if (!png.equals(pngs.getLast())) {
                assertThat(coloured).as(png + " has a chart").isGreaterThan(200);
            }
        }
    }

    @Test
    void htmlIsSelfContainedAndShowsHostileTelemetryAsText() throws IOException {
        String html = Files.readString(OUT.resolve("copilot-health-2026-W47.html"));
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("http://")
                .doesNotContainIgnoringCase("https://").doesNotContainIgnoringCase("javascript:")
                .doesNotContain("sk-proj-");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("leak [REDACTED:openai_key]");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        for (Report.Kpi k : report.kpis()) {
            assertThat(html).contains(ValueFormat.format(k.current(), k.unit()));
        }
        long charts = report.sections().stream().filter(s -> s instanceof Report.Chart).count();
        assertThat(html.split("<svg ", -1).length - 1).isEqualTo((int) charts);
        assertThat(html).contains(report.summary().getFirst().replace("→", "→"));
    }

    @Test
    void csvFilesHoldThePanelsData() throws IOException {
        Path csv = OUT.resolve("copilot-health-2026-W47-csv");
        List<CSVRecord> kpis = parse(csv.resolve("kpis.csv"));
        assertThat(kpis.getFirst().values()).containsExactly("kpi", "unit", "week", "value", "previous_week", "change",
                "days_before", "days_after", "daily_mean_change", "daily_mean_change_low", "daily_mean_change_high", "p", "q", "test", "source");
        assertThat(kpis).hasSize(report.kpis().size() + 1);
        assertThat(Double.parseDouble(kpis.get(1).get(3))).isEqualTo(report.kpis().getFirst().current());
        Report.Kpi first = report.kpis().getFirst();
        assertThat(kpis.get(1).get(6)).isEqualTo("7");
        assertThat(Double.parseDouble(kpis.get(1).get(11))).isEqualTo(first.test().test().pValue());
        assertThat(Double.parseDouble(kpis.get(1).get(12))).isEqualTo(first.test().q());
        assertThat(kpis.get(1).get(13)).startsWith("circular block bootstrap of the mean difference");
        List<CSVRecord> blocked = parse(csv.resolve("07-prompts-blocked-by-category.csv"));
        assertThat(blocked.getFirst().values()).containsExactly("Series", "OWASP LLM Top 10 (2025)", "Value");
        assertThat(blocked).extracting(r -> r.get(0)).contains("prompt_injection", SCRIPT, "leak [REDACTED:openai_key]");
        List<CSVRecord> series = parse(csv.resolve("01-acceptance-rate-by-team-trailing-24-h.csv"));
        assertThat(series.getFirst().values()).containsExactly("series", "time", "value", "source");
        assertThat(series).extracting(r -> r.get(0)).contains("payments-core", "web-platform");
        assertThat(series.subList(1, series.size())).allSatisfy(r ->
                assertThat(java.time.Instant.parse(r.get(1))).isBetween(report.from(), report.to()));
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    @Test
    void pngPerChart() throws IOException {
        List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).toList();
        assertThat(pngs).hasSize((int) report.sections().stream()
                .filter(s -> s instanceof Report.Chart || s instanceof Report.Table t && !t.rows().isEmpty()).count());
        assertThat(pngs).extracting(p -> p.getFileName().toString()).contains("07-prompts-blocked-by-category.png",
                "12-deploys-and-their-latency-change.png");
        BufferedImage first = ImageIO.read(pngs.getFirst().toFile());
        assertThat(first.getWidth()).isEqualTo((int) (ReportCharts.WIDTH * PngReportWriter.SCALE));
    }

    @Test
    void everyExportedFileIsOwnerOnly() throws IOException {
        assertThat(files).hasSizeGreaterThan(4);
        for (Path f : files) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(f)))
                    .as(f.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    @NeedsProgram({"pdftotext", "pdfinfo"})
    void aFailingPanelMakesAPartialReportThatSaysSoInEveryFormat() throws Exception {
        var d = BuiltInDashboards.copilotHealth();
        List<Panel> panels = new ArrayList<>(d.panels());
        panels.add(Panel.of(99, PanelType.TIME_SERIES, "Broken panel", new GridPos(0, 60, 24, 8),
                List.of(Query.promql("A", "sum(rate(x[5m]", "")), FieldConfig.DEFAULT));
        Report partial;
        try (SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            partial = new ReportBuilder(new LocalPromqlSource("local", store), Clock.fixed(DemoReport.NOW, ZoneOffset.UTC),
                    DemoWorkspace.INTERVAL).build(d.withPanels(panels), DemoReport.WEEK, DemoReport.MADRID);
        }
        assertThat(partial.partial()).isTrue();
        Path out = dir.resolve("partial");
        new ReportExporter(Paper.LETTER).export(partial, EnumSet.of(ReportFormat.PDF, ReportFormat.HTML), out);
        String text = run("pdftotext", "-enc", "UTF-8", out.resolve("copilot-health-2026-W47.pdf").toString(), "-");
        assertThat(text).contains("PARTIAL REPORT").contains("Broken panel").contains("Problems");
        assertThat(run("pdfinfo", out.resolve("copilot-health-2026-W47.pdf").toString())).contains("(letter)");
        assertThat(Files.readString(out.resolve("copilot-health-2026-W47.html"))).contains("PARTIAL REPORT").contains("Broken panel");
    }

    @Test
    void vectorChartsMakeASmallerPdfThanRasterOnes() throws IOException {
        Path raster = OUT.resolve("raster").resolve("copilot-health-2026-W47.pdf");
        new ReportExporter(Paper.A4, PdfReportWriter.ChartMode.RASTER).export(report, EnumSet.of(ReportFormat.PDF), raster.getParent());
        long vector = Files.size(OUT.resolve("copilot-health-2026-W47.pdf"));
        assertThat(vector).isLessThan(Files.size(raster));
    }
}
