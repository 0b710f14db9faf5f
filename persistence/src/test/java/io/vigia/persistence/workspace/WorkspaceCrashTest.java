package io.vigia.persistence.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM with SIGKILL while it saves settings and dashboards, 50 times: the workspace
 * must always reopen, pass {@code integrity_check}, and hold every commit the child reported.
 */
class WorkspaceCrashTest {
    private static final int KILLS = 50;
    private static final Pattern DASHBOARD_N = Pattern.compile("\"n\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    void workspaceSurvivesFiftySigkillsDuringSaves() throws Exception {
        Path file = dir.resolve("crash.vigia");
        Random random = new Random(20261123);
        long totalCommits = 0;
        for (int round = 0; round < KILLS; round++) {
            AtomicLong lastSettings = new AtomicLong(-1);
            AtomicLong lastDashboard = new AtomicLong(-1);
            Process child = startChild(file);
            Thread reader = Thread.ofPlatform().daemon().start(() -> readCommits(child, lastSettings, lastDashboard));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastDashboard.get() < 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("child still saving in round %d", round).isTrue();
            Thread.sleep(random.nextInt(250));
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(137);

            try (Workspace ws = Workspace.open(file)) {
                assertThat(ws.integrityCheck()).isEqualTo("ok");
                long settingsN = Long.parseLong(new SettingsRepository(ws).get("counter").orElseThrow());
                String doc = new DashboardRepository(ws).find("crash").orElseThrow().document();
                Matcher m = DASHBOARD_N.matcher(doc);
                assertThat(m.find()).isTrue();
                long dashboardN = Long.parseLong(m.group(1));
                // every commit the child reported is there (it may have committed a few more whose
                // report died with it), and the two saves are consistent: settings n, then dashboard n
                assertThat(settingsN).isGreaterThanOrEqualTo(lastSettings.get());
                assertThat(dashboardN).isGreaterThanOrEqualTo(lastDashboard.get());
                assertThat(dashboardN).isBetween(settingsN - 1, settingsN);
                totalCommits += lastSettings.get();
            }
        }
        assertThat(totalCommits).isPositive();
    }

    private static Process startChild(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void readCommits(Process child, AtomicLong settings, AtomicLong dashboard) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("S ")) {
                    settings.set(Long.parseLong(line.substring(2).trim()));
                } else if (line.startsWith("D ")) {
                    dashboard.set(Long.parseLong(line.substring(2).trim()));
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed; what was read before counts
        }
    }
}
