package io.vigia.e2e;

import io.vigia.testsupport.NeedsSharedCorpus;
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

/** Runs the real launcher as a separate process, as a user's shell would. */
class CliE2ETest {
    @TempDir
    Path dir;

    @Test
    void versionNamesVigiaAndTheJavaItRunsOn() throws Exception {
        Result r = vigia("--version");
        assertThat(r.exit).isZero();
        assertThat(r.out).startsWith("Vigia ").contains("Java 25");
    }

    @Test
    void helpListsTheWorkspaceOption() throws Exception {
        Result r = vigia("--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("--workspace");
    }

    @Test
    void anUnknownOptionFailsWithAClearMessage() throws Exception {
        Result r = vigia("--no-such-option");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("Unknown option: '--no-such-option'");
    }

    @Test
    @NeedsSharedCorpus("corpus/grafana-dashboards")
    void everyCorpusGrafanaDashboardImportsListsAndExportsThroughTheCli() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        Path corpus = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "grafana-dashboards");
        List<Path> files;
        try (var s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            Result r = vigia("--workspace", ws.toString(), "dashboard", "import", f.toString());
            assertThat(r.exit).as(r.err).isZero();
            assertThat(r.out).startsWith("Imported \"");
        }
        Result list = vigia("dashboard", "list", "--workspace", ws.toString());
        assertThat(list.out.lines().skip(1)).hasSize(files.size());
        Path out = dir.resolve("copilot.json");
        Result export = vigia("--workspace", ws.toString(), "dashboard", "export", "Github Copilot Stats",
                "--format", "grafana", "--out", out.toString());
        assertThat(export.exit).as(export.err).isZero();
        assertThat(Files.readString(out)).contains("\"schemaVersion\" : 41").contains("piechart");
    }

    @Test
    void importingSomethingThatIsNotADashboardFailsClearly() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"hello\": 1}");
        Result r = vigia("--workspace", dir.resolve("ws.vigia").toString(), "dashboard", "import", bad.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("not a Grafana dashboard");
    }

    record Result(int exit, String out, String err) {
    }

    /** Starts {@code io.vigia.app.Main} in a fresh JVM with the test class path. */
    static Result vigia(String... args) throws IOException, InterruptedException {
        return vigia(120, args);
    }

    /** As {@link #vigia(String...)}; a process still running after {@code waitSeconds} fails the test. */
    static Result vigia(long waitSeconds, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "io.vigia.app.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vigia-out", ".txt");
        Path err = Files.createTempFile("vigia-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(waitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vigia " + String.join(" ", args) + " did not finish in " + waitSeconds + " s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
