package io.vigia.bench;

import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ImportSummary;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.e2e.PrometheusServer;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds {@link FleetData} once into both stores from one OpenMetrics file, and keeps them in a
 * cache directory (under {@code target/}) for the next run: a Prometheus TSDB made by
 * {@code promtool tsdb create-blocks-from openmetrics} and then opened once by Prometheus (so its
 * own compaction has settled the blocks), and a workspace filled by {@link OpenMetricsImporter},
 * the code of {@code vigia import openmetrics}. The 3 GB text file is deleted once both are built.
 */
final class FleetDataCache {
    private static final Logger LOG = LoggerFactory.getLogger(FleetDataCache.class);
    private static final String READY = "READY";

    /** The cached stores; copy them before use, both servers write to their files. */
    record Prepared(FleetData data, Path tsdb, Path workspace, long tsdbBytes, long workspaceBytes) {
    }

    private FleetDataCache() {
    }

    static Prepared prepare(FleetData data, Path cacheRoot) throws IOException, InterruptedException, ExpositionParseException {
        Path dir = cacheRoot.resolve(data.key());
        if (!Files.exists(dir.resolve(READY))) {
            Path building = cacheRoot.resolve(data.key() + ".building");
            deleteTree(building);
            Files.createDirectories(building);
            build(data, building);
            deleteTree(dir);
            Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        } else {
            LOG.info("Using the cached data set {}", dir);
        }
        return new Prepared(data, dir.resolve("tsdb"), dir.resolve("workspace.vigia"), treeBytes(dir.resolve("tsdb")),
                Files.size(dir.resolve("workspace.vigia")));
    }

    private static void build(FleetData data, Path dir) throws IOException, InterruptedException, ExpositionParseException {
        Path file = dir.resolve("data.om");
        long t0 = System.nanoTime();
        FleetDataWriter.write(data, file);
        LOG.info("Wrote {} samples ({} bytes) of OpenMetrics in {} s", data.samples(), Files.size(file), seconds(t0));
        long t1 = System.nanoTime();
        backfill(file, Files.createDirectories(dir.resolve("tsdb")), dir);
        LOG.info("promtool built the TSDB in {} s", seconds(t1));
        long t2 = System.nanoTime();
        settle(dir.resolve("tsdb"));
        LOG.info("Prometheus settled its blocks in {} s", seconds(t2));
        long t3 = System.nanoTime();
        ImportSummary summary = importInto(file, dir.resolve("workspace.vigia"));
        LOG.info("Imported {} samples of {} series into the workspace in {} s", summary.samples(), summary.series(), seconds(t3));
        if (summary.samples() != data.samples() || summary.series() != data.series()) {
            throw new IllegalStateException("the workspace holds " + summary.samples() + " samples of " + summary.series()
                    + " series, not " + data.samples() + " of " + data.series());
        }
        Files.delete(file);
        Files.writeString(dir.resolve(READY), data + "\n", StandardCharsets.UTF_8);
    }

    /**
     * promtool writes blocks of at most {@code --max-block-duration} (a hidden flag of 2.42's
     * cmd/promtool; without it a block spans 2 h and promtool reads the whole file once per block,
     * 84 times for a week). 744 h is the 31 days up to which Prometheus itself compacts when retention is
     * long (cmd/prometheus/main.go: 31d, or a tenth of the retention if less), so the blocks are what a
     * long-running server would hold.
     */
    private static void backfill(Path file, Path tsdb, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("promtool.log");
        Process p = new ProcessBuilder(PrometheusServer.promtool().toString(), "tsdb", "create-blocks-from", "openmetrics",
                "--max-block-duration=744h", file.toString(), tsdb.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool could not backfill " + file + ":\n" + Files.readString(log));
        }
    }

    /**
     * Starts Prometheus on the new blocks until its compaction has run once to the end (its
     * db.run loop triggers compaction a minute after start and every minute after, on one
     * goroutine: a second trigger means the first compaction finished), so that no benchmark
     * run later finds it compacting.
     */
    private static void settle(Path tsdb) throws IOException, InterruptedException, ExpositionParseException {
        try (PrometheusServer prometheus = PrometheusServer.startOnData(tsdb)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (ServerMetrics.scrape(prometheus.url()).value("prometheus_tsdb_compactions_triggered_total") < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Prometheus did not finish compacting within 15 minutes:\n" + prometheus.log());
                }
                Thread.sleep(5_000);
            }
        }
    }

    private static ImportSummary importInto(Path file, Path workspace) throws IOException, ExpositionParseException {
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ImportSummary summary;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); SeriesWriter w = store.writer()) {
                summary = OpenMetricsImporter.importFrom(r, w, n -> { });
            }
            // one file to copy: the write-ahead log folded into the database
            ws.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
            return summary;
        }
    }

    /** Copies a cached TSDB or workspace for one run. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }
}
