package io.vigia.e2e;

import io.vigia.testsupport.NeedsProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data source password kept in a real OS keyring: GNOME Keyring's Secret Service on a private
 * D-Bus session ({@code dbus-run-session}, Debian packages dbus and gnome-keyring, installed by
 * .ci/run), for a real Prometheus that requires HTTP basic auth. {@code vigia sources add
 * --password-stdin} stores the password there; a second process reads it back to test the source;
 * the workspace file never holds it.
 */
@NeedsProgram({"prometheus", "dbus-run-session", "gnome-keyring-daemon"})
class KeyringSecretServiceE2ETest {
    private static final String USER = "vigia";
    private static final String PASSWORD = "vigia-e2e-s3cret";
    /** bcrypt of PASSWORD (cost 12), for Prometheus's web config. */
    private static final String HASH = "$2b$12$M.JZNcCRf5HRvqADOrjII.zEh/DJ3hjFpFz2.fy2Zzo3GYJuBIizW";
    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        prometheus = PrometheusServer.startWithBasicAuth(USER, HASH, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) { // null when it never started: no second exception on top of the first
            prometheus.close();
        }
    }

    @Test
    void aPasswordPipedOnAddIsKeptInTheSecretServiceAndNeverInTheWorkspace() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        String vigia = vigiaCommand();
        String script = "printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1\n"
                + "printf '%s\\n' \"$PW\" | " + vigia + " --workspace '" + ws + "' sources add prod --url " + prometheus.url()
                + " --basic-user " + USER + " --password-stdin\n"
                + "echo \"add exit $?\"\n"
                + vigia + " --workspace '" + ws + "' sources test prod\n"
                + "echo \"test exit $?\"\n";
        String out = inDbusSession(script, dir.resolve("xdg"));
        assertThat(out).contains("add exit 0").contains("test exit 0")
                .contains("Saved prod").containsPattern("prod: OK: Prometheus\\S* server 2\\.\\d+");
        byte[] file = Files.readAllBytes(ws);
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD).contains("datasource/prod/password");

        // outside that keyring session the secret is not there: the test names where it looked
        CliE2ETest.Result noKeyring = CliE2ETest.vigia("--workspace", ws.toString(), "sources", "test", "prod");
        assertThat(noKeyring.exit()).isEqualTo(1);
        assertThat(noKeyring.out()).contains("secret store key 'datasource/prod/password'");
    }

    @Test
    void withoutAKeyringThePipedPasswordIsRefusedWithAClearMessage() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        String out = inShellWithoutSessionBus(vigiaCommand() + " --workspace '" + ws + "' sources add prod --url "
                + prometheus.url() + " --basic-user " + USER + " --password-stdin < /dev/null; echo \"add exit $?\"");
        assertThat(out).contains("add exit 2").contains("no OS keyring answers");
    }

    /** The command line that starts Vigia's CLI in a fresh JVM with the test class path. */
    private static String vigiaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return "'" + java + "' --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp '"
                + System.getProperty("java.class.path") + "' io.vigia.app.Main";
    }

    /** A private session bus with a fresh, unlocked login keyring under {@code dataHome}, not the user's own. */
    private static String inDbusSession(String script, Path dataHome) throws IOException, InterruptedException {
        Files.createDirectories(dataHome);
        return run(List.of("dbus-run-session", "--", "env", "XDG_DATA_HOME=" + dataHome, "sh", "-c", script), false);
    }

    private static String inShellWithoutSessionBus(String script) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", script), true);
    }

    private static String run(List<String> cmd, boolean noBus) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        pb.environment().put("PW", PASSWORD);
        if (noBus) {
            pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
            pb.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/vigia-no-bus");
        }
        Path log = Files.createTempFile("vigia-keyring", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 180 s:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return out;
    }
}
