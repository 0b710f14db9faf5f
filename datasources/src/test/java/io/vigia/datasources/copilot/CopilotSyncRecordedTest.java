package io.vigia.datasources.copilot;

import io.vigia.datasources.copilot.usage.Caveat;
import io.vigia.datasources.copilot.usage.CopilotUsageQuery;
import io.vigia.datasources.copilot.usage.ReportKind;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code vigia sync copilot} against a local HTTP server in place of GitHub, serving the recorded
 * files of the shared corpus (corpus/copilot-metrics): the report endpoints answer with
 * download links (the corpus's own download-links file for the 28-day report), the links
 * redirect to storage as GitHub's signed links do, the users report comes split over two links
 * (each half of the corpus's users report) whose first one has expired by the time it is
 * fetched, the 28-day report is rate limited once (429, Retry-After), and the seat list comes in
 * two pages.
 */
class CopilotSyncRecordedTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");
    private static final String TOKEN = "ghp_recordedtoken0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2026, 4, 25);
    private static final String API = "/orgs/octo-org/copilot/metrics/reports/";

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final List<SyncProgress> progress = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile boolean rateLimitUsersFor = false;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        String org = Files.readString(DIR.resolve("cmv-newapi-organization-1-day-report.json"));
        String links28 = Files.readString(DIR.resolve("cmv-newapi-download-links-organization-28-day.json"));
        JsonNode users = JSON.readTree(Files.readString(DIR.resolve("cmv-newapi-organization-users-1-day-report.json"))).path("day_totals");
        JsonNode seats = JSON.readTree(Files.readString(DIR.resolve("cmv-organization_seats_response_sample.json")));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                String day = request.getUrl().queryParameter("day");
                int n = calls.computeIfAbsent(path + "?" + day, k -> new AtomicInteger()).incrementAndGet();
                return switch (path) {
                    case API + "organization-28-day/latest" -> n == 1
                            ? new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{\"message\":\"slow down\"}").build()
                            : json(links28);
                    // the corpus's download link is relative: GitHub's storage, here, redirects it to the signed blob
                    case "/mock-data/new-api/organization-28-day-report.json" -> redirect("/blob/organization-28-day.json?sig=s1&se=1");
                    case "/blob/organization-28-day.json" -> json(org);
                    case API + "users-28-day/latest" -> new MockResponse.Builder().code(204).build();
                    case API + "users-1-day" -> {
                        if (rateLimitUsersFor && day.equals("2026-03-01")) {
                            yield new MockResponse.Builder().code(403).addHeader("X-RateLimit-Remaining", "0")
                                    .addHeader("X-RateLimit-Reset", String.valueOf(Instant.parse("2026-04-27T07:00:00Z").getEpochSecond()))
                                    .body("{\"message\":\"API rate limit exceeded\"}").build();
                        }
                        yield DAY.toString().equals(day)
                                ? json("{\"download_links\":[\"" + server.url("/storage/users-a.ndjson?sig=v" + n) + "\",\""
                                + server.url("/storage/users-b.ndjson?sig=v" + n) + "\"],\"report_day\":\"" + day + "\"}")
                                : json("{\"download_links\":[],\"report_day\":\"" + day + "\"}");
                    }
                    case "/storage/users-a.ndjson", "/storage/users-b.ndjson" -> {
                        String sig = request.getUrl().queryParameter("sig");
                        if ("v1".equals(sig)) {
                            // Azure Blob's answer to a SAS link past its expiry
                            yield new MockResponse.Builder().code(403).body("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
                                    + "AuthenticationFailed</Code><Message>Signed expiry time has to be after signed start time</Message>"
                                    + "</Error>").build();
                        }
                        yield redirect("/blob/" + path.substring("/storage/".length()) + "?sig=" + sig);
                    }
                    case "/blob/users-a.ndjson" -> json(users.get(0).toString() + "\n");
                    case "/blob/users-b.ndjson" -> json(users.get(1).toString() + "\n");
                    case API + "organization-1-day", API + "repos-1-day" -> json("{\"download_links\":[],\"report_day\":\"" + day + "\"}");
                    case API + "user-teams-1-day" -> new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
                    case "/orgs/octo-org/copilot/billing/seats" -> seatsPage(seats, request.getUrl().queryParameter("page"));
                    default -> new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
                };
            }
        });
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
    }

    /**
     * Sockets that send small writes at once: with Nagle's algorithm on the server side and
     * delayed ACKs on the client, each of the hundreds of small exchanges waits about 40 ms.
     */
    private static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address) throws IOException {
            throw new UnsupportedOperationException();
        }
    }

    private MockResponse seatsPage(JsonNode seats, String page) {
        boolean first = page == null;
        StringBuilder body = new StringBuilder("{\"total_seats\":" + seats.path("total_seats").asInt() + ",\"seats\":[");
        for (int i = first ? 0 : 5; i < (first ? 5 : seats.path("seats").size()); i++) {
            body.append(i == 0 || i == 5 ? "" : ",").append(seats.path("seats").get(i));
        }
        MockResponse.Builder b = new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body + "]}");
        if (first) {
            b.addHeader("Link", "<" + server.url("/orgs/octo-org/copilot/billing/seats?per_page=100&page=2") + ">; rel=\"next\"");
        }
        return b.build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CopilotSync sync(Workspace ws, SqliteSeriesStore store, Clock clock) {
        GitHubCopilotClient client = new GitHubCopilotClient(new OkHttpClient(), server.url("/"), TOKEN,
                GitHubCopilotClient.Owner.organization("octo-org"), clock,
                new GitHubCopilotClient.Options(Duration.ofMinutes(2), 3, slept::add, m -> progress.add(SyncProgress.notice(m))));
        return new CopilotSync(client, ws, store, clock);
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void recordedReportsAreBackfilledOverTheWholeWindowOnceThroughRedirectsExpiredLinksA429AndSeatPages() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-04-27T06:00:00Z"), ZoneOffset.UTC);
        try (Workspace ws = Workspace.open(dir.resolve("s.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            CopilotSync.Plan plan = CopilotSync.Plan.wholeWindow(clock);
            assertThat(plan.from()).isEqualTo(LocalDate.of(2025, 10, 10));
            assertThat(plan.to()).isEqualTo(LocalDate.of(2026, 4, 26));
            long days = plan.to().toEpochDay() - plan.from().toEpochDay() + 1;
            CopilotSync.Summary s = sync(ws, store, clock).sync(plan, progress::add);

            // 4 daily reports a day, but the 28-day report gave the organization's 2026-04-25, and the two 28-day reports
            assertThat(s.requests()).isEqualTo(days * 4 - 1 + 2);
            assertThat(s.reportsStored()).isEqualTo(2); // the 28-day organization report, the users report of 2026-04-25
            assertThat(s.recordsAdded()).isEqualTo(3);
            assertThat(s.seats()).isEqualTo(9);
            assertThat(slept).containsExactly(Duration.ofSeconds(1));
            assertThat(calls.get(API + "organization-28-day/latest?null").get()).isEqualTo(2);
            assertThat(calls.get(API + "users-1-day?2026-04-25").get()).as("the expired link made the report be asked again").isEqualTo(2);
            assertThat(calls.get("/orgs/octo-org/copilot/billing/seats?null").get()).isEqualTo(2);
            assertThat(requests).filteredOn(r -> r.getUrl().encodedPath().startsWith("/blob/")).hasSize(3);
            assertThat(requests).allSatisfy(r -> {
                boolean api = r.getUrl().encodedPath().startsWith("/orgs/");
                assertThat(r.getHeaders().get("Authorization")).as(r.getUrl().toString()).isEqualTo(api ? "Bearer " + TOKEN : null);
            });

            CopilotUsageQuery q = new CopilotUsageQuery(ws);
            assertThat(q.record("octo-org", DAY, ReportKind.ENTITY, "")).isPresent();
            assertThat(q.record("octo-org", DAY, ReportKind.USER, "338097").orElseThrow().path("ai_credits_used").asDouble()).isEqualTo(2.5);
            assertThat(q.record("octo-org", DAY, ReportKind.USER, "338094")).isPresent();
            assertThat(lastValue(store, "github_copilot_usage_ide_code_generation_activity_count")).isEqualTo(40);
            assertThat(lastValue(store, "github_copilot_usage_users_ai_credits_used")).isEqualTo(7.5);
            assertThat(lastValue(store, "github_copilot_seats")).isEqualTo(9);
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "vigia_copilot_suggestions_accepted_total")))).isNotEmpty();
            assertThat(q.caveats("octo-org", LocalDate.of(2026, 4, 27), LocalDate.of(2026, 4, 27)))
                    .filteredOn(c -> c.kind() == Caveat.Kind.TEAMS_BELOW_FIVE_SEATS).extracting(Caveat::subject)
                    .containsExactly("backend-team", "frontend-team", "the-a-team");

            assertThat(progress.getFirst().stage()).isEqualTo(SyncProgress.Stage.PLANNED);
            assertThat(progress.getLast().stage()).isEqualTo(SyncProgress.Stage.DONE);
            assertThat(progress).filteredOn(p -> p.stage() == SyncProgress.Stage.FETCHING).hasSize(s.requests());
            assertThat(progress).extracting(SyncProgress::message).anySatisfy(m -> assertThat(m).contains("rate limit").contains("1 s"))
                    .anySatisfy(m -> assertThat(m).contains("asking GitHub for fresh links"))
                    .anySatisfy(m -> assertThat(m).startsWith("no user-teams-1-day for"));

            // next run, same day: only the recent days GitHub had nothing for yet are asked again
            requests.clear();
            CopilotSync.Summary again = sync(ws, store, clock).sync(plan, progress::add);
            assertThat(again.recordsAdded()).isZero();
            assertThat(requests).filteredOn(r -> r.getUrl().queryParameter("day") != null)
                    .allSatisfy(r -> assertThat(LocalDate.parse(r.getUrl().queryParameter("day"))).isAfterOrEqualTo(LocalDate.of(2026, 4, 24)));
            assertThat(again.requests()).isEqualTo(2 + 2 + 2 + 3 + 3); // the 28-day reports; 04-24 and 04-26 of four reports, 04-25 of two

            // the next day: one more day of every report
            requests.clear();
            Clock tomorrow = Clock.offset(clock, Duration.ofDays(1));
            sync(ws, store, tomorrow).sync(CopilotSync.Plan.wholeWindow(tomorrow), progress::add);
            assertThat(requests).filteredOn(r -> "2026-04-27".equals(r.getUrl().queryParameter("day"))).hasSize(4);
        }
    }

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void aRecordedRateLimitBeyondTheLongestWaitStopsTheSyncKeepingWhatItFetched() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-04-27T06:00:00Z"), ZoneOffset.UTC);
        rateLimitUsersFor = true;
        try (Workspace ws = Workspace.open(dir.resolve("r.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            CopilotSync.Plan plan = CopilotSync.Plan.wholeWindow(clock);
            assertThatThrownBy(() -> sync(ws, store, clock).sync(plan, progress::add))
                    .isInstanceOfSatisfying(CopilotApiException.class, e -> {
                        assertThat(e.isRateLimit()).isTrue();
                        assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-04-27T07:00:00Z"));
                    });
            // the days newer than the limited one are stored, with the 28-day and users reports of 2026-04-25
            assertThat(new CopilotUsageQuery(ws).record("octo-org", DAY, ReportKind.USER, "338097")).isPresent();
            long fetchedBefore = requests.stream().filter(r -> r.getUrl().queryParameter("day") != null).count();
            rateLimitUsersFor = false;
            requests.clear();
            sync(ws, store, clock).sync(plan, progress::add);
            assertThat(requests).filteredOn(r -> r.getUrl().queryParameter("day") != null)
                    .allSatisfy(r -> assertThat(LocalDate.parse(r.getUrl().queryParameter("day")))
                            .satisfiesAnyOf(d -> assertThat(d).isBeforeOrEqualTo(LocalDate.of(2026, 3, 1)),
                                    d -> assertThat(d).isAfterOrEqualTo(LocalDate.of(2026, 4, 24))));
            assertThat(fetchedBefore).isGreaterThan(4 * 50);
        }
    }

    private static double lastValue(SqliteSeriesStore store, String metric) {
        List<SeriesData> d = store.select(List.of(LabelMatcher.equal("__name__", metric)), Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(d).as(metric).hasSize(1);
        return d.getFirst().values()[d.getFirst().size() - 1];
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    private MockResponse redirect(String to) {
        return new MockResponse.Builder().code(302).addHeader("Location", server.url(to).toString()).build();
    }
}
