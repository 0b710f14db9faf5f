package io.vigia.datasources.secrets;

import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.RetryPolicy;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.testsupport.NeedsProgram;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom CA, verification switched off, and mutual TLS (PEM PKCS#8, PEM PKCS#1, PKCS#12) against a
 * local HTTPS server whose certificates are made with the openssl command line for this run.
 */
@NeedsProgram("openssl")
class TlsConnectionTest {
    private static final String BUILDINFO = "{\"status\":\"success\",\"data\":{\"version\":\"3.0.0\",\"revision\":\"abc\"}}";

    @TempDir
    static Path dir;

    private MockWebServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=vigia-test-ca");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        run("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-out", "server.p12", "-passout", "pass:changeit");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=vigia-client");
        run("openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.pem", "-days", "2");
        run("openssl", "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12", "-passout", "pass:clientpw");
        run("openssl", "rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key");
        assertThat(Files.readString(dir.resolve("client.key"))).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("client-pkcs1.key"))).contains("BEGIN RSA PRIVATE KEY");
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            serverKeys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, "changeit".toCharArray());
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = new MockWebServer();
        server.useHttps(ctx.getSocketFactory());
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConnectionTestResult test(TlsSettings tls, Map<String, String> env) {
        server.enqueue(new MockResponse.Builder().code(200).body(BUILDINFO).build());
        ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, "https://127.0.0.1:" + server.getPort() + "/")
                .withTls(tls).withTimeout(Duration.ofSeconds(5));
        try (PrometheusClient c = new PrometheusClient(s, new SecretResolver(new InMemorySecretStore(), env::get), RetryPolicy.NONE)) {
            return c.testConnection();
        }
    }

    @Test
    void untrustedServerIsATlsFailure() {
        assertThat(test(TlsSettings.DEFAULT, Map.of())).isInstanceOfSatisfying(ConnectionTestResult.Failure.class,
                f -> {
                    assertThat(f.kind()).isEqualTo(RemoteException.Kind.TLS);
                    assertThat(f.message()).contains("certificate is not trusted").contains("--ca-file");
                });
    }

    @Test
    void customCaFileIsTrusted() {
        ConnectionTestResult r = test(TlsSettings.DEFAULT.withCa(PemSource.file(dir.resolve("ca.pem"))), Map.of());
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.message()).contains("3.0.0").doesNotContain("WARNING");
    }

    @Test
    void skippingVerificationWorksButIsFlagged() {
        ConnectionTestResult r = test(TlsSettings.DEFAULT.withInsecureSkipVerify(true), Map.of());
        assertThat(r).isInstanceOfSatisfying(ConnectionTestResult.Success.class, s -> assertThat(s.insecure()).isTrue());
        assertThat(r.message()).contains("WARNING", "verification is switched off");
    }

    @Test
    void mutualTlsWithEveryKeyFormat() {
        server.requireClientAuth();
        TlsSettings trusted = TlsSettings.DEFAULT.withCa(PemSource.file(dir.resolve("ca.pem")));
        assertThat(test(trusted, Map.of()).ok()).as("no client certificate").isFalse();
        for (String key : List.of("client.key", "client-pkcs1.key")) {
            ConnectionTestResult r = test(trusted.withClientCertificate(new ClientCertificate.Pem(
                    PemSource.file(dir.resolve("client.pem")), PemSource.file(dir.resolve(key)))), Map.of());
            assertThat(r.ok()).as(key + ": " + r.message()).isTrue();
        }
        ConnectionTestResult p12 = test(trusted.withClientCertificate(new ClientCertificate.Pkcs12(dir.resolve("client.p12"),
                SecretRef.env("CLIENT_P12_PASSWORD"))), Map.of("CLIENT_P12_PASSWORD", "clientpw"));
        assertThat(p12.ok()).as(p12.message()).isTrue();
        ConnectionTestResult wrong = test(trusted.withClientCertificate(new ClientCertificate.Pkcs12(dir.resolve("client.p12"),
                SecretRef.env("CLIENT_P12_PASSWORD"))), Map.of("CLIENT_P12_PASSWORD", "nope"));
        assertThat(wrong).isInstanceOfSatisfying(ConnectionTestResult.Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(RemoteException.Kind.CONFIGURATION);
            assertThat(f.message()).contains("PKCS#12");
        });
    }
}
