package io.vigia.e2e;

import com.sun.net.httpserver.HttpServer;
import io.vigia.testsupport.NeedsProgram;
import io.vigia.testsupport.Programs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches a file Vigia writes. A data source password and a bearer token (opaque
 * strings, shaped like no known token, so only the code's care keeps them out, not the masking by
 * shape) go through the real CLI in separate processes, in the ways a user gives them (environment
 * variables, the OS keyring when one can run here, a URL with {@code user:password@}), through
 * flows that log and fail: connection refused, HTTP 401 from a local server that records the
 * Authorization header it got and echoes it in its error body, reports exported from a failing
 * source, a scrape of an unreachable target, and a forced crash whose message holds both secrets.
 * Then every byte of every file under the test's folder (workspace and its -wal/-shm/-journal,
 * the log folder with its crash reports, the exported PDF/HTML/CSV/PNG, the text of the PDFs),
 * and the terminal output, is searched for the secrets, also base64- and URL-encoded.
 */
class SecretsNeverLeakE2ETest {
    static final String PASSWORD = "Pw7e2e-qZ4xK9mT2vL8";
    static final String TOKEN = "tok3n-Qx7vB2nL9pR4sW8yHj";
    static final String USER = "vigia";

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final StringBuilder terminal = new StringBuilder();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            // a hostile or careless server: its error quotes the credential it refused
            byte[] body = ("{\"status\":\"error\",\"errorType\":\"unauthorized\",\"error\":\"refused Authorization: " + auth
                    + " for " + ex.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"vigia-e2e\"");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    @NeedsProgram("pdftotext") // the leak search reads the PDF reports' text too
    void noSecretInTheWorkspaceLogsCrashReportsExportsOrTerminal() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        Path state = dir.resolve("state");
        Path reports = dir.resolve("reports");

        saved(vigia(List.of(), "--workspace", ws.toString(), "sources", "add", "bearer", "--url", url(), "--bearer-token-env", "VIGIA_E2E_TOKEN"));
        saved(vigia(List.of(), "--workspace", ws.toString(), "sources", "add", "basic", "--url", url(), "--basic-user", USER,
                "--basic-password-env", "VIGIA_E2E_PASSWORD"));
        saved(vigia(List.of(), "--workspace", ws.toString(), "sources", "add", "down", "--url", "http://127.0.0.1:1",
                "--bearer-token-env", "VIGIA_E2E_TOKEN", "--timeout", "5"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "sources", "test", "bearer"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "sources", "test", "basic"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "sources", "test", "down"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "query", "--source", "bearer", "up"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "query-range", "--source", "basic", "up", "--start", "-1h", "--step", "60s"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "query", "--source", "down", "up"));
        failed(vigia(List.of(), "--workspace", ws.toString(), "query", "--source", url(), "--bearer-token-env", "VIGIA_E2E_TOKEN", "up"));
        // credentials in a URL: refused for a data source, and masked wherever the URL is quoted
        failed(vigia(List.of(), "--workspace", ws.toString(), "query", "--source",
                "http://" + USER + ":" + PASSWORD + "@127.0.0.1:1", "up"));
        vigia(List.of(), "--workspace", ws.toString(), "scrape", "--interval", "1s", "--for", "3s",
                "http://" + USER + ":" + PASSWORD + "@127.0.0.1:1/metrics", url() + "/metrics");
        // reports of a dashboard whose every panel fails with the 401 that quotes the token
        vigia(List.of(), "--workspace", ws.toString(), "report", "--source", "bearer", "--format", "pdf,html,csv,png",
                "--out", reports.resolve("bearer").toString());
        vigia(List.of(), "--workspace", ws.toString(), "report", "--source", "basic", "--format", "pdf,html,csv,png",
                "--out", reports.resolve("basic").toString());
        // a crash whose message quotes both secrets the way a careless exception would
        CliE2ETest.Result crash = vigia(List.of("-Dvigia.debug.crash=request to http://" + USER + ":" + PASSWORD
                + "@prometheus.example/api failed; sent Authorization: Bearer " + TOKEN), "--workspace", ws.toString(), "--version");
        assertThat(crash.exit()).isNotZero();
        assertThat(crash.err()).contains("a crash report was written to " + state.resolve("vigia"));

