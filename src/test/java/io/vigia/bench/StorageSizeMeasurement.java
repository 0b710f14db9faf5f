package io.vigia.bench;

import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.e2e.PrometheusServer;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The series store's size and import time against Prometheus's TSDB on the same samples. Each
 * data set is written once as an OpenMetrics file, backfilled with {@code promtool tsdb
 * create-blocks-from openmetrics} and imported with {@code vigia import openmetrics}, both as
 * separate processes timed from start to exit. Sizes count everything each store leaves on disk:
 * every file of Prometheus's data directory (chunks, index, meta.json, tombstones) against the
 * workspace file with its {@code -wal} and {@code -shm}. The same import into workspaces created
 * with larger SQLite pages shows the alternative to cutting chunks by size.
 */
final class StorageSizeMeasurement implements Measurement {
    static final double GOAL = 1.0;
    private static final int[] OTHER_PAGE_SIZES = {16_384, 65_536};

    @Override
    public String area() {
        return "StorageSize";
    }

    private record Result(OpenMetricsDataset data, long fileBytes, long prometheusBytes, long workspaceBytes, long chunkBytes,
                          double promtoolSeconds, double vigiaSeconds, long[] otherPageSizeBytes) {
    }

    @Override
    public String run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Result> results = new ArrayList<>();
        for (OpenMetricsDataset data : List.of(new OpenMetricsDataset.Smooth(200), new OpenMetricsDataset.Noisy())) {
            results.add(measure(data));
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Load average (1 min) %.1f before, %.1f after. ", loadBefore, loadAfter))
                .append("Bytes on disk after each store wrote the same OpenMetrics file; goal ≤ ")
                .append(String.format(Locale.ROOT, "%.1f", GOAL)).append("× Prometheus.\n\n")
                .append("| data | samples | Prometheus 2.42 data dir (chunks, index, meta) | Vigia workspace (+ -wal, -shm) "
                        + "| bytes/sample (Prometheus / Vigia) | vs Prometheus | goal met? | Vigia chunk BLOBs |\n")
                .append("|---|---:|---:|---:|---:|---:|---|---:|\n");
        for (Result r : results) {
            double ratio = r.workspaceBytes() / (double) r.prometheusBytes();
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.3f / %.3f | %.3f× | %s | %,d |%n",
                    r.data().name(), r.data().samples(), r.prometheusBytes(), r.workspaceBytes(),
                    r.prometheusBytes() / (double) r.data().samples(), r.workspaceBytes() / (double) r.data().samples(),
                    ratio, ratio <= GOAL ? "yes" : "no", r.chunkBytes()));
        }
        sb.append("\nThe same import into a new workspace created with larger SQLite pages (chunks cut by size as above; "
                + "every table and index takes at least one page):\n\n| data | 4,096-byte pages (default) |");
        for (int size : OTHER_PAGE_SIZES) {
            sb.append(String.format(Locale.ROOT, " %,d-byte pages |", size));
        }
        sb.append("\n|---|---:|").append("---:|".repeat(OTHER_PAGE_SIZES.length)).append('\n');
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d |", r.data().name(), r.workspaceBytes()));
            for (long b : r.otherPageSizeBytes()) {
                sb.append(String.format(Locale.ROOT, " %,d (%.3f×) |", b, b / (double) r.prometheusBytes()));
            }
            sb.append('\n');
        }
        sb.append("\nImport of the same file, whole process from start to exit (JVM start included for Vigia):\n\n")
                .append("| data | OpenMetrics file | baseline: `promtool tsdb create-blocks-from openmetrics` | "
                        + "`vigia import openmetrics` | speed vs baseline |\n|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d bytes | %.1f s | %.1f s | %.2f× faster |%n", r.data().name(),
                    r.fileBytes(), r.promtoolSeconds(), r.vigiaSeconds(), r.promtoolSeconds() / r.vigiaSeconds()));
        }
        sb.append("\nData: ");
        for (Result r : results) {
            sb.append("**").append(r.data().name()).append("**: ").append(r.data().description()).append(". ");
        }
        return sb.append('\n').toString();
    }

    private static Result measure(OpenMetricsDataset data) throws Exception {
        Path dir = Files.createTempDirectory("vigia-bench-size-" + data.name() + "-");
        try {
            Path file = dir.resolve(data.name() + ".om");
            data.write(file);
            Path blocks = Files.createDirectories(dir.resolve("tsdb"));
            double promtool = timed(dir.resolve("promtool.log"), new ProcessBuilder(PrometheusServer.promtool().toString(),
                    "tsdb", "create-blocks-from", "openmetrics", file.toString(), blocks.toString()));
            Path ws = dir.resolve("ws.vigia");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder importer = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    "io.vigia.app.Main", "--workspace", ws.toString(), "import", "openmetrics", file.toString());
            importer.environment().put("XDG_STATE_HOME", dir.resolve("state").toString()); // its log file, not the user's
            double vigia = timed(dir.resolve("vigia.log"), importer);
            long workspaceBytes = withSidecars(ws);
            long chunkBytes;
            try (Workspace w = Workspace.open(ws); SqliteSeriesStore store = new SqliteSeriesStore(w)) {
                chunkBytes = store.chunkBytes();
            }
            long[] other = new long[OTHER_PAGE_SIZES.length];
            for (int i = 0; i < other.length; i++) {
                other[i] = importWithPageSize(file, dir.resolve("ws-" + OTHER_PAGE_SIZES[i] + ".vigia"), OTHER_PAGE_SIZES[i]);
            }
            return new Result(data, Files.size(file), directoryBytes(blocks), workspaceBytes, chunkBytes, promtool, vigia, other);
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs a command to its exit; returns its wall time in seconds. */
    private static double timed(Path log, ProcessBuilder command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.command().getFirst() + " failed: " + Files.readString(log));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Imports into a workspace whose file was created with {@code pageSize}-byte pages (SQLite
     * fixes the page size of a WAL database when it is created); returns its bytes on disk.
     */
    private static long importWithPageSize(Path file, Path ws, int pageSize) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + pageSize);
            s.execute("PRAGMA user_version = 0"); // writes the header: an empty database that Workspace.open migrates
        }
        try (Workspace w = Workspace.open(ws); SqliteSeriesStore store = new SqliteSeriesStore(w);
             Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); SeriesWriter writer = store.writer()) {
            OpenMetricsImporter.importFrom(r, writer, n -> { });
        }
        return withSidecars(ws);
    }

    private static long withSidecars(Path ws) throws IOException {
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = ws.resolveSibling(ws.getFileName() + suffix);
            if (Files.exists(p)) {
                total += Files.size(p);
            }
        }
        return total;
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
