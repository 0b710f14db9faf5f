package io.vigia.e2e;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that misbehave, met by the CLI a user runs ({@code vigia sources add}, which saves the
 * source and tests it; for the timeouts and the size cap also {@code vigia query --source}): a server that accepts and never
 * answers, one that sends its body one byte a second, a host name that cannot resolve, TLS with a
 * self-signed and with an expired certificate, and an answer larger than the response cap. Each
 * must end with one line naming the cause and a non-zero exit, within the source's timeout. The
 * wall times (JVM start included) are printed for docs/reliability.md; they are not asserted,
 * except that a process must end at all (a generous bound far above the configured timeout).
 */
class MisbehavingServersE2ETest {
    /** The data sources' timeout in these tests, in seconds. */
    private static final int TIMEOUT_S = 3;
    /** The size-cap cases' timeout: reading 64 MiB must not race it on a loaded machine. */
    private static final int CAP_TEST_TIMEOUT_S = 60;
    /** A process still running after this is a hang, whatever the machine's load. */
    private static final long HANG_BOUND_S = 90;
    private static final String BUILDINFO = "{\"status\":\"success\",\"data\":{\"version\":\"9.9.9-fault\",\"revision\":\"e2e\","
            + "\"branch\":\"\",\"buildUser\":\"\",\"buildDate\":\"\",\"goVersion\":\"go1\"}}";

    @TempDir
    static Path certs;

    @TempDir
    Path dir;

    private static final ExecutorService SERVER_THREADS = Executors.newVirtualThreadPerTaskExecutor();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        // a CA, a leaf it signed that expired 28 days ago, a leaf it signed that is valid, and a self-signed leaf
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=vigia fault-injection CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", "changeit", "-file", "ca.pem");
        leafSignedByCa("expired", "-30d", "2");
        leafSignedByCa("valid", "-1d", "3");
        keytool("-genkeypair", "-alias", "self", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", "self.p12", "-storepass", "changeit");
    }

