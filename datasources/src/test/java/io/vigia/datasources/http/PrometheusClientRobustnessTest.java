package io.vigia.datasources.http;

import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.secrets.TlsSettings;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.prometheus.PrometheusClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad answers, retries, size cap, cancellation, sharing and timeouts, against a local HTTP server. */
class PrometheusClientRobustnessTest {
    private static final String OK_VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{\"__name__\":\"up\"},\"value\":[1700000000.5,\"1\"]}]}}";
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000);
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    /** Callers block: give each its own thread instead of the (1-thread on 2 cores) common pool. */
    private static final java.util.concurrent.Executor VIRTUAL = r -> Thread.ofVirtual().start(r);

    private MockWebServer server;
    private PrometheusClient client;
    private final InMemorySecretStore store = new InMemorySecretStore();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = client(settings(), FAST_RETRY);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private ConnectionSettings settings() {
        return ConnectionSettings.of(SourceType.PROMETHEUS, server.url("/prom/").toString()).withTimeout(Duration.ofSeconds(5));
    }

    private PrometheusClient client(ConnectionSettings s, RetryPolicy retry) {
        return new PrometheusClient(s, new SecretResolver(store, n -> n.equals("VIGIA_TEST_TOKEN") ? "env-token" : null), retry);
    }

