package io.vigia.app.cli;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.AuditFilesSink;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's "the Copilot Health dashboard shows data imported from each source on a fresh
 * workspace": a new workspace without the demo is fed through the real command line
 * ({@code vigia import ...}, the same {@code FileImporter} as the app's Import page) with a real
 * GitHub Copilot metrics file from the corpus, then the simulator's audit files ({@code --audit-dir}:
 * nightly SARIF logs and the accepted suggestions, plus a real SARIF log from the corpus), then
 * the simulator's guardrail audit log. After each step every Copilot Health panel is evaluated by
 * the embedded PromQL engine over the dashboard's own range (7 days) ending on the imported data,
 * and the panels with data must be exactly those the imported sources feed.
 */
class CopilotHealthFromImportsTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus");
    /** The last day of cmv-organization_metrics_response_sample.json is 2024-11-24. */
    private static final Instant END = Instant.parse("2024-11-24T23:00:00Z");

    private static final Set<String> FROM_COPILOT = Set.of("Acceptance rate", "Acceptance rate by lines", "Active users",
            "Acceptance rate by team (trailing 24 h)", "Acceptance rate by model (trailing 24 h)", "Acceptance by language",
            "Acceptance by editor", "Active users by team");
    private static final Set<String> FROM_SAST = Set.of("SAST-flagged per 1,000 accepted",
            "SAST-flagged per 1,000 accepted, by severity (trailing 24 h)");
    private static final Set<String> FROM_GUARDRAIL_LOG = Set.of("Prompts blocked", "Prompts blocked per hour, by category",
            "Prompts blocked by category");
    /** Fed by live exporters only: no file Vigia imports says what was reverted or what the model's inputs were. */
    private static final Set<String> LIVE_ONLY = Set.of("Reverted share of accepted",
            "Reverted share of accepted, by model (trailing 24 h)", "Input drift status");

    @TempDir
    Path dir;

    private CliRun vigia(String... args) {
        return CliRun.vigia(dir.resolve("fresh.vigia"), args);
    }

    @Test
    @NeedsSharedCorpus({"corpus/copilot-metrics", "corpus/sarif"})
    void everySourceFillsItsCopilotHealthPanelsOnAFreshWorkspace() throws IOException {
        Dashboard d = BuiltInDashboards.copilotHealth();
        Set<String> titles = new TreeSet<>();
        d.allPanels().forEach(p -> titles.add(p.title()));
        Set<String> covered = new TreeSet<>(FROM_COPILOT);
        covered.addAll(FROM_SAST);
        covered.addAll(FROM_GUARDRAIL_LOG);
        covered.addAll(LIVE_ONLY);
        assertThat(covered).as("every panel of Copilot Health is accounted for").isEqualTo(titles);

        Path audit = dir.resolve("audit");
        AuditFilesSink sink = new AuditFilesSink(audit);
        FleetSimulator.run(42, END.minus(Duration.ofDays(14)).toEpochMilli(), END.toEpochMilli(), 300_000, sink);
        assertThat(sink.findings()).as("the simulated fortnight has SAST-flagged suggestions").isPositive();
        assertThat(sink.guardrailEvents()).isPositive();

        // a fresh workspace: nothing stored, the demo neither loaded nor to be loaded by the CLI
        assertThat(vigia("dashboard", "list").exit()).isZero();
        try (Workspace ws = Workspace.open(dir.resolve("fresh.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            assertThat(store.seriesCount()).isZero();
            assertThat(new SettingsRepository(ws).get(DemoWorkspace.SETTING)).isEmpty();
        }
        assertThat(panelsWithData(d)).as("nothing before the first import").isEmpty();

        CliRun copilot = vigia("import", "copilot", "--scope", "octo-org",
                CORPUS.resolve("copilot-metrics/cmv-organization_metrics_response_sample.json").toString());
        assertThat(copilot.exit()).as(copilot.err()).isZero();
        assertThat(copilot.out()).contains("21 days: 21 imported, 0 already present, 0 rejected");
        assertThat(panelsWithData(d)).isEqualTo(FROM_COPILOT);

        List<String> sarif = new ArrayList<>(List.of("import", "sarif", "--suggestions",
                audit.resolve(AuditFilesSink.SUGGESTIONS_FILE).toString()));
        try (Stream<Path> files = Files.list(audit.resolve(AuditFilesSink.SARIF_DIR))) {
            files.sorted().forEach(f -> sarif.add(f.toString()));
        }
        sarif.add(CORPUS.resolve("sarif/codeql-action-valid-sarif-lgtm.sarif").toString());
        CliRun sast = vigia(sarif.toArray(String[]::new));
        assertThat(sast.exit()).as(sast.err()).isZero();
        assertThat(sast.out()).contains("accepted-suggestions.jsonl: " + sink.findings() + " accepted suggestions: "
                + sink.findings() + " imported", "codeql-action-valid-sarif-lgtm.sarif:");
        Set<String> expected = new TreeSet<>(FROM_COPILOT);
        expected.addAll(FROM_SAST);
        assertThat(panelsWithData(d)).isEqualTo(expected);

        CliRun guard = vigia("import", "guardrail-log", audit.resolve(AuditFilesSink.GUARDRAIL_FILE).toString());
        assertThat(guard.exit()).as(guard.err()).isZero();
        expected.addAll(FROM_GUARDRAIL_LOG);
        assertThat(panelsWithData(d)).isEqualTo(expected);

        // the same files again add nothing and change no panel
        Map<String, Double> before = lastValues(d);
        assertThat(vigia(sarif.toArray(String[]::new)).out()).contains(" 0 imported, ").doesNotContain("findings: 1 imported");
        assertThat(vigia("import", "guardrail-log", audit.resolve(AuditFilesSink.GUARDRAIL_FILE).toString()).out())
                .contains(": 0 imported, " + sink.guardrailEvents() + " already present");
        assertThat(vigia("import", "copilot", "--scope", "octo-org",
                CORPUS.resolve("copilot-metrics/cmv-organization_metrics_response_sample.json").toString()).out())
                .contains("21 days: 0 imported, 21 already present");
        assertThat(lastValues(d)).isEqualTo(before);
    }

    @Test
    void sastPanelsNeedTheAcceptedCountsSoSarifAloneLeavesThemEmpty() throws IOException {
        Path audit = dir.resolve("audit");
        FleetSimulator.run(42, END.minus(Duration.ofDays(10)).toEpochMilli(), END.toEpochMilli(), 300_000, new AuditFilesSink(audit));
        List<String> sarif = new ArrayList<>(List.of("import", "sarif", "--suggestions",
                audit.resolve(AuditFilesSink.SUGGESTIONS_FILE).toString()));
        try (Stream<Path> files = Files.list(audit.resolve(AuditFilesSink.SARIF_DIR))) {
            files.sorted().forEach(f -> sarif.add(f.toString()));
        }
        CliRun r = vigia(sarif.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        // the numerator is there ...
        try (Workspace ws = Workspace.open(dir.resolve("fresh.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            QueryResult res = new LocalPromqlSource("local", store).query(
                    "sum(increase(vigia_copilot_accepted_with_sast_findings_total[7d]))", END).result();
            assertThat(res).isInstanceOfSatisfying(QueryResult.Vector.class, v -> {
                assertThat(v.size()).isOne();
                assertThat(v.values()[0]).isPositive();
            });
        }
        // ... but "per 1,000 accepted" divides by accepted suggestions, which only Copilot metrics or a live exporter give
        assertThat(panelsWithData(BuiltInDashboards.copilotHealth())).isEmpty();
    }

    @Test
    @NeedsSharedCorpus({"corpus/copilot-metrics", "corpus/sarif"})
    void removingTheDemoKeepsTheImportedSeries() throws IOException {
        Dashboard d = BuiltInDashboards.copilotHealth();
        Path audit = dir.resolve("audit");
        FleetSimulator.run(42, END.minus(Duration.ofDays(9)).toEpochMilli(), END.toEpochMilli(), 300_000, new AuditFilesSink(audit));
        assertThat(vigia("import", "copilot", "--scope", "octo-org",
                CORPUS.resolve("copilot-metrics/cmv-organization_metrics_response_sample.json").toString()).exit()).isZero();
        List<String> sarif = new ArrayList<>(List.of("import", "sarif", "--suggestions",
                audit.resolve(AuditFilesSink.SUGGESTIONS_FILE).toString()));
        try (Stream<Path> files = Files.list(audit.resolve(AuditFilesSink.SARIF_DIR))) {
            files.sorted().forEach(f -> sarif.add(f.toString()));
        }
        assertThat(vigia(sarif.toArray(String[]::new)).exit()).isZero();
        assertThat(vigia("import", "guardrail-log", audit.resolve(AuditFilesSink.GUARDRAIL_FILE).toString()).exit()).isZero();
        Map<String, Double> imported = lastValues(d);
        Set<String> filled = panelsWithData(d);
        assertThat(filled).hasSize(FROM_COPILOT.size() + FROM_SAST.size() + FROM_GUARDRAIL_LOG.size());

        try (Workspace ws = Workspace.open(dir.resolve("fresh.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            DemoWorkspace.remove(new SettingsRepository(ws), store);
        }
        // the demo's metric names are the contract's: its removal deletes the imported series too,
        // and rebuilds them from the imported rows
        assertThat(panelsWithData(d)).isEqualTo(filled);
        assertThat(lastValues(d)).isEqualTo(imported);
    }

    private Set<String> panelsWithData(Dashboard d) {
        Set<String> out = new TreeSet<>();
        evaluate(d, (p, data) -> {
            if (data.series().stream().anyMatch(CopilotHealthFromImportsTest::hasValue)) {
                out.add(p.title());
            }
        });
        return out;
    }

    private Map<String, Double> lastValues(Dashboard d) {
        Map<String, Double> out = new java.util.TreeMap<>();
        evaluate(d, (p, data) -> {
            double sum = 0;
            for (TimeSeriesData s : data.series()) {
                for (double v : s.values()) {
                    if (Double.isFinite(v)) {
                        sum += v;
                    }
                }
            }
            out.put(p.title(), sum);
        });
        return out;
    }

    private void evaluate(Dashboard d, java.util.function.BiConsumer<Panel, PanelData> each) {
        try (Workspace ws = Workspace.open(dir.resolve("fresh.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            PanelDataLoader loader = new PanelDataLoader(name -> new LocalPromqlSource("local", store), DemoWorkspace.INTERVAL);
            TimeRange range = TimeRange.resolve(d.timeFrom(), d.timeTo(), END, java.time.ZoneOffset.UTC, java.time.DayOfWeek.MONDAY);
            for (Panel p : d.allPanels()) {
                PanelData data = loader.load(d, p, range, 1200, Map.of(), Map.of());
                assertThat(data.errors()).as(p.title()).isEmpty();
                each.accept(p, data);
            }
        }
    }

    private static boolean hasValue(TimeSeriesData s) {
        for (double v : s.values()) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
