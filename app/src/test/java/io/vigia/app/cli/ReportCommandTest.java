package io.vigia.app.cli;

import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.testsupport.Programs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigia report} on a demo workspace (30 simulated days ending Monday 2026-11-23 08:00 UTC):
 * in-process through picocli, and once as its own headless JVM that must not load JavaFX.
 */
class ReportCommandTest {
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    static Path dir;
    static Path workspace;

    @BeforeAll
    static void demo() {
        workspace = dir.resolve("demo.vigia");
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DemoWorkspace.load(new SettingsRepository(ws), store, NOW, new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                }

                @Override
                public void progress(long done, long all) {
                }
            }, () -> false);
        }
    }

    private static CliRun vigia(String... args) {
        return CliRun.vigia(workspace, args);
    }

    static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Programs.require("pdftotext").toString(), "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    @NeedsProgram("pdftotext")
    void writesEveryFormatForAWeekOfTheDemo() throws Exception {
        Path out = dir.resolve("w47");
        CliRun r = vigia("report", "--dashboard", "copilot-health", "--week", "2026-W47", "--tz", "Europe/Madrid",
                "--format", "pdf,html,csv,png", "--out", out.toString(), "--paper", "letter");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Copilot Health 2026-W47 (Europe/Madrid)").contains("copilot-health-2026-W47.pdf")
                .contains("copilot-health-2026-W47.html").contains("copilot-health-2026-W47-csv/kpis.csv")
                .contains("copilot-health-2026-W47-png/01-acceptance-rate-by-team-trailing-24-h.png");
        assertThat(r.err()).doesNotContain("partial").doesNotContain("no data");
        String text = pdftotext(out.resolve("copilot-health-2026-W47.pdf"));
        assertThat(text).contains("Copilot Health — weekly report").contains("2026-W47 · Mon 16 Nov 2026 to Sun 22 Nov 2026")
                .contains("Acceptance rate").contains("Prompts blocked").contains("Key numbers").contains("Page 1 of");
        assertThat(Files.readString(out.resolve("copilot-health-2026-W47.html"))).contains("Key numbers").doesNotContain("<script");
        assertThat(Files.readAllLines(out.resolve("copilot-health-2026-W47-csv/kpis.csv")).getFirst())
                .isEqualTo("kpi,unit,week,value,previous_week,change,days_before,days_after,daily_mean_change,"
                        + "daily_mean_change_low,daily_mean_change_high,p,q,test,source");
    }

    @Test
    void defaultWeekIsTheLastCompleteOne() {
        Clock monday = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
        assertThat(ReportCommand.lastCompleteWeek(monday, ZoneId.of("Europe/Madrid"))).hasToString("2026-W47");
        Clock sunday = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);
        // still Sunday in UTC, already Monday in Madrid: the week that just ended is complete there
        assertThat(ReportCommand.lastCompleteWeek(sunday, ZoneId.of("UTC"))).hasToString("2026-W46");
        assertThat(ReportCommand.lastCompleteWeek(sunday, ZoneId.of("Europe/Madrid"))).hasToString("2026-W47");
    }

    @Test
    @NeedsProgram("pdftotext")
    void aWeekWithoutDataIsWrittenAndSaysSo() throws Exception {
        Path out = dir.resolve("empty");
        CliRun r = vigia("report", "--week", "2020-W10", "--tz", "UTC", "--format", "pdf,html", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: no data in 2020-W10");
        assertThat(pdftotext(out.resolve("copilot-health-2020-W10.pdf"))).contains("NO DATA")
                .contains("No data for 2020-W10: no panel had a sample in this week.");
        assertThat(Files.readString(out.resolve("copilot-health-2020-W10.html"))).contains("No data for 2020-W10");
    }

    @Test
    void anUnreachableSourceFailsClearlyAndWritesNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path out = dir.resolve("remote");
        CliRun r = vigia("report", "--week", "2026-W47", "--source", "http://127.0.0.1:" + port, "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("vigia: cannot write the report: source \"http://127.0.0.1:" + port + "\" failed:")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void badArgumentsExitWithUsageErrors() {
        assertThat(vigia("report", "--week", "2026-W60").exit()).isEqualTo(2);
        assertThat(vigia("report", "--format", "docx").err()).contains("unknown format \"docx\"; use pdf, html, csv or png");
        CliRun help = vigia("report", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--week=YYYY-Www").contains("--format=LIST").contains("--paper=SIZE");
        CliRun r = vigia("report", "--dashboard", "nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no dashboard \"nope\"");
    }

    /** The real entry point in a fresh JVM: headless, and no JavaFX class is loaded for this command. */
    @Test
    @NeedsProgram("pdftotext")
    void runsHeadlessAsItsOwnProcessWithoutJavaFx() throws Exception {
        Path out = dir.resolve("process");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-verbose:class",
                "-cp", System.getProperty("java.class.path"), "io.vigia.app.Main", "--workspace", workspace.toString(),
                "report", "--week", "2026-W47", "--tz", "Europe/Madrid", "--format", "pdf,html,csv", "--out", out.toString());
        Path log = dir.resolve("process.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("copilot-health-2026-W47.pdf");
        assertThat(output.lines().filter(l -> l.contains("[class,load]") && l.contains(" javafx.")).toList())
                .as("JavaFX classes loaded by `vigia report`").isEmpty();
        assertThat(output).contains("[class,load] org.apache.pdfbox.pdmodel.PDDocument");
        assertThat(pdftotext(out.resolve("copilot-health-2026-W47.pdf"))).contains("Key numbers");
    }

    @Test
    @NeedsProgram("pdftotext")
    void aRemotePrometheusApiGivesTheSameNumbersAsTheLocalStore() throws Exception {
        Path local = dir.resolve("via-local");
        Path remote = dir.resolve("via-remote");
        assertThat(vigia("report", "--week", "2026-W47", "--tz", "Europe/Madrid", "--format", "csv", "--out", local.toString())
                .exit()).isZero();
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws);
             PromqlHttpServer server = new PromqlHttpServer(new io.vigia.datasources.promql.LocalPromqlSource("served", store))) {
            CliRun r = vigia("report", "--week", "2026-W47", "--tz", "Europe/Madrid", "--format", "csv,pdf", "--source", server.url(),
                    "--out", remote.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(server.requests.get()).isGreaterThan(20);
            List<org.apache.commons.csv.CSVRecord> a = csv(local.resolve("copilot-health-2026-W47-csv/kpis.csv"));
            List<org.apache.commons.csv.CSVRecord> b = csv(remote.resolve("copilot-health-2026-W47-csv/kpis.csv"));
            assertThat(b).hasSameSizeAs(a).hasSizeGreaterThan(5);
            for (int i = 1; i < a.size(); i++) {
                assertThat(b.get(i).get(0)).isEqualTo(a.get(i).get(0));
                assertThat(Double.parseDouble(b.get(i).get(3))).isCloseTo(Double.parseDouble(a.get(i).get(3)),
                        org.assertj.core.data.Percentage.withPercentage(1e-6));
                assertThat(Double.parseDouble(b.get(i).get(4))).isCloseTo(Double.parseDouble(a.get(i).get(4)),
                        org.assertj.core.data.Percentage.withPercentage(1e-6));
                // the daily values too: the same days and bootstrap seed give the same p, give or take a
                // resample that the last digit of a value sent as JSON may move
                assertThat(Double.parseDouble(b.get(i).get(11))).isCloseTo(Double.parseDouble(a.get(i).get(11)),
                        org.assertj.core.data.Offset.offset(0.002));
            }
            assertThat(pdftotext(remote.resolve("copilot-health-2026-W47.pdf"))).contains("Key numbers");

            server.failWith = 503;
            CliRun failed = vigia("report", "--week", "2026-W47", "--source", server.url(), "--out", dir.resolve("failed").toString());
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err()).startsWith("vigia: cannot write the report: source \"" + server.url() + "\" failed:")
                    .contains("503");
            assertThat(dir.resolve("failed")).doesNotExist();
        }
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path file) throws IOException {
        try (var p = org.apache.commons.csv.CSVParser.parse(file, StandardCharsets.UTF_8, org.apache.commons.csv.CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }
}