    private void enqueue(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    @Test
    void htmlErrorPageFromAProxyIsNamedAsSuch() {
        enqueue(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>");
        enqueue(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>");
        enqueue(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>");
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.HTTP_STATUS);
                    assertThat(e.httpStatus()).isEqualTo(502);
                })
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("an HTML page titled \"502 Bad Gateway\"")
                .hasMessageContaining("proxy");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void htmlLoginPageWith200IsNotAPrometheus() {
        enqueue(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Sign in</title></head><body>login</body></html>");
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.BAD_RESPONSE))
                .hasMessageContaining("not a Prometheus API response")
                .hasMessageContaining("HTML page titled \"Sign in\"");
    }

    @Test
    void truncatedJsonSaysTruncated() {
        enqueue(200, "application/json", OK_VECTOR.substring(0, OK_VECTOR.length() - 20));
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.BAD_RESPONSE))
                .hasMessageContaining("truncated JSON");
    }

    @Test
    void nonJsonAndEmptyBodiesAreRejectedClearly() {
        enqueue(200, "text/plain", "404 page not found");
        assertThatThrownBy(() -> client.query("up", T)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("expected a JSON object").hasMessageContaining("\"404 page not found\"");
        enqueue(200, "application/json", "");
        assertThatThrownBy(() -> client.query("up", T)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("the body is empty");
        enqueue(200, "application/json", "{\"foo\":1}");
        assertThatThrownBy(() -> client.query("up", T)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("no \"status\" field");
        enqueue(200, "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1,\"one\"]}]}}");
        assertThatThrownBy(() -> client.query("up", T)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("not a sample value: \"one\"");
    }

    @Test
    void statusErrorsSayWhatToCheck() {
        enqueue(401, "text/plain", "Unauthorized");
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED))
                .hasMessageContaining("HTTP 401").hasMessageContaining("authentication failed");
        enqueue(403, "text/plain", "no org id");
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.FORBIDDEN))
                .hasMessageContaining("no org id");
        enqueue(404, "text/plain", "404 page not found");
        assertThat(client.testConnection()).isInstanceOfSatisfying(ConnectionTestResult.Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(RemoteException.Kind.NOT_FOUND);
            assertThat(f.message()).contains("Prometheus server");
        });
    }

    @Test
    void retries503ThenSucceeds() {
        enqueue(503, "text/plain", "busy");
        enqueue(200, "application/json", OK_VECTOR);
        QueryResponse r = client.query("up", T);
        assertThat(((QueryResult.Vector) r.result()).timestamps()).containsExactly(1700000000500L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retries429HonouringRetryAfterThenGivesUpWithClearError() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("slow down").build());
        enqueue(200, "application/json", OK_VECTOR);
        assertThat(client.query("up", T).result()).isInstanceOf(QueryResult.Vector.class);
        assertThat(server.getRequestCount()).isEqualTo(2);

        // a Retry-After longer than the policy allows is not waited for
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("slow down").build());
        assertThatThrownBy(() -> client.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.RATE_LIMITED))
                .hasMessageContaining("Retry-After: 3600");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void queryErrorsAreNotRetried() {
        enqueue(400, "application/json", "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");
        assertThatThrownBy(() -> client.query("up{", T))
                .isInstanceOfSatisfying(ApiErrorException.class, e -> assertThat(e.errorType()).isEqualTo("bad_data"))
                .hasMessage("Prometheus error (HTTP 400, bad_data): parse error");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PrometheusClient c = client(ConnectionSettings.of(SourceType.PROMETHEUS, "http://127.0.0.1:" + port), FAST_RETRY)) {
            assertThatThrownBy(() -> c.query("up", T))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.CONNECTION_REFUSED))
                    .hasMessageContaining("connection refused");
            assertThat(c.testConnection()).isInstanceOfSatisfying(ConnectionTestResult.Failure.class,
                    f -> assertThat(f.kind()).isEqualTo(RemoteException.Kind.CONNECTION_REFUSED));
        }
    }

    @Test
    void unknownHostIsADnsFailure() {
        try (PrometheusClient c = client(ConnectionSettings.of(SourceType.PROMETHEUS, "http://no-such-host.invalid:9090"), RetryPolicy.NONE)) {
            assertThat(c.testConnection()).isInstanceOfSatisfying(ConnectionTestResult.Failure.class, f -> {
                assertThat(f.kind()).isEqualTo(RemoteException.Kind.DNS);
                assertThat(f.message()).contains("DNS lookup failed, host name not found");
            });
        }
    }

    @Test
    void plainHttpServerSpokenToWithHttpsIsATlsFailure() throws Exception {
        // a plain-HTTP server that answers at once, whatever arrives (as nginx does to a TLS ClientHello)
        try (ServerSocket plain = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (java.net.Socket sock = plain.accept()) {
                    sock.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                    sock.getOutputStream().flush();
                } catch (IOException e) {
                    // the client hung up first
                }
            });
            String https = "https://127.0.0.1:" + plain.getLocalPort() + "/";
            try (PrometheusClient c = client(ConnectionSettings.of(SourceType.PROMETHEUS, https).withTimeout(Duration.ofSeconds(5)), RetryPolicy.NONE)) {
                assertThat(c.testConnection()).isInstanceOfSatisfying(ConnectionTestResult.Failure.class, f -> {
                    assertThat(f.kind()).isEqualTo(RemoteException.Kind.TLS);
                    assertThat(f.message()).contains("TLS handshake failed");
                });
            }
            t.join(5000);
        }
    }

    @Test
    void responseSizeCapFailsClearly() {
        String big = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + "{\"metric\":{},\"value\":[1,\"1\"]},".repeat(2000)
                + "{\"metric\":{},\"value\":[1,\"1\"]}]}}";
        try (PrometheusClient c = client(settings().withMaxResponseBytes(10_000), RetryPolicy.NONE)) {
            enqueue(200, "application/json", big);
            assertThatThrownBy(() -> c.query("up", T))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.TOO_LARGE))
                    .hasMessageContaining("too large").hasMessageContaining("10000 bytes");
            // also when the server does not declare a length (chunked)
            server.enqueue(new MockResponse.Builder().code(200).chunkedBody(big, 1024).build());
            assertThatThrownBy(() -> c.query("up", T)).isInstanceOf(RemoteException.class).hasMessageContaining("too large");
        }
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (PrometheusClient c = client(settings().withTimeout(Duration.ofMillis(300)), FAST_RETRY)) {
            assertThatThrownBy(() -> c.query("up", T))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.TIMEOUT));
        }
        assertThat(server.getRequestCount()).as("timeouts are not retried").isEqualTo(1);
    }

    @Test
    void cancellingClosesTheCall() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CancellationToken token = new CancellationToken();
        CompletableFuture<Object> f = CompletableFuture.supplyAsync(() -> {
            try {
                return client.query("up", T, null, token);
            } catch (RuntimeException e) {
                return e;
            }
        }, VIRTUAL);
        server.takeRequest(5, TimeUnit.SECONDS);
        token.cancel();
        Object outcome = f.get(5, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.CANCELLED));
        // the HTTP call itself was closed, not just abandoned
        assertThat(httpOf(client).callsCancelled()).isEqualTo(1);
        assertThat(countInFlight()).isZero();
    }

    private int countInFlight() {
        return 0 + inFlightOf(client);
    }

    private static int inFlightOf(PrometheusClient c) {
        return httpOf(c).inFlightCount();
    }

    private static RemoteHttp httpOf(PrometheusClient c) {
        try {
            var f = PrometheusClient.class.getDeclaredField("http");
            f.setAccessible(true);
            return (RemoteHttp) f.get(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void identicalInFlightRequestsAreSentOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hits = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                hits.incrementAndGet();
                release.await(10, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK_VECTOR).build();
            }
        });
        ApiRequest req = ApiRequest.get("api/v1/query").param("query", "up").build();
        try (RemoteHttp http = new RemoteHttp(settings(), new SecretResolver(store, n -> null), RetryPolicy.NONE);
             var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<HttpResponseData>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> http.send(req, CancellationToken.NONE)));
            }
            // the server holds the first request open until every caller is waiting on it
            for (int i = 0; i < 1000 && http.waiterCount() < 4; i++) {
                Thread.sleep(10);
            }
            assertThat(http.waiterCount()).isEqualTo(4);
            release.countDown();
            for (var c : calls) {
                assertThat(c.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(hits.get()).isEqualTo(1);
            assertThat(http.inFlightCount()).isZero();
            // a different request is sent on its own
            http.send(ApiRequest.get("api/v1/query").param("query", "up == 1").build(), CancellationToken.NONE);
            assertThat(hits.get()).isEqualTo(2);
        }
    }

    @Test
    void oneCallerCancellingDoesNotBreakAnotherSharingTheRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(5, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK_VECTOR).build();
            }
        });
        CancellationToken a = new CancellationToken();
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try {
                return client.query("up", T, null, a);
            } catch (RuntimeException e) {
                return e;
            }
        }, VIRTUAL);
        for (int i = 0; i < 250 && server.getRequestCount() == 0; i++) {
            Thread.sleep(10);
        }
        CompletableFuture<QueryResponse> second = CompletableFuture.supplyAsync(() -> client.query("up", T, null, CancellationToken.NONE), VIRTUAL);
        RemoteHttp http = httpOf(client);
        for (int i = 0; i < 1000 && http.waiterCount() < 2; i++) {
            Thread.sleep(10);
        }
        assertThat(http.waiterCount()).as("both callers share the request").isEqualTo(2);
        a.cancel();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.CANCELLED));
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS).result()).isInstanceOf(QueryResult.Vector.class);
        assertThat(server.getRequestCount()).as("the shared call was not cancelled and re-sent").isEqualTo(1);
    }

    @Test
    void longExpressionsGoAsPostFormAndAuthHeadersAreSent() throws Exception {
        store.put("prom/password", "s3cret");
        try (PrometheusClient c = client(settings().withAuth(new Authentication.Basic("alice", SecretRef.store("prom/password")))
                .withHeaders(List.of(HeaderSetting.plain("X-Scope-OrgID", "team-a"), HeaderSetting.secret("X-Api-Key", SecretRef.env("VIGIA_TEST_TOKEN")))),
                RetryPolicy.NONE)) {
            String longExpr = "sum(rate(http_requests_total{job=~\"" + "a|".repeat(5000) + "b\"}[5m]))";
            enqueue(200, "application/json", OK_VECTOR);
            c.query(longExpr, T);
            RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(post.getMethod()).isEqualTo("POST");
            assertThat(post.getUrl().encodedPath()).isEqualTo("/prom/api/v1/query");
            assertThat(okhttp3.HttpUrl.get("http://x/?" + post.getBody().utf8()).queryParameter("query")).isEqualTo(longExpr);
            assertThat(post.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("alice", "s3cret"));
            assertThat(post.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
            assertThat(post.getHeaders().get("X-Api-Key")).isEqualTo("env-token");

            enqueue(200, "application/json", OK_VECTOR);
            c.queryRange("up", T.minusSeconds(3600), T, Duration.ofMillis(15500));
            RecordedRequest get = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(get.getMethod()).isEqualTo("GET");
            assertThat(get.getUrl().queryParameter("start")).isEqualTo("1699996400");
            assertThat(get.getUrl().queryParameter("step")).isEqualTo("15.500");
        }
    }

    @Test
    void missingSecretIsReportedWithoutTheRequest() {
        try (PrometheusClient c = client(settings().withAuth(new Authentication.Bearer(SecretRef.env("NOT_SET_ANYWHERE"))), RetryPolicy.NONE)) {
            assertThatThrownBy(() -> c.query("up", T))
                    .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.SECRET_MISSING))
                    .hasMessageContaining("environment variable NOT_SET_ANYWHERE");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void requestsGoThroughTheConfiguredHttpProxy() throws Exception {
        enqueue(200, "application/json", OK_VECTOR);
        ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, "http://prometheus.example:9090")
                .withProxy(ProxySettings.http("127.0.0.1", server.getPort())).withTimeout(Duration.ofSeconds(5));
        try (PrometheusClient c = client(s, RetryPolicy.NONE)) {
            assertThat(c.query("up", T).result()).isInstanceOf(QueryResult.Vector.class);
        }
        RecordedRequest proxied = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(proxied.getTarget()).startsWith("http://prometheus.example:9090/api/v1/query?");
    }

    @Test
    void aClosedClientRefusesClearly() {
        PrometheusClient c = client(settings(), RetryPolicy.NONE);
        c.close();
        assertThatThrownBy(() -> c.query("up", T))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.CANCELLED))
                .hasMessageContaining("is closed");
    }

    @Test
    void insecureTlsIsFlagged() {
        ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, "https://prom.example:9090")
                .withTls(TlsSettings.DEFAULT.withInsecureSkipVerify(true));
        try (PrometheusClient c = client(s, RetryPolicy.NONE)) {
            assertThat(c.isInsecure()).isTrue();
        }
        try (PrometheusClient c = client(s.withTls(TlsSettings.DEFAULT), RetryPolicy.NONE)) {
            assertThat(c.isInsecure()).isFalse();
        }
    }
}
