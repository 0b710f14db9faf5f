package io.vigia.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code promtool query ...} against a server and reads its {@code -o json} output. */
final class Promtool {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Promtool() {
    }

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    /** {@code promtool query SUBCOMMAND -o json ARGS...}; fails the test when it does not finish in 60 s. */
    static Run query(String subcommand, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PrometheusServer.promtool().toString(), "query", "-o", "json", subcommand));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("promtool-out", ".txt");
        Path err = Files.createTempFile("promtool-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", cmd) + " did not finish in 60 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
