package io.vigia.datasources.copilot;

import io.vigia.testsupport.NeedsSharedCorpus;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GitHub cannot be reached from here: the recorded files of the shared corpus
 * (corpus/copilot-metrics) are served by a local HTTP server in place of GitHub's API and of the
 * signed report storage, and read through the real client.
 */
class CopilotRecordedResponsesTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");
    private static final String TOKEN = "ghp_testtoken0123456789";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private GitHubCopilotClient client;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                return routes.getOrDefault(path, new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());
            }
        });
        server.start();
        client = new GitHubCopilotClient(new OkHttpClient(), server.url("/"), TOKEN,
                GitHubCopilotClient.Owner.organization("octo-org"), Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Every recorded file of the corpus, served the way GitHub serves its kind, each first
     * answered with a 429 (Retry-After: 1, the wait recorded rather than slept): legacy daily
     * arrays over two pages of /copilot/metrics, usage reports behind a signed link that redirects
     * to storage, the download-links answer with its own (relative) link redirected, the seat
     * list over two pages. The client reads back what the parser reads from the file.
     */
    @TestFactory
    @NeedsSharedCorpus("corpus/copilot-metrics")
    Stream<DynamicTest> everyRecordedCorpusFileIsServedBehindA429RedirectsAndPagesAndReadBack() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        String org = Files.readString(DIR.resolve("cmv-newapi-organization-1-day-report.json"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f);
            List<java.time.Duration> slept = new CopyOnWriteArrayList<>();
            GitHubCopilotClient c = new GitHubCopilotClient(new OkHttpClient(), server.url("/"), TOKEN,
                    GitHubCopilotClient.Owner.organization("octo-org"), fixed("2026-05-10T06:00:00Z"),
                    new GitHubCopilotClient.Options(Duration.ofSeconds(5), 3, slept::add, m -> { }));
            CopilotMetricsParser.Document doc = CopilotMetricsParser.parse("octo-org", text);
            JsonNode json = JsonMapper.builder().build().readTree(text);
            Map<String, Integer> calls = new ConcurrentHashMap<>();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requests.add(request);
                    String path = request.getUrl().encodedPath();
                    String page = request.getUrl().queryParameter("page");
                    if (calls.merge(path, 1, Integer::sum) == 1 && path.startsWith("/orgs/")) {
                        return new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build();
                    }
                    return switch (path) {
                        case "/orgs/octo-org/copilot/metrics" -> page == null
                                ? paged(json, 0, 1, "/orgs/octo-org/copilot/metrics?page=2") : paged(json, 1, json.size(), null);
                        case "/orgs/octo-org/copilot/billing/seats" -> {
                            ObjectNode p = ((ObjectNode) json).deepCopy();
                            ArrayNode all = (ArrayNode) json.path("seats");
                            ArrayNode part = p.putArray("seats");
                            for (int i = page == null ? 0 : 4; i < (page == null ? 4 : all.size()); i++) {
                                part.add(all.get(i));
                            }
                            MockResponse.Builder b = new MockResponse.Builder().body(p.toString());
                            if (page == null) {
                                b.addHeader("Link", "<" + server.url("/orgs/octo-org/copilot/billing/seats?page=2") + ">; rel=\"next\"");
                            }
                            yield b.build();
                        }
                        case "/orgs/octo-org/copilot/metrics/reports/organization-1-day" ->
                                json("{\"download_links\":[\"" + server.url("/storage/r.json?sig=abc") + "\"],\"report_day\":\"x\"}");
                        case "/orgs/octo-org/copilot/metrics/reports/organization-28-day/latest" -> json(text);
                        case "/storage/r.json" -> redirect("/blob/r.json?sig=abc&se=2026");
                        case "/blob/r.json" -> json(text);
                        case "/mock-data/new-api/organization-28-day-report.json" -> redirect("/blob/28.json?sig=def");
                        case "/blob/28.json" -> json(org);
                        default -> new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
                    };
                }
            });
            switch (doc) {
                case CopilotMetricsParser.Days days when days.source().isLegacy() ->
                        assertThat(c.legacyMetrics(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1))).isEqualTo(days.days());
                case CopilotMetricsParser.Days days -> {
                    List<String> got = c.report(ReportEndpoint.ENTITY_1_DAY, LocalDate.of(2026, 4, 25));
                    assertThat(got).containsExactly(text);
                    assertThat(c.reportForDay(LocalDate.of(2026, 4, 25))).isEqualTo(days.days());
                    assertThat(requests).filteredOn(r -> r.getUrl().encodedPath().startsWith("/blob/"))
                            .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
                }
                case CopilotMetricsParser.DownloadLinks links -> {
                    assertThat(links.links()).isNotEmpty();
                    assertThat(c.report(ReportEndpoint.ENTITY_28_DAY, null)).containsExactly(org);
                }
                case CopilotMetricsParser.Seats seats -> {
                    assertThat(seats.seats()).hasSize(seats.totalSeats());
                    assertThat(c.seats().seats()).isEqualTo(seats.seats());
                    assertThat(calls.get("/orgs/octo-org/copilot/billing/seats")).isEqualTo(3);
                }
            }
            assertThat(slept).containsExactly(Duration.ofSeconds(1));
        }));
    }

    private MockResponse paged(JsonNode array, int from, int to, String next) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            b.append(i > from ? "," : "").append(array.get(i));
        }
        MockResponse.Builder r = new MockResponse.Builder().addHeader("Content-Type", "application/json").body(b.append(']').toString());
        if (next != null) {
            r.addHeader("Link", "<" + server.url(next) + ">; rel=\"next\"");
        }
        return r.build();
    }

    private MockResponse redirect(String to) {
        return new MockResponse.Builder().code(302).addHeader("Location", server.url(to).toString()).build();
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void legacyMetricsDaysCarryEditorModelAndLanguage() throws IOException {
        var days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("o",
                Files.readString(DIR.resolve("cmv-organization_metrics_response_sample.json")))).days();
        // reference values computed with python3 over the same JSON, independently of this parser
        assertThat(days).hasSize(21);
        CopilotDay first = days.getFirst();
        assertThat(first.day()).isEqualTo(LocalDate.of(2024, 11, 4));
        assertThat(first.activeUsers()).isEqualTo(4);
        assertThat(first.totals()).extracting(CompletionCounts::suggestions, CompletionCounts::acceptances,
                CompletionCounts::linesSuggested, CompletionCounts::linesAccepted).containsExactly(21L, 11L, 82L, 20L);
        assertThat(AcceptanceRate.BY_COUNT.over(days)).isCloseTo(6665.0 / 21255.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void legacyUsageBreakdownsThatDoNotAddUpKeepTheTotalsExact() throws IOException {
        var days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("o",
                Files.readString(DIR.resolve("cmv-organization_usage_response_sample.json")))).days();
        CopilotDay first = days.getFirst();
        assertThat(first.totals().suggestions()).isEqualTo(8312);
        assertThat(first.totals().acceptances()).isEqualTo(2009);
        assertThat(first.completions()).anySatisfy(c -> {
            assertThat(c.language()).isEqualTo(CopilotMetricsParser.UNATTRIBUTED);
            assertThat(c.suggestions()).isEqualTo(12);
        });
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void usageReportCountsOnlyCodeCompletionForAcceptance() throws IOException {
        var days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("o",
                Files.readString(DIR.resolve("cmv-newapi-organization-1-day-report.json")))).days();
        assertThat(days).hasSize(1);
        CopilotDay d = days.getFirst();
        assertThat(d.source()).isEqualTo(CopilotSource.USAGE_REPORT);
        assertThat(d.activeUsers()).isEqualTo(2);
        assertThat(d.totals().suggestions()).isEqualTo(40);
        assertThat(d.totals().acceptances()).isEqualTo(4);
        assertThat(d.completions()).extracting(CompletionCounts::language)
                .containsExactly("typescript", "python", "javascript", "go", "markdown");
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void signedDownloadLinksGetNoTokenButTheApiDoes() throws IOException {
        routes.put("/orgs/octo-org/copilot/metrics/reports/organization-1-day",
                json("{\"download_links\":[\"/storage/report.json?sig=s3cr3t\"],\"report_day\":\"2026-04-25\"}"));
        routes.put("/storage/report.json", json(Files.readString(DIR.resolve("cmv-newapi-organization-1-day-report.json"))));
        assertThat(client.reportForDay(LocalDate.of(2026, 4, 25))).hasSize(1);
        RecordedRequest api = requests.get(0);
        RecordedRequest download = requests.get(1);
        assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(api.getHeaders().get("X-GitHub-Api-Version")).isEqualTo(GitHubCopilotClient.API_VERSION);
        assertThat(api.getUrl().queryParameter("day")).isEqualTo("2026-04-25");
        assertThat(download.getHeaders().get("Authorization")).isNull();
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void dailySyncStoresTheDayAndItsCopilotHealthCountersOnceAndSkipsItNextTime(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        routes.put("/orgs/octo-org/copilot/metrics/reports/organization-1-day",
                json("{\"download_links\":[\"/storage/report.json?sig=s3cr3t\"],\"report_day\":\"2026-04-25\"}"));
        routes.put("/storage/report.json", json(Files.readString(DIR.resolve("cmv-newapi-organization-1-day-report.json"))));
        try (io.vigia.persistence.workspace.Workspace ws = io.vigia.persistence.workspace.Workspace.open(dir.resolve("s.vigia"));
             io.vigia.persistence.series.SqliteSeriesStore store = new io.vigia.persistence.series.SqliteSeriesStore(ws)) {
            CopilotSync sync = new CopilotSync(client, ws, store, fixed("2026-05-10T06:00:00Z"));
            CopilotSync.Plan day = new CopilotSync.Plan(LocalDate.of(2026, 4, 25), LocalDate.of(2026, 4, 25),
                    List.of(ReportEndpoint.ENTITY_1_DAY), false, false);
            CopilotSync.Summary first = sync.sync(day, SyncProgress.Listener.NONE);
            assertThat(first.requests()).isEqualTo(1);
            assertThat(first.reportsStored()).isEqualTo(1);
            assertThat(first.healthDays()).isEqualTo(1);
            assertThat(store.series(List.of(io.vigia.persistence.series.LabelMatcher.equal("__name__",
                    CopilotUsageCounters.ACCEPTED)))).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.get("source")).isEqualTo("usage-report"));
            int calls = requests.size();
            CopilotSync.Summary again = sync.sync(day, SyncProgress.Listener.NONE);
            assertThat(again.requests()).as("a day the usage report already gave is not fetched again").isZero();
            assertThat(requests).hasSize(calls);
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void legacyPaginationFollowsTheLinkHeader() throws IOException {
        String all = Files.readString(DIR.resolve("cmv-organization_metrics_response_sample.json"));
        var days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("octo-org", all)).days();
        JsonNode array = JsonMapper.builder().build().readTree(all);
        String page1 = "[" + array.get(0) + "," + array.get(1) + "]";
        StringBuilder rest = new StringBuilder("[");
        for (int i = 2; i < array.size(); i++) {
            rest.append(i > 2 ? "," : "").append(array.get(i));
        }
        rest.append(']');
        routes.put("/orgs/octo-org/copilot/metrics", new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .addHeader("Link", "<" + server.url("/orgs/octo-org/copilot/metrics/page2") + ">; rel=\"next\"").body(page1).build());
        routes.put("/orgs/octo-org/copilot/metrics/page2", json(rest.toString()));
        assertThat(client.legacyMetrics(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 30))).isEqualTo(days);
    }

    @Test
    void aShortRateLimitIsWaitedOutAndALongOneReported() {
        routes.put("/orgs/octo-org/copilot/metrics/reports/organization-28-day/latest",
                new MockResponse.Builder().code(403).addHeader("X-RateLimit-Remaining", "0")
                        .addHeader("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()))
                        .body("{\"message\":\"API rate limit exceeded\"}").build());
        assertThatThrownBy(() -> client.latest28Days()).isInstanceOfSatisfying(CopilotApiException.class, e -> {
            assertThat(e.isRateLimit()).isTrue();
            assertThat(e.getMessage()).contains("rate limit").contains("resets at");
        });
        server.setDispatcher(new Dispatcher() {
            private int calls;

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return calls++ == 0
                        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build()
                        : json("{\"download_links\":[],\"report_day\":\"2026-04-25\"}");
            }
        });
        assertThat(client.reportForDay(LocalDate.of(2026, 4, 25))).isEmpty();
    }

    @Test
    void errorsSayWhatToDo() {
        routes.put("/orgs/octo-org/copilot/metrics/reports/organization-28-day/latest",
                new MockResponse.Builder().code(401).body("{\"message\":\"Bad credentials\"}").build());
        assertThatThrownBy(() -> client.latest28Days()).hasMessageContaining("rejected the token");
        assertThatThrownBy(() -> client.legacyMetrics(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)))
                .hasMessageContaining("404").hasMessageContaining("retired on 2026-04-02");
        assertThatThrownBy(() -> CopilotMetricsParser.parse("o", "{\"message\":\"Not Found\",\"documentation_url\":\"x\"}"))
                .hasMessageContaining("GitHub API error");
        assertThatThrownBy(() -> CopilotMetricsParser.parse("o", "[{\"x\":1}]")).hasMessageContaining("neither \"date\" nor \"day\"");
        assertThatThrownBy(() -> CopilotMetricsParser.parse("o", "{\"day_totals\": [")).hasMessageStartingWith("not valid JSON");
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    static Clock fixed(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
