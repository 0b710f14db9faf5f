package io.vigia.datasources.loki;

import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loki answers that are not Loki's JSON, and "Save & test" against Loki's bare buildinfo object. */
class LokiClientErrorsTest {
    private static final Instant END = Instant.ofEpochSecond(1_700_000_000);
    private MockWebServer server;
    private LokiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new LokiClient(ConnectionSettings.of(SourceType.LOKI, server.url("/").toString()).withTimeout(Duration.ofSeconds(5)),
                new SecretResolver(new InMemorySecretStore(), n -> null), RetryPolicy.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void enqueue(int code, String type, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", type).body(body).build());
    }

    private RemoteException queryFails() {
        try {
            client.queryRange("{job=\"x\"}", END.minusSeconds(60), END, null, 100, Direction.BACKWARD, CancellationToken.NONE);
        } catch (RemoteException e) {
            return e;
        }
        throw new AssertionError("expected a RemoteException");
    }

    @Test
    void htmlFromAProxyTruncatedNonJsonAndEmpty() {
        enqueue(504, "text/html", "<html><head><title>504 Gateway Time-out</title></head></html>");
        assertThat(queryFails()).hasMessageContaining("HTTP 504").hasMessageContaining("HTML page titled \"504 Gateway Time-out\"");
        enqueue(200, "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"li");
        assertThat(queryFails()).hasMessageContaining("truncated JSON");
        enqueue(200, "text/plain", "hello");
        assertThat(queryFails()).hasMessageContaining("not a Loki API response").hasMessageContaining("\"hello\"");
        enqueue(200, "application/json", "");
        assertThat(queryFails()).hasMessageContaining("the body is empty");
        enqueue(401, "text/plain", "no org id");
        assertThat(queryFails().kind()).isEqualTo(RemoteException.Kind.UNAUTHORIZED);
    }

    @Test
    void badTimestampInAStreamIsNamed() {
        enqueue(200, "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":"
                + "[{\"stream\":{\"a\":\"b\"},\"values\":[[\"12:00\",\"line\"]]}]}}");
        assertThat(queryFails()).hasMessageContaining("not a nanosecond timestamp: \"12:00\"");
    }

    @Test
    void saveAndTestReadsLokisBareBuildinfo() throws Exception {
        enqueue(200, "application/json", "{\"version\":\"3.5.1\",\"revision\":\"abc123\",\"branch\":\"HEAD\",\"buildUser\":\"root@x\","
                + "\"buildDate\":\"2025-05-01\",\"goVersion\":\"go1.24.1\"}");
        ConnectionTestResult r = client.testConnection();
        assertThat(r.ok()).isTrue();
        assertThat(r.message()).isEqualTo("Loki 3.5.1 (revision abc123)");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/loki/api/v1/status/buildinfo");
        enqueue(404, "text/plain", "404 page not found");
        assertThat(client.testConnection()).isInstanceOfSatisfying(ConnectionTestResult.Failure.class,
                f -> assertThat(f.message()).contains("Loki server"));
    }

    @Test
    void rejectsEmptyQueries() {
        assertThatThrownBy(() -> client.queryRange(" ", END, END, null, 0, null, CancellationToken.NONE)).hasMessageContaining("empty LogQL");
    }
}