        // the flows really carried the secrets to the server
        assertThat(authorizations).contains("Bearer " + TOKEN,
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

        Path logDir = state.resolve("vigia");
        assertThat(logDir.resolve("vigia.log")).isNotEmptyFile();
        List<Path> crashReports = files(logDir).stream().filter(p -> p.getFileName().toString().startsWith("crash-")).toList();
        assertThat(crashReports).isNotEmpty();
        String report = Files.readString(crashReports.getFirst());
        assertThat(report).contains("version: Vigia ", "os: ", "java: ", "IllegalStateException", "[REDACTED:");
        List<Path> exported = files(reports);
        assertThat(exported).anyMatch(p -> p.toString().endsWith(".pdf")).anyMatch(p -> p.toString().endsWith(".html"))
                .anyMatch(p -> p.toString().endsWith(".csv"));
        assertThat(files(dir)).contains(ws);

        assertNoSecretInFilesOrTerminal();

        // owner-only: the workspace, the log folder and its files, every exported report file
        assertThat(mode(ws)).isEqualTo("rw-------");
        for (Path f : files(dir).stream().filter(p -> p.getFileName().toString().startsWith("ws.vigia")).toList()) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"); // -wal, -shm, -journal when present
        }
        assertThat(mode(logDir)).isEqualTo("rwx------");
        for (Path f : files(logDir)) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        for (Path f : exported) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aCrashOnTheJavaFxThreadOfTheRunningAppWritesAMaskedOwnerOnlyReport() throws Exception {
        Path state = dir.resolve("state");
        Path err = dir.resolve("gui-stderr.txt");
        List<String> cmd = List.of(java(), "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Dvigia.debug.crashFx=panel failed for http://" + USER + ":" + PASSWORD + "@prometheus.example with Bearer " + TOKEN,
                "-cp", System.getProperty("java.class.path"), "io.vigia.app.Main", "--workspace", dir.resolve("gui.vigia").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        environment(pb, state);
        Process gui = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(err).contains("a crash report was written to")) {
                assertThat(gui.isAlive()).as(Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("no crash report in 120 s:\n" + Files.readString(err)).isLessThan(deadline);
                Thread.sleep(200);
            }
            // the app keeps running after an event handler's failure
            assertThat(gui.isAlive()).isTrue();
        } finally {
            gui.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Path logDir = state.resolve("vigia");
        List<Path> reports = files(logDir).stream().filter(p -> p.getFileName().toString().startsWith("crash-")).toList();
        assertThat(reports).hasSize(1);
        assertThat(Files.readString(reports.getFirst())).contains("thread: JavaFX Application Thread", "panel failed for http://",
                "prometheus.example").doesNotContain(PASSWORD, TOKEN);
        assertThat(Files.readString(logDir.resolve("vigia.log"))).contains("uncaught exception in thread JavaFX Application Thread")
                .doesNotContain(PASSWORD, TOKEN);
        assertThat(Files.readString(err)).doesNotContain(PASSWORD, TOKEN);
        assertThat(mode(reports.getFirst())).isEqualTo("rw-------");
    }

    /** The secret and the encodings in which a leak could hide it. */
    private static Map<String, String> secretForms() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("password", PASSWORD);
        m.put("token", TOKEN);
        m.put("basic credentials (base64)", Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        m.put("password (URL-encoded)", URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
        m.put("token (base64)", Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        m.put("token (UTF-16)", new String(TOKEN.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        return m;
    }

    /** A token piped into the OS keyring (GNOME Keyring in a private D-Bus session, as KeyringSecretServiceE2ETest). */
    @Test
    @NeedsProgram({"dbus-run-session", "gnome-keyring-daemon"})
    void noSecretLeaksThroughTheKeyringFlow() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        Path state = dir.resolve("state");
        String vigia = "'" + java() + "' --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp '"
                + System.getProperty("java.class.path") + "' io.vigia.app.Main --workspace '" + ws + "' ";
        String script = "printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1\n"
                + "printf '%s\\n' \"$VIGIA_E2E_TOKEN\" | " + vigia + "sources add keyring --url " + url() + " --bearer-token-stdin\n"
                + "echo \"add exit $?\"\n"
                + vigia + "sources test keyring\n"
                + "echo \"test exit $?\"\n";
        Path xdg = dir.resolve("xdg");
        Files.createDirectories(xdg);
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "env", "XDG_DATA_HOME=" + xdg, "sh", "-c", script)
                .redirectErrorStream(true);
        environment(pb, state);
        // only the lines of the shell and the CLI's answers, not the DEBUG log of D-Bus
        String out = String.join("\n", run(pb, "keyring").lines()
                .filter(l -> l.contains(" exit ") || l.startsWith("Saved") || l.startsWith("keyring:") || l.startsWith("vigia:")).toList());
        assertThat(out).contains("add exit 1", "Test: FAILED", "test exit 1", "keyring: FAILED");
        assertThat(authorizations).filteredOn(a -> a.equals("Bearer " + TOKEN)).hasSizeGreaterThanOrEqualTo(2);
        // the keyring's own files hold the secret (encrypted); they are the OS keyring, not Vigia's
        deleteTree(xdg);
        assertNoSecretInFilesOrTerminal();
    }

    /** No form of a secret in any file under the test folder (PDF text included) or on the terminal. */
    private void assertNoSecretInFilesOrTerminal() throws IOException {
        Map<String, String> forms = secretForms();
        List<String> leaks = new ArrayList<>();
        for (Path f : files(dir)) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            String utf8 = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            String pdfText = f.toString().endsWith(".pdf") ? pdfToText(f) : "";
            forms.forEach((name, form) -> {
                if (bytes.contains(form) || utf8.contains(form) || pdfText.contains(form)) {
                    leaks.add(name + " in " + dir.relativize(f));
                }
            });
        }
        forms.forEach((name, form) -> {
            terminal.toString().lines().filter(l -> l.contains(form)).findFirst()
                    .ifPresent(line -> leaks.add(name + " on the terminal: " + line));
        });
        assertThat(leaks).as("secrets found").isEmpty();
    }

    private CliE2ETest.Result vigia(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.vigia.app.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.tmp");
        Path err = dir.resolve("stderr.tmp");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(pb, dir.resolve("state"));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vigia " + String.join(" ", args) + " did not finish in 120 s");
        }
        CliE2ETest.Result r = new CliE2ETest.Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        terminal.append(r.out()).append(r.err());
        return r;
    }

    private static void environment(ProcessBuilder pb, Path state) {
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().put("VIGIA_E2E_TOKEN", TOKEN);
        pb.environment().put("VIGIA_E2E_PASSWORD", PASSWORD);
        // everything a developer could turn on goes to the log file too
        pb.environment().put("VIGIA_LOG_LEVEL", "DEBUG");
    }

    private static String run(ProcessBuilder pb, String what) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not finish in 180 s:\n" + out);
        }
        return out;
    }

    /** Saved, and its connection test failed (exit 1) with a reason, not a crash. */
    private static void saved(CliE2ETest.Result r) {
        assertThat(r.out()).as(r.err()).contains("Saved ").contains("Test: FAILED");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
    }

    private static void failed(CliE2ETest.Result r) {
        assertThat(r.exit()).as(r.out() + r.err()).isNotZero();
    }

    private static String pdfToText(Path pdf) {
        try {
            Process p = new ProcessBuilder(Programs.require("pdftotext").toString(), pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("pdftotext (Debian package poppler-utils) is needed", e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