    private static void leafSignedByCa(String name, String start, String days) throws Exception {
        String ks = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-keystore", ks, "-storepass", "changeit");
        keytool("-certreq", "-alias", name, "-keystore", ks, "-storepass", "changeit", "-file", name + ".csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", "changeit", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-startdate", start, "-validity", days, "-ext", "san=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", ks, "-storepass", "changeit");
        keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".pem", "-keystore", ks, "-storepass", "changeit");
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(certs.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (Socket s : HELD) {
            s.close();
        }
        for (AutoCloseable c : SERVERS) {
            c.close();
        }
        SERVER_THREADS.shutdownNow();
    }

    // ---- the cases -------------------------------------------------------------------------

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        ServerSocket server = loopbackServerSocket();
        AtomicLong accepted = new AtomicLong();
        SERVER_THREADS.execute(() -> {
            try {
                while (!server.isClosed()) {
                    HELD.add(server.accept()); // hold it open: never read, never write
                    accepted.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        String url = "http://127.0.0.1:" + server.getLocalPort();
        Timed add = addSource("silent", url);
        assertFailure(add, "timeout", "timed out");
        assertThat(add.r.out()).contains("timeout of " + TIMEOUT_S + " s");
        Timed query = query("silent");
        assertQueryFailure(query, "timeout");
        assertThat(accepted.get()).as("the client connected, so what failed is the answer").isPositive();
        record("accepts and never answers", add, query);
    }

    @Test
    void aServerThatSendsOneByteASecondIsCutOffAtTheTimeout() throws Exception {
        ServerSocket server = loopbackServerSocket();
        AtomicLong bytesSent = new AtomicLong();
        SERVER_THREADS.execute(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    SERVER_THREADS.execute(() -> drip(s, bytesSent));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        String url = "http://127.0.0.1:" + server.getLocalPort();
        Timed add = addSource("drip", url);
        assertFailure(add, "timeout", "timed out");
        assertThat(add.r.out()).contains("timeout of " + TIMEOUT_S + " s");
        Timed query = query("drip");
        assertQueryFailure(query, "timeout");
        // each byte arrives well within the read timeout, so only a deadline on the whole call ends it
        assertThat(bytesSent.get()).as("body bytes dripped before the client gave up").isPositive();
        record("1 byte a second (headers, then the body byte by byte); body bytes sent " + bytesSent.get(), add, query);
    }

    @Test
    void aHostNameThatDoesNotResolveIsNamedAsADnsFailure() throws Exception {
        // RFC 2606: .invalid never resolves
        Timed add = addSource("nowhere", "http://vigia-fault-injection.invalid:9090");
        assertFailure(add, "dns", "host name not found");
        assertThat(add.r.out()).contains("vigia-fault-injection.invalid");
        record("DNS name under .invalid", add, null);
    }

    @Test
    void aSelfSignedCertificateIsRefusedAsNotTrusted() throws Exception {
        String url = httpsServer("self.p12");
        Timed add = addSource("selfsigned", url);
        assertFailure(add, "tls", "certificate is not trusted");
        record("TLS, self-signed certificate", add, null);
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpiredEvenWhenItsCaIsTrusted() throws Exception {
        String url = httpsServer("expired.p12");
        Timed add = addSource("expired", url, "--ca-file", certs.resolve("ca.pem").toString());
        assertFailure(add, "tls", "certificate expired");
        record("TLS, expired certificate (CA trusted)", add, null);
    }

    @Test
    void aValidCertificateFromTheSameCaIsAccepted() throws Exception {
        // the control of the two cases above: same CA, same server, only the certificate differs
        String url = httpsServer("valid.p12");
        Timed add = addSource("valid", url, "--ca-file", certs.resolve("ca.pem").toString());
        assertThat(add.r.exit()).as(add.r.out() + add.r.err()).isZero();
        assertThat(add.r.out()).contains("OK: ").contains("9.9.9-fault");
        record("TLS, valid certificate from the same CA (control)", add, null);
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedWhetherDeclaredOrStreamed() throws Exception {
        long cap = io.vigia.datasources.http.ConnectionSettings.DEFAULT_MAX_RESPONSE_BYTES;
        AtomicLong streamed = new AtomicLong();
        java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(2);
        HttpServer declared = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        declared.setExecutor(SERVER_THREADS);
        declared.createContext("/", ex -> {
            // says how big it is up front; the client must refuse without reading it
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, cap * 4);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"status\":\"success\",\"data\":{\"version\":\"".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(60_000);
            } catch (IOException | InterruptedException gone) {
                // the client hung up, as it should
            }
        });
        declared.start();
        SERVERS.add(() -> declared.stop(0));
        HttpServer chunked = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        chunked.setExecutor(SERVER_THREADS);
        chunked.createContext("/", ex -> {
            // no length: a valid-looking JSON answer that just keeps coming
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"status\":\"success\",\"data\":{\"version\":\"".getBytes(StandardCharsets.US_ASCII));
                while (true) {  // never ends: only the client hanging up stops it
                    out.write(block);
                    streamed.addAndGet(block.length);
                }
            } catch (IOException gone) {
                hungUp.countDown();
            }
        });
        chunked.start();
        SERVERS.add(() -> chunked.stop(0));

        // a timeout long enough that only the cap can end these requests, however slow the machine
        Timed d = addSource("declared", "http://127.0.0.1:" + declared.getAddress().getPort(), CAP_TEST_TIMEOUT_S);
        assertFailure(d, "too large", "response is too large");
        assertThat(d.r.out()).contains("bytes declared");
        Timed c = addSource("streamed", "http://127.0.0.1:" + chunked.getAddress().getPort(), CAP_TEST_TIMEOUT_S);
        assertFailure(c, "too large", "response is too large");
        assertThat(c.r.out()).contains("more than " + cap + " bytes");
        Timed q = query("streamed");
        assertQueryFailure(q, "bad_response");
        assertThat(q.r.out()).contains("response is too large");
        // the socket closes when the CLI exits at the latest; the server notices at its next write
        assertThat(hungUp.await(30, TimeUnit.SECONDS)).as("the client hung up on the endless answer, both times").isTrue();
        record("answer declared at 4x the cap", d, null);
        record("answer streamed past the " + cap + "-byte cap without a length; the server sent "
                + streamed.get() / (1024 * 1024) + " MiB in all to the two requests before they hung up", c, q);
    }

    // ---- servers ----------------------------------------------------------------------------

    private static ServerSocket loopbackServerSocket() throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SERVERS.add(s);
        return s;
    }

    /** Reads the request head, sends the status line and headers at once, then the body one byte a second. */
    private static void drip(Socket s, AtomicLong sent) {
        try (s) {
            InputStream in = s.getInputStream();
            int matched = 0;
            while (matched < 4) {  // up to the blank line after the request headers
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = s.getOutputStream();
            byte[] body = BUILDINFO.getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (byte b : body) {
                Thread.sleep(1000);
                out.write(b);
                out.flush();
                sent.incrementAndGet();
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up
        }
    }

    /** An HTTPS server on loopback with the key pair of {@code keystore}, answering buildinfo. */
    private static String httpsServer(String keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve(keystore))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.setExecutor(SERVER_THREADS);
        server.createContext("/", ex -> {
            byte[] body = BUILDINFO.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        SERVERS.add(() -> server.stop(0));
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- the CLI ----------------------------------------------------------------------------

    record Timed(CliE2ETest.Result r, long millis) {
    }

    private Timed addSource(String name, String url, String... more) throws Exception {
        return addSource(name, url, TIMEOUT_S, more);
    }

    private Timed addSource(String name, String url, int timeoutSeconds, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws.vigia").toString(), "sources", "add", name,
                "--url", url, "--timeout", String.valueOf(timeoutSeconds), "--default"));
        args.addAll(List.of(more));
        return run(args);
    }

    private Timed query(String name) throws Exception {
        return run(List.of("--workspace", dir.resolve("ws.vigia").toString(), "query", "--source", name, "up"));
    }

    private static Timed run(List<String> args) throws Exception {
        long t0 = System.nanoTime();
        CliE2ETest.Result r = CliE2ETest.vigia(HANG_BOUND_S, args.toArray(String[]::new));
        return new Timed(r, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** {@code sources add}: saved, then one line "Test: FAILED (kind): message naming the cause", exit 1. */
    private static void assertFailure(Timed t, String kind, String cause) {
        String all = t.r.out() + t.r.err();
        assertThat(t.r.exit()).as(all).isEqualTo(1);
        assertThat(t.r.out().strip().lines()).as(all).hasSize(1);
        assertThat(t.r.out()).as(all).contains("Test: FAILED (" + kind + "): ").containsIgnoringCase(cause);
        assertThat(t.r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    /** {@code query}: Prometheus's error envelope on one line, exit 1. */
    private static void assertQueryFailure(Timed t, String errorType) {
        String all = t.r.out() + t.r.err();
        assertThat(t.r.exit()).as(all).isEqualTo(1);
        assertThat(t.r.out().strip().lines()).as(all).hasSize(1);
        assertThat(t.r.out()).as(all).contains("\"status\":\"error\"").contains("\"errorType\":\"" + errorType + "\"");
        assertThat(t.r.err()).as("no stack trace").doesNotContain("\tat ");
    }

    private static void record(String what, Timed add, Timed query) {
        System.out.printf("FAULT %s | sources add: exit %d in %d ms | query: %s | %s%n", what, add.r.exit(), add.millis,
                query == null ? "-" : "exit " + query.r.exit() + " in " + query.millis + " ms", add.r.out().strip());
    }
}
