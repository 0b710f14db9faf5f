package io.vigia.datasources.simulator;

import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionParser;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.datasources.testing.MemorySeriesWriter;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FleetSimulationTest {
    static final long SEED = 42;
    static final long END = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
    static final long START = END - Duration.ofDays(21).toMillis();
    static final long STEP = Duration.ofMinutes(5).toMillis();

    static Recorded run;
    static FleetScenario scenario;

    /** Every sample and event of one run, for the assertions below. */
    static final class Recorded implements FleetSink {
        final Map<Labels, List<long[]>> times = new HashMap<>();
        final Map<Labels, List<Double>> values = new HashMap<>();
        final List<SimulatedGuardrailEvent> guardrail = new ArrayList<>();
        final List<SastFinding> findings = new ArrayList<>();
        long samples;
        long hash = 17;

        @Override
        public void sample(Labels labels, long t, double v) {
            times.computeIfAbsent(labels, k -> new ArrayList<>()).add(new long[] {t});
            values.computeIfAbsent(labels, k -> new ArrayList<>()).add(v);
            samples++;
            hash = hash * 31 + labels.hashCode() * 7L + t + Double.hashCode(v);
        }

        @Override
        public boolean wantsEvents() {
            return true;
        }

        @Override
        public void guardrailEvent(SimulatedGuardrailEvent event) {
            guardrail.add(event);
        }

        @Override
        public void sastFinding(SastFinding finding) {
            findings.add(finding);
        }

        /** Sum over matching series of every increase in (from, to], counting a drop as a reset from zero. */
        double increase(Predicate<Labels> which, long from, long to) {
            double total = 0;
            for (Map.Entry<Labels, List<Double>> e : values.entrySet()) {
                if (!which.test(e.getKey())) {
                    continue;
                }
                List<long[]> ts = times.get(e.getKey());
                List<Double> vs = e.getValue();
                double previous = Double.NaN;
                for (int i = 0; i < vs.size(); i++) {
                    long t = ts.get(i)[0];
                    double v = vs.get(i);
                    if (t > from && t <= to) {
                        // A series' first sample counts from zero: the exporter created it at zero.
                        total += Double.isNaN(previous) || v < previous ? v : v - previous;
                    }
                    previous = v;
                }
            }
            return total;
        }
    }

    @BeforeAll
    static void simulate() {
        run = new Recorded();
        scenario = FleetSimulator.run(SEED, START, END, STEP, run);
    }

    static Predicate<Labels> named(String name, String... pairs) {
        return l -> {
            if (!l.metricName().equals(name)) {
                return false;
            }
            for (int i = 0; i < pairs.length; i += 2) {
                if (!pairs[i + 1].equals(l.get(pairs[i]))) {
                    return false;
                }
            }
            return true;
        };
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() {
        Recorded again = new Recorded();
        FleetSimulator.run(SEED, START, END, STEP, again);
        assertThat(again.samples).isEqualTo(run.samples);
        assertThat(again.hash).isEqualTo(run.hash);
        assertThat(again.guardrail).isEqualTo(run.guardrail);
        Recorded other = new Recorded();
        FleetSimulator.run(SEED + 1, START, END, STEP, other);
        assertThat(other.hash).isNotEqualTo(run.hash);
    }

    @Test
    void eventsDoNotChangeTheNumbers() {
        long[] hash = {17};
        FleetSimulator.run(SEED, START, END, STEP, (labels, t, v) ->
                hash[0] = hash[0] * 31 + labels.hashCode() * 7L + t + Double.hashCode(v));
        assertThat(hash[0]).isEqualTo(run.hash);
    }

    @Test
    void coversTheContract() {
        List<String> names = run.values.keySet().stream().map(Labels::metricName).distinct().toList();
        for (FleetMetrics.Family f : FleetMetrics.FAMILIES) {
            assertThat(names).anyMatch(f::owns);
        }
        assertThat(run.values.keySet()).extracting(l -> l.get("team")).contains("payments-core", "web-platform",
                "data-eng", "mobile");
        assertThat(run.values.keySet()).extracting(l -> l.get("category")).contains("prompt_injection",
                "secret_access", "sensitive_information", "excessive_agency", "system_prompt_leakage", "toxicity",
                "unbounded_consumption");
        assertThat(run.values.size()).isBetween(250, 700);
    }

    @Test
    void countersOnlyDropWhereTheirServiceRestarted() {
        int resets = 0;
        for (Map.Entry<Labels, List<Double>> e : run.values.entrySet()) {
            Labels l = e.getKey();
            if (!l.metricName().endsWith("_total") && !l.metricName().endsWith("_bucket")) {
                continue;
            }
            String service = l.has("service") ? l.get("service") : FleetCatalog.GATEWAY;
            List<long[]> ts = run.times.get(l);
            for (int i = 1; i < e.getValue().size(); i++) {
                if (e.getValue().get(i) < e.getValue().get(i - 1)) {
                    resets++;
                    assertThat(scenario.restartedIn(service, ts.get(i - 1)[0], ts.get(i)[0]))
                            .as("drop of %s at %s", l, Instant.ofEpochMilli(ts.get(i)[0])).isTrue();
                }
            }
        }
        assertThat(resets).as("deploys and crashes reset counters").isGreaterThan(50);
    }

    @Test
    void scrapeGapsHaveNoSamples() {
        long inGap = Instant.parse("2026-11-12T02:10:00Z").toEpochMilli(); // search, anchor-8d 02:00-02:25
        assertThat(scenario.scrapeGap("search", inGap)).isTrue();
        run.times.forEach((labels, ts) -> {
            if ("search".equals(labels.get("service"))) {
                assertThat(ts).noneMatch(t -> t[0] == inGap + FleetSimulation.scrapeOffsetMillis("search"));
            }
        });
        assertThat(run.times.get(Labels.of("__name__", "vigia_build_info", "service", "payments", "version", scenario.versionAt("payments", inGap))))
                .anyMatch(t -> t[0] == inGap + FleetSimulation.scrapeOffsetMillis("payments"));
    }

    @Test
    void paymentsDeployRegressesP95AndTheFixRestoresIt() {
        long deploy = scenario.regressionDeploy().timeMillis();
        long fix = scenario.fixDeploy().timeMillis();
        long hour = Duration.ofHours(1).toMillis();
        double before = p95(deploy - hour, deploy);
        double after = p95(deploy, deploy + hour);
        double fixed = p95(fix, fix + hour);
        assertThat(after).isGreaterThan(before * 2);
        assertThat(fixed).isLessThan(after / 2);
    }

    private double p95(long from, long to) {
        double[] bounds = FleetCatalog.LATENCY_BUCKETS;
        double[] cumulative = new double[bounds.length + 1];
        for (int i = 0; i <= bounds.length; i++) {
            String le = i < bounds.length ? FleetSimulation.formatBound(bounds[i]) : "+Inf";
            cumulative[i] = run.increase(named(FleetMetrics.HTTP + "_bucket", "service", "payments",
                    "http_route", "/v1/payments", "le", le), from, to);
        }
        double rank = 0.95 * cumulative[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                double lower = i == 0 ? 0 : bounds[i - 1];
                double below = i == 0 ? 0 : cumulative[i - 1];
                return lower + (bounds[i] - lower) * (rank - below) / (cumulative[i] - below);
            }
        }
        return bounds[bounds.length - 1];
    }

    @Test
    void injectionCampaignMultipliesBlockedPrompts() {
        FleetScenario.Window campaign = scenario.injectionCampaign();
        long length = campaign.endMillis() - campaign.startMillis();
        Predicate<Labels> injection = named(FleetMetrics.GUARDRAIL + "_total", "category", "prompt_injection");
        double during = run.increase(injection, campaign.startMillis(), campaign.endMillis());
        double weekBefore = run.increase(injection, campaign.startMillis() - Duration.ofDays(7).toMillis(),
                campaign.startMillis() - Duration.ofDays(7).toMillis() + length);
        assertThat(during).isGreaterThan(weekBefore * 4);
    }

    @Test
    void sastFlaggedShareRisesAfterTheModelChange() {
        long change = scenario.modelChange().timeMillis();
        long week = Duration.ofDays(7).toMillis();
        double flaggedBefore = run.increase(named(FleetMetrics.SAST + "_total", "team", "payments-core"), change - week, change);
        double acceptedBefore = run.increase(named(FleetMetrics.ACCEPTED + "_total", "team", "payments-core"), change - week, change);
        double flaggedAfter = run.increase(named(FleetMetrics.SAST + "_total", "team", "payments-core"), change, change + week);
        double acceptedAfter = run.increase(named(FleetMetrics.ACCEPTED + "_total", "team", "payments-core"), change, change + week);
        assertThat(flaggedAfter / acceptedAfter).isGreaterThan(1.8 * flaggedBefore / acceptedBefore);
    }

    @Test
    void driftEpisodeShiftsPromptTokens() {
        FleetScenario.Window drift = scenario.driftEpisode();
        double meanDuring = mean(drift.startMillis(), drift.endMillis());
        long span = drift.endMillis() - drift.startMillis();
        double meanBefore = mean(drift.startMillis() - span, drift.startMillis());
        assertThat(meanDuring).isGreaterThan(meanBefore * 2);
    }

    private double mean(long from, long to) {
        double sum = run.increase(named(FleetMetrics.FEATURE + "_sum", "feature", "prompt_tokens"), from, to);
        double count = run.increase(named(FleetMetrics.FEATURE + "_count", "feature", "prompt_tokens"), from, to);
        return sum / count;
    }

    @Test
    void acceptanceRateIsPlausibleAndHasADailyCycle() {
        double accepted = run.increase(named(FleetMetrics.ACCEPTED + "_total"), START, END);
        double shown = run.increase(named(FleetMetrics.SHOWN + "_total"), START, END);
        assertThat(accepted / shown).isCloseTo(0.3, within(0.05));
        // Madrid at 04:00 UTC is night, 11:00 UTC office hours.
        long night = Instant.parse("2026-11-18T04:00:00Z").toEpochMilli();
        long day = Instant.parse("2026-11-18T11:00:00Z").toEpochMilli();
        Predicate<Labels> madrid = named(FleetMetrics.SHOWN + "_total", "team", "payments-core");
        assertThat(run.increase(madrid, day - Duration.ofHours(1).toMillis(), day))
                .isGreaterThan(10 * run.increase(madrid, night - Duration.ofHours(1).toMillis(), night));
    }

    @Test
    void auditEventsMatchTheCounters() {
        double blockedOrRedacted = run.increase(l -> l.metricName().equals(FleetMetrics.GUARDRAIL + "_total")
                && !"allowed".equals(l.get("decision")), START - STEP, END + STEP);
        assertThat((double) run.guardrail.size()).isEqualTo(blockedOrRedacted);
        double flagged = run.increase(named(FleetMetrics.SAST + "_total"), START - STEP, END + STEP);
        assertThat((double) run.findings.size()).isEqualTo(flagged);
        assertThat(run.findings).allSatisfy(f -> {
            assertThat(f.findingStartLine()).isBetween(f.suggestionStartLine(), f.suggestionEndLine());
            assertThat(f.rule().language()).isEqualTo(f.language());
        });
    }

    @Test
    void backfillFileReadsBackAsTheSameSamples() throws Exception {
        long end = START + Duration.ofDays(2).toMillis();
        StringWriter text = new StringWriter();
        MemorySeriesWriter direct = new MemorySeriesWriter();
        FleetSimulator.run(SEED, START, end, STEP, new FanOutSink(List.of(
                new OpenMetricsBackfillWriter(text), new SeriesWriterSink(direct))));
        direct.commit();
        MemorySeriesWriter imported = new MemorySeriesWriter();
        OpenMetricsImporter.importFrom(new StringReader(text.toString()), imported, n -> { });
        assertThat(text.toString()).startsWith("# TYPE vigia_copilot_suggestions_shown counter\n").endsWith("# EOF\n");
        assertThat(new java.util.HashSet<>(imported.committed())).isEqualTo(new java.util.HashSet<>(direct.committed()));
    }

    @Test
    void auditFilesAreWritten(@TempDir Path dir) throws Exception {
        long end = START + Duration.ofDays(3).toMillis();
        AuditFilesSink files = new AuditFilesSink(dir);
        FleetSimulator.run(SEED, START, end, STEP, files);
        assertThat(Files.readAllLines(dir.resolve(AuditFilesSink.GUARDRAIL_FILE))).hasSize((int) files.guardrailEvents())
                .allSatisfy(line -> assertThat(line).startsWith("{\"ts\":\"2026-").contains("\"prompt\":"));
        assertThat(Files.readAllLines(dir.resolve(AuditFilesSink.SUGGESTIONS_FILE))).hasSize((int) files.findings());
        try (Stream<Path> sarif = Files.list(dir.resolve(AuditFilesSink.SARIF_DIR))) {
            List<Path> logs = sarif.sorted().toList();
            assertThat(logs).isNotEmpty();
            long results = 0;
            for (Path log : logs) {
                String s = Files.readString(log);
                assertThat(s).contains("\"version\" : \"2.1.0\"");
                results += s.split("\"ruleId\"", -1).length - 1;
            }
            assertThat(results).isEqualTo(files.findings());
        }
    }

    @Test
    void liveExporterServesTheFleetThroughThePrometheusClient() throws Exception {
        long[] now = {END};
        try (SimulatorExporter exporter = SimulatorExporter.start("127.0.0.1", 0, SEED, 15_000, () -> now[0])) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build();
            String first = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            now[0] += Duration.ofMinutes(10).toMillis();
            String later = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Map<Labels, Double> a = parse(first);
            Map<Labels, Double> b = parse(later);
            Labels shown = a.keySet().stream().filter(l -> l.metricName().equals(FleetMetrics.SHOWN + "_total")).findFirst().orElseThrow();
            assertThat(b.get(shown)).isGreaterThanOrEqualTo(a.get(shown));
            assertThat(a.keySet()).anyMatch(l -> l.metricName().equals(FleetMetrics.HTTP + "_bucket")
                    && "+Inf".equals(l.get("le")));
            assertThat(later).contains("# UNIT http_server_request_duration_seconds seconds");
        }
    }

    private static Map<Labels, Double> parse(String openMetrics) throws Exception {
        Map<Labels, Double> out = new HashMap<>();
        ExpositionParser.parse(new StringReader(openMetrics), ExpositionFormat.OPENMETRICS,
                (labels, value, hasTs, ts, exemplar) -> out.put(labels, value));
        return out;
    }
}
