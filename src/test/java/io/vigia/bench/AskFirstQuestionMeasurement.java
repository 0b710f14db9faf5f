package io.vigia.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ask's first-question latency, each run in a fresh JVM (so the model, ONNX Runtime and its native
 * library load as they do for a user): the baseline is a question decided by the planner's cues,
 * which loads no model; then the first question that needs the embedding, then a second one.
 * {@value #RUNS} processes; the native libraries are already in the cache after the first.
 */
final class AskFirstQuestionMeasurement implements Measurement {
    static final int RUNS = 5;

    @Override
    public String area() {
        return "AskFirstQuestion";
    }

    @Override
    public String run() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<double[]> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    AskFirstQuestionProbe.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("probe failed: " + out);
            }
            String[] last = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
            runs.add(new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1]), Double.parseDouble(last[2])});
        }
        String[] names = {"baseline: question decided by cues (no model)", "first question needing the embedding (loads the model)",
                "second question needing the embedding"};
        StringBuilder sb = new StringBuilder("| step | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
        for (int k = 0; k < 3; k++) {
            final int col = k;
            double[] v = runs.stream().mapToDouble(r -> r[col]).sorted().toArray();
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", names[k], v[v.length / 2], v[0], v[v.length - 1]));
        }
        sb.append("\n").append(RUNS).append(" fresh JVMs, one sample of each step per JVM.\n");
        return sb.toString();
    }
}
