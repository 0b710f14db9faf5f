package io.vigia.datasources.loki;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.api.ApiJson;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.HeaderSetting;
import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsSharedCorpus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file of {@code shared/corpus/loki} (Loki cannot run on this machine; these are recorded
 * real responses from Loki's docs and tests and Grafana's Loki test data), served by a local HTTP
 * server and read through {@link LokiClient}. A file without an expectation fails the test.
 */
@NeedsSharedCorpus("corpus/loki")
class LokiClientRecordedResponsesTest {
    private static final Path CORPUS = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "loki");
    private static final Instant START = Instant.ofEpochSecond(1_568_404_000);
    private static final Instant END = Instant.ofEpochSecond(1_568_405_000);

    private MockWebServer server;
    private LokiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ConnectionSettings s = ConnectionSettings.of(SourceType.LOKI, server.url("/").toString())
                .withTimeout(Duration.ofSeconds(5))
                .withHeaders(List.of(HeaderSetting.plain("X-Scope-OrgID", "tenant-a")));
        client = new LokiClient(s, new SecretResolver(new InMemorySecretStore(), n -> null), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Stream<String> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SOURCES.md")).sorted().toList();
            assertThat(names).as("corpus directory " + CORPUS).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void everyCorpusFileIsDecodedOrRejectedClearly(String file) throws Exception {
        FileCheck check = EXPECTATIONS.get(file);
        if (check == null) {
            fail("corpus file " + file + " has no expectation in " + getClass().getSimpleName() + "; add one");
        }
        check.run(this, CORPUS.resolve(file));
    }

    @Test
    void expectationsDoNotNameFilesThatDoNotExist() throws IOException {
        assertThat(corpusFiles().toList()).containsAll(EXPECTATIONS.keySet());
    }

    @FunctionalInterface
    interface FileCheck {
        void run(LokiClientRecordedResponsesTest t, Path file) throws Exception;
    }

    private void serve(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    private LokiResponse queryRange(Path file) throws IOException {
        serve(200, "application/json", read(file));
        return client.queryRange("{job=\"varlogs\"}", START, END, null, 1000, Direction.BACKWARD, CancellationToken.NONE);
    }

    private void rejectedAsQueryRange(Path file, String... messageParts) throws IOException {
        serve(200, "application/json", read(file));
        assertThatThrownBy(() -> client.queryRange("{job=\"x\"}", START, END, null, 100, Direction.FORWARD, CancellationToken.NONE))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.BAD_RESPONSE))
                .hasMessageContainingAll(messageParts);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static LokiResult.Streams streams(LokiResponse r) {
        assertThat(r.result()).isInstanceOf(LokiResult.Streams.class);
        return (LokiResult.Streams) r.result();
    }

    private static QueryResult samples(LokiResponse r) {
        assertThat(r.result()).isInstanceOf(LokiResult.Samples.class);
        return ((LokiResult.Samples) r.result()).result();
    }

    private static final Map<String, FileCheck> EXPECTATIONS = new HashMap<>();

    static {
        EXPECTATIONS.put("grafana-testdata-loki-streams_simple-with-stats.json", (t, f) -> {
            LokiResponse r = t.queryRange(f);
            LokiResult.Streams s = streams(r);
            assertThat(s.streams()).hasSize(2);
            LogStream first = s.streams().get(0);
            assertThat(first.labels()).isEqualTo(Labels.of("code", "one\",", "location", "moon🌙"));
            assertThat(first.lines()).containsExactly("log line error 1");
            assertThat(first.timestampsNanos()).containsExactly(1645030244810757120L);
            LogStream second = s.streams().get(1);
            assertThat(second.labels().get("code")).isEqualTo("\",two");
            assertThat(second.size()).isEqualTo(5);
            // duplicate entries with identical timestamps are kept as sent
            assertThat(second.timestampsNanos()[1]).isEqualTo(second.timestampsNanos()[2]).isEqualTo(1645030246277587968L);
            assertThat(second.structuredMetadata()).containsOnly(Labels.EMPTY);
            assertThat(r.stats().number("summary.bytesProcessedPerSecond")).contains(3507022L);
            assertThat(r.stats().execTimeSeconds()).isEqualTo(0.002216125);
            assertThat(r.stats().number("store.totalChunksRef")).contains(2L);
            assertThat(r.encodingFlags()).isEmpty();
            RecordedRequest req = t.server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(req.getUrl().encodedPath()).isEqualTo("/loki/api/v1/query_range");
            assertThat(req.getUrl().queryParameter("start")).isEqualTo("1568404000000000000");
            assertThat(req.getUrl().queryParameter("limit")).isEqualTo("1000");
            assertThat(req.getUrl().queryParameter("direction")).isEqualTo("backward");
            assertThat(req.getHeaders().get("X-Scope-OrgID")).isEqualTo("tenant-a");
        });
        EXPECTATIONS.put("grafana-testdata-loki-streams_structured_metadata-categorize-labels.json", (t, f) -> {
            LokiResponse r = t.queryRange(f);
            assertThat(r.encodingFlags()).containsExactly("categorize-labels");
            LokiResult.Streams s = streams(r);
            assertThat(s.entryCount()).isEqualTo(6);
            assertThat(s.streams()).allSatisfy(st -> {
                assertThat(st.structuredMetadata()).containsOnly(Labels.EMPTY);
                assertThat(st.parsed()).containsOnly(Labels.EMPTY);
            });
            assertThat(s.streams().get(1).lines()).startsWith("log line info 1", "log line info 2");
        });
        EXPECTATIONS.put("loki-marshal-test-query_range-streams-with-stats-warnings.json", (t, f) -> {
            LokiResponse r = t.queryRange(f);
            assertThat(r.warnings()).containsExactly("this is a warning");
            LogStream st = streams(r).streams().getFirst();
            assertThat(st.labels()).isEqualTo(Labels.of("test", "test"));
            assertThat(st.timestampsNanos()).containsExactly(123456789012345L, 123456789012346L);
            assertThat(st.lines()).containsExactly("super line", "super line with labels");
            assertThat(r.stats().isEmpty()).isFalse();
            assertThat(r.stats().number("querier.store.chunk.headChunkBytes")).contains(0L);
        });
        EXPECTATIONS.put("loki-marshal-test-query-vector-with-stats-warnings.json", (t, f) -> {
            t.serve(200, "application/json", read(f));
            LokiResponse r = t.client.query("rate({job=\"varlogs\"}[1m])", END, 100, null, CancellationToken.NONE);
            assertThat(r.warnings()).containsExactly("this is a warning");
            QueryResult.Vector v = (QueryResult.Vector) samples(r);
            assertThat(v.size()).isEqualTo(2);
            assertThat(v.timestamps()).containsOnly(1568404331324L);
            assertThat(v.values()).containsExactly(0.013333333333333334, 3.45);
            assertThat(v.labels()[1]).isEqualTo(Labels.of("filename", "/var/hostlog/syslog", "job", "varlogs"));
            assertThat(r.stats().number("summary.execTime")).isPresent();
        });
        EXPECTATIONS.put("loki-marshal-test-query_range-matrix-with-stats-warnings.json", (t, f) -> {
            LokiResponse r = t.queryRange(f);
            QueryResult.Matrix m = (QueryResult.Matrix) samples(r);
            assertThat(m.series()).hasSize(2);
            assertThat(m.series().get(1).timestamps()).containsExactly(1568404331324L, 1568404331339L);
            assertThat(m.series().get(1).values()).containsExactly(3.45, 4.45);
            assertThat(r.warnings()).containsExactly("this is a warning");
        });
        EXPECTATIONS.put("loki-marshal-test-tail-websocket-frame-categorized-labels-dropped_entries.json", (t, f) -> {
            // /tail is a WebSocket, not an HTTP request/response: the frame is decoded directly
            TailFrame frame = LokiDecoder.tailFrame(new HttpResponseData("GET", "ws://loki/loki/api/v1/tail", 200, "OK",
                    "application/json", null, read(f).getBytes(StandardCharsets.UTF_8)));
            assertThat(frame.encodingFlags()).containsExactly("categorize-labels");
            LogStream st = frame.streams().getFirst();
            assertThat(st.structuredMetadata()).containsExactly(Labels.EMPTY, Labels.of("foo", "a", "bar", "b"),
                    Labels.of("foo", "a", "bar", "b"));
            assertThat(st.parsed()).containsExactly(Labels.EMPTY, Labels.EMPTY, Labels.of("msg", "text"));
            assertThat(frame.droppedEntries()).containsExactly(new TailFrame.DroppedEntry(123456789022345L, Labels.of("test", "test")));
        });
        EXPECTATIONS.put("lokidocs-labels.json", (t, f) -> {
            t.serve(200, "application/json", read(f));
            assertThat(t.client.labels(START, END, null, CancellationToken.NONE)).containsExactly("foo", "bar", "baz");
        });
        EXPECTATIONS.put("lokidocs-label-values.json", (t, f) -> {
            t.serve(200, "application/json", read(f));
            assertThat(t.client.labelValues("animal", START, END, null, CancellationToken.NONE)).containsExactly("cat", "dog", "axolotl");
            assertThat(t.server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/loki/api/v1/label/animal/values");
        });
        EXPECTATIONS.put("lokidocs-series.json", (t, f) -> {
            t.serve(200, "application/json", read(f));
            List<Labels> series = t.client.series(List.of("{container_name=~\"prometheus.*\"}", "{app=\"loki\"}"), START, END,
                    CancellationToken.NONE);
            assertThat(series).hasSize(3);
            assertThat(series.get(0).get("statefulset_kubernetes_io_pod_name")).isEqualTo("loki-stack-0");
            assertThat(series.get(2).size()).isEqualTo(12);
        });
        EXPECTATIONS.put("lokidocs-index-stats.json", (t, f) -> {
            t.serve(200, "application/json", read(f));
            assertThat(t.client.indexStats("{job=\"x\"}", START, END, CancellationToken.NONE))
                    .isEqualTo(new IndexStats(100, 1000, 5000, 100000));
        });
        // endpoints Vigia does not call: served as a query answer they are rejected with the reason
        EXPECTATIONS.put("lokidocs-patterns.json", (t, f) -> t.rejectedAsQueryRange(f, "\"data\" to be an object", "an array"));
        EXPECTATIONS.put("lokidocs-detected_fields.json", (t, f) -> t.rejectedAsQueryRange(f, "no \"status\" field"));
        // a push request body, not a response
        EXPECTATIONS.put("lokidocs-push-request-body.json", (t, f) -> t.rejectedAsQueryRange(f, "no \"status\" field"));
        // documentation snippets with "..." placeholders and // comments are not JSON
        FileCheck jsonc = (t, f) -> t.rejectedAsQueryRange(f, "malformed JSON at line");
        EXPECTATIONS.put("edge-lokidocs-query-vector-stats-ellipsis.jsonc.txt", jsonc);
        EXPECTATIONS.put("edge-lokidocs-query_range-matrix-stats-ellipsis.jsonc.txt", jsonc);
        EXPECTATIONS.put("edge-lokidocs-query_range-streams-stats-ellipsis.jsonc.txt", jsonc);
        EXPECTATIONS.put("edge-lokidocs-stats-template-with-comments.jsonc.txt", jsonc);
        EXPECTATIONS.put("loki-error-responses-plaintext.json", LokiClientRecordedResponsesTest::plainTextErrors);
        EXPECTATIONS.put("logql-examples-from-loki-docs.logql.txt", LokiClientRecordedResponsesTest::logqlSentUnchanged);
    }

    /** Loki's query errors are text/plain with 400/499/500/504: each becomes an ApiErrorException with the text. */
    @SuppressWarnings("unchecked")
    private static void plainTextErrors(LokiClientRecordedResponsesTest t, Path f) throws IOException {
        tools.jackson.core.JsonParser p = ApiJson.parser(Files.readAllBytes(f));
        p.nextToken();
        Map<String, Object> doc = (Map<String, Object>) ApiJson.tree(p);
        List<Map<String, Object>> table = (List<Map<String, Object>>) doc.get("write_error_test_table");
        assertThat(table).hasSize(12);
        Map<Integer, String> types = Map.of(400, "bad_data", 499, "canceled", 500, "internal", 504, "timeout");
        for (Map<String, Object> row : table) {
            int status = ((Number) row.get("status")).intValue();
            String body = (String) row.get("body");
            t.serve(status, "text/plain; charset=utf-8", body);
            assertThatThrownBy(() -> t.client.queryRange("{job=\"x\"}", START, END, null, 100, null, CancellationToken.NONE))
                    .as("case %s", row.get("name"))
                    .isInstanceOfSatisfying(ApiErrorException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(status);
                        assertThat(e.errorType()).isEqualTo(types.get(status));
                        assertThat(e.serverMessage()).isEqualTo(body.strip());
                        assertThat(e.getMessage()).startsWith("Loki error (HTTP " + status);
                    });
        }
        // the constant bodies and the parse-error template arrive the same way
        Map<String, String> constants = (Map<String, String>) doc.get("constant_bodies");
        String deadline = constants.get("ErrDeadlineExceeded");
        t.serve(504, "text/plain; charset=utf-8", deadline);
        assertThatThrownBy(() -> t.client.queryRange("{job=\"x\"}", START, END, null, 100, null, CancellationToken.NONE))
                .isInstanceOf(ApiErrorException.class).hasMessageContaining(deadline);
        String parseError = ((Map<String, String>) doc.get("format_templates")).get("ParseError")
                .formatted(1, 11, "syntax error: unexpected IDENTIFIER");
        t.serve(400, "text/plain; charset=utf-8", parseError);
        assertThatThrownBy(() -> t.client.queryRange("{job=\"x\"} |= foo", START, END, null, 100, null, CancellationToken.NONE))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> assertThat(e.errorType()).isEqualTo("bad_data"))
                .hasMessageContaining("parse error at line 1, col 11");
    }

    /** Not responses: LogQL queries. Each is sent through the client and must reach the server unchanged. */
    private static void logqlSentUnchanged(LokiClientRecordedResponsesTest t, Path f) throws Exception {
        List<String> queries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.startsWith("# --- ")) {
                if (current != null) {
                    queries.add(current.toString().strip());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            queries.add(current.toString().strip());
        }
        assertThat(queries).hasSize(61).doesNotContain("");
        String empty = "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[]}}";
        for (String q : queries) {
            t.serve(200, "application/json", empty);
            LokiResponse r = t.client.queryRange(q, START, END, Duration.ofMinutes(1), 100, Direction.FORWARD, CancellationToken.NONE);
            assertThat(streams(r).streams()).isEmpty();
            RecordedRequest req = t.server.takeRequest(5, TimeUnit.SECONDS);
            String sent = req.getMethod().equals("POST")
                    ? okhttp3.HttpUrl.get("http://x/?" + req.getBody().utf8()).queryParameter("query")
                    : req.getUrl().queryParameter("query");
            assertThat(sent).isEqualTo(q);
        }
    }
}
