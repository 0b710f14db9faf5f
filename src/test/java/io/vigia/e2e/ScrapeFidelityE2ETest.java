package io.vigia.e2e;

import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.testsupport.NeedsSharedCorpus;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of scrape fidelity: a real Prometheus 2.42 and Vigia's scraper read the same
 * bytes, served with the same Content-Type, and must agree on {@code up} and on every stored
 * sample (series, value, own timestamp), or the input must be listed with its reason in
 * docs/scrape-fidelity.md. The inputs are the exposition corpus (incl. the OpenMetrics parser
 * conformance suite) and generated edge cases; one real exporter (the Prometheus Java client) is
 * read through the {@code vigia scrape} command.
 */
@NeedsProgram("prometheus")
class ScrapeFidelityE2ETest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** All of Prometheus's stored samples are within this much before the end (they start in 1970 at the earliest). */
    private static final long EVERYTHING_MS = 100L * 365 * 24 * 3600 * 1000;
    private static final String CLI_JOB = "cli-client_java";

    private static List<ExpositionInput> generated;
    private static List<ExpositionInput> corpus;
    private static Map<String, ScrapeOutcome> byPrometheus;
    private static Map<String, ScrapeOutcome> byVigia;
    private static ScrapeOutcome byVigiaCli;
    private static long armedAt;
    private static long readAt;
    private static double prometheusHeadMaxTime;

    @BeforeAll
    static void scrapeEverythingWithBoth(@TempDir Path dir) throws Exception {
        generated = GeneratedExpositionInputs.all(System.currentTimeMillis() - 60_000);
        Path corpusDir = SharedCorpus.path(CorpusExpositionInputs.DIR);
        corpus = Files.isDirectory(corpusDir) ? CorpusExpositionInputs.all(corpusDir) : List.of();
        List<ExpositionInput> all = new ArrayList<>(generated);
        all.addAll(corpus);
        try (ExpositionHttpServer server = new ExpositionHttpServer(all);
             ClientJavaExporter exporter = new ClientJavaExporter()) {
            List<PrometheusServer.ScrapeJob> jobs = new ArrayList<>();
            all.forEach(i -> jobs.add(new PrometheusServer.ScrapeJob(i.name(), server.target(), i.path())));
            jobs.add(new PrometheusServer.ScrapeJob(CLI_JOB, exporter.target(), "/metrics"));
            try (PrometheusServer prometheus = PrometheusServer.startWithJobs(INTERVAL, jobs)) {
                PrometheusScrapeOutcomes reader = new PrometheusScrapeOutcomes(prometheus.url());
                awaitCount(reader, "count(up)", 1);
                armedAt = System.currentTimeMillis();
                server.arm();
                Path cliWorkspace = dir.resolve("cli.vigia");
                CliE2ETest.Result cli = CliE2ETest.vigia("--workspace", cliWorkspace.toString(), "scrape",
                        "http://" + exporter.target() + "/metrics", "--job", CLI_JOB, "--interval", "1s", "--for", "2500ms");
                assertThat(cli.exit()).as(cli.err()).isZero();
                Path workspace = dir.resolve("in-process.vigia");
                VigiaScrapeOutcomes.scrape(workspace, server, all);
                // every job scraped at least twice since the inputs were served
                awaitCount(reader, "count(count_over_time(up{job!=\"prometheus\"}[" + (System.currentTimeMillis() - armedAt)
                        + "ms]) >= 2)", jobs.size());
                readAt = System.currentTimeMillis();
                byPrometheus = reader.read(readAt - EVERYTHING_MS, readAt);
                prometheusHeadMaxTime = reader.query("prometheus_tsdb_head_max_time{job=\"prometheus\"}", readAt).get(0).path("value").get(1).asDouble();
                byVigia = read(workspace, all.stream().map(ExpositionInput::name).toList());
                byVigiaCli = read(cliWorkspace, List.of(CLI_JOB)).get(CLI_JOB);
            }
        }
    }

    @AfterAll
    static void forget() {
        byPrometheus = null;
        byVigia = null;
    }

    @Test
    void prometheusKeptItsHeadAtTheCurrentTime() {
        // an input with a far-future own timestamp would move the head and drop every later sample
        // (the corpus holds real Prometheus scrapes, with a head_max_time of their own: hence job="prometheus")
        assertThat((long) prometheusHeadMaxTime).isBetween(armedAt, readAt + 60_000);
    }

    @Test
    void generatedEdgeCasesAgreeOrTheirDifferenceIsDocumented() throws Exception {
        assertAgreementOrDocumented("generated", generated);
    }

    @Test
    @NeedsSharedCorpus(CorpusExpositionInputs.DIR)
    void corpusFilesAgreeOrTheirDifferenceIsDocumented() throws Exception {
        assertAgreementOrDocumented("corpus", corpus);
    }

    @Test
    void theVigiaScrapeCommandStoresWhatPrometheusStoresFromARealExporter() {
        ScrapeOutcome prometheus = byPrometheus.get(CLI_JOB);
        assertThat(prometheus.up()).isTrue();
        assertThat(prometheus.samples()).hasSizeGreaterThan(10);
        assertThat(byVigiaCli.up()).isTrue();
        assertThat(byVigiaCli.samplesAgree(prometheus)).as(byVigiaCli.differenceFrom(prometheus)).isTrue();
    }

    private static void assertAgreementOrDocumented(String kind, List<ExpositionInput> inputs) throws Exception {
        ScrapeFidelityTable documented = ScrapeFidelityTable.read(ScrapeFidelityTable.file());
        ScrapeFidelityReport report = new ScrapeFidelityReport(kind);
        for (ExpositionInput input : inputs) {
            ScrapeOutcome p = byPrometheus.get(input.name());
            assertThat(p).as("Prometheus stored nothing for job " + input.name()).isNotNull();
            report.add(input.name(), p, byVigia.get(input.name()), documented.reasons().get(input.name()));
        }
        report.writeTo(Path.of("target", "scrape-fidelity-" + kind + ".md"));
        assertThat(report.undocumented()).as("inputs on which Vigia and Prometheus 2.42 disagree, not in "
                + ScrapeFidelityTable.file() + "\n" + report.summary()).isEmpty();
        assertThat(report.documentedButAgreeing()).as("rows of " + ScrapeFidelityTable.file()
                + " whose inputs now agree (remove them)\n" + report.summary()).isEmpty();
    }

    private static Map<String, ScrapeOutcome> read(Path workspace, List<String> jobs) {
        Map<String, ScrapeOutcome> out = new HashMap<>();
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            for (String job : jobs) {
                out.put(job, VigiaScrapeOutcomes.read(store, job, Long.MIN_VALUE, Long.MAX_VALUE));
            }
        }
        return out;
    }

    private static void awaitCount(PrometheusScrapeOutcomes reader, String promql, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var result = reader.query(promql, System.currentTimeMillis());
            if (!result.isEmpty() && result.get(0).path("value").get(1).asDouble() >= atLeast) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus did not reach " + promql + " >= " + atLeast + " within 60 s");
    }
}
