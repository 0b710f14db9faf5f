package io.vigia.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the JMH benchmarks of {@code io.vigia.bench} and writes {@code docs/benchmarks.md}: one
 * table per benchmark class (an area), every method beside the area's baseline measured in the
 * same run. Methods whose name starts with {@code baseline} are baselines; the others are Vigia's.
 * Only the areas that ran are replaced in the file; the others keep their last results.
 *
 * <p>{@code -Dvigia.bench.include=REGEX} picks benchmarks (default: all);
 * {@code -Dvigia.bench.quick=true} runs one short fork for a smoke check.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        String include = System.getProperty("vigia.bench.include", "io\\.vigia\\.bench\\..*");
        boolean quick = Boolean.getBoolean("vigia.bench.quick");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .exclude(BenchmarkReport.class.getName())
                .exclude(StorageSizeMeasurement.class.getName())
                .forks(1)
                .jvmArgsAppend("-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dvigia.shared.dir=" + System.getProperty("vigia.shared.dir", ""),
                        "-Dvigia.project.dir=" + System.getProperty("vigia.project.dir", ""))
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2));
        Path out = Path.of(System.getProperty("vigia.project.dir", "."), "docs", "benchmarks.md");
        java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(include);
        Map<String, String> measured = new LinkedHashMap<>();
        for (Measurement m : MEASUREMENTS) {
            if (wanted.matcher(m.getClass().getName()).find()) {
                try {
                    measured.put(m.area(), m.run());
                } catch (Exception e) {
                    throw new IllegalStateException("measurement " + m.area() + " failed", e);
                }
            }
        }
        Collection<RunResult> results = List.of();
        boolean anyJmh = ALL_JMH.stream().anyMatch(c -> wanted.matcher(c).find());
        if (anyJmh) {
            results = new Runner(options.build()).run();
        }
        if (results.isEmpty() && measured.isEmpty()) {
            throw new IllegalArgumentException("vigia.bench.include=" + include
                    + " selects no benchmark class and no measurement; it is matched against class names");
        }
        write(out, results, quick, measured);
        // a measurement that showed a JavaFX stage leaves the FX thread running, which would keep the JVM alive
        System.exit(0);
    }

    /** Measurements that are not timings (run in this JVM, before the JMH forks). */
    private static final List<Measurement> MEASUREMENTS = List.of(new StorageSizeMeasurement(), new DashboardOpenMeasurement(),
            new DecodeCpuTimeMeasurement(), new CanvasFrameMeasurement(),
            new AskFirstQuestionMeasurement(), new EqualTermsQueryMeasurement());

    /** The JMH benchmark classes, to know whether the include pattern selects any. */
    private static final List<String> ALL_JMH = List.of(
            "io.vigia.bench.StoreIngestBench", "io.vigia.bench.StoreReadBench", "io.vigia.bench.QueryRangeDecodeBenchmark",
            "io.vigia.bench.M4ReductionBench", "io.vigia.bench.ChartRenderBench",
            "io.vigia.bench.DriftBench", "io.vigia.bench.KolmogorovSmirnovBench", "io.vigia.bench.DashboardRefreshBench",
            "io.vigia.bench.ImportThroughputBench", "io.vigia.bench.ExpositionIngestBench");

    static void write(Path out, Collection<RunResult> results, boolean quick, Map<String, String> measured) throws IOException {
        Map<String, List<RunResult>> byArea = new TreeMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String cls = bench.substring(0, bench.lastIndexOf('.'));
            byArea.computeIfAbsent(cls.substring(cls.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> sections = readSections(out);
        String stamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now().withNano(0));
        for (Map.Entry<String, List<RunResult>> e : byArea.entrySet()) {
            sections.put(e.getKey(), table(e.getKey(), e.getValue(), stamp, quick));
        }
        for (Map.Entry<String, String> e : measured.entrySet()) {
            sections.put(e.getKey(), "## " + e.getKey() + "\n\nMeasured " + stamp + ".\n\n" + e.getValue());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks\n\n")
                .append("Measured with JMH by `mvn -Pbench -pl src/test -am verify -DskipTests` (see README). ")
                .append("Each table is one area; every figure stands beside its baseline from the same run; ")
                .append("\"speed vs baseline\" is how many times faster than the baseline (for times per operation, ")
                .append("the baseline's time divided by this one's).\n\n")
                .append("Machine of the last run: ").append(machine()).append("\n\n");
        // each section ends in exactly one blank line, however many it was read with, so that reruns do not pile them up
        sections.values().forEach(s -> sb.append(s.stripTrailing()).append("\n\n"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String table(String area, List<RunResult> runs, String stamp, boolean quick) {
        StringBuilder sb = new StringBuilder("## ").append(area).append("\n\n")
                .append("Run ").append(stamp).append(quick ? " (quick smoke run: 1 fork, short iterations)" : "")
                .append(".\n\n")
                .append("| benchmark | params | mode | score | error (99.9%) | unit | speed vs baseline |\n")
                .append("|---|---|---|---:|---:|---|---:|\n");
        for (RunResult r : runs) {
            var p = r.getPrimaryResult();
            // each row beside every baseline measured with the same parameters
            List<RunResult> baselines = runs.stream().filter(b -> method(b).startsWith("baseline") && sameParams(b, r)).toList();
            String ratio;
            if (method(r).startsWith("baseline")) {
                ratio = "baseline";
            } else {
                List<String> parts = new ArrayList<>();
                boolean throughput = r.getParams().getMode() == org.openjdk.jmh.annotations.Mode.Throughput;
                for (RunResult b : baselines) {
                    double bs = b.getPrimaryResult().getScore();
                    double speed = throughput ? p.getScore() / bs : bs / p.getScore();
                    parts.add(String.format(Locale.ROOT, "%.2f× %s%s", speed, speed >= 1 ? "faster" : "(slower)",
                            baselines.size() > 1 ? " than " + method(b) : ""));
                }
                ratio = String.join("; ", parts);
            }
            sb.append("| ").append(method(r)).append(" | ").append(params(r)).append(" | ")
                    .append(r.getParams().getMode().shortLabel()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", p.getScore())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", p.getScoreError())).append(" | ")
                    .append(p.getScoreUnit()).append(" | ").append(ratio).append(" |\n");
        }
        return sb.toString();
    }

    private static boolean sameParams(RunResult a, RunResult b) {
        return params(a).equals(params(b)) && a.getParams().getMode() == b.getParams().getMode();
    }

    private static String method(RunResult r) {
        String bench = r.getParams().getBenchmark();
        return bench.substring(bench.lastIndexOf('.') + 1);
    }

    private static String params(RunResult r) {
        List<String> parts = new ArrayList<>();
        for (String k : r.getParams().getParamsKeys()) {
            parts.add(k + "=" + r.getParams().getParam(k));
        }
        return String.join(", ", parts);
    }

    private static Map<String, String> readSections(Path out) throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        if (!Files.exists(out)) {
            return sections;
        }
        String current = null;
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, sb.toString());
                }
                current = line.substring(3).trim();
                sb = new StringBuilder();
            }
            if (current != null) {
                sb.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, sb.toString());
        }
        return sections;
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: the OS line below still says what ran
        }
        long memGiB = Runtime.getRuntime().maxMemory() >> 30;
        return os.getAvailableProcessors() + " cores, " + cpu + ", " + os.getName() + " " + os.getVersion()
                + ", Java " + Runtime.version() + ", max heap " + memGiB + " GiB";
    }
}
