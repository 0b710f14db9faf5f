package io.vigia.bench;

import io.vigia.e2e.PrometheusServer;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bytes per sample of the series store against Prometheus's TSDB on the same samples: one
 * OpenMetrics file backfilled with {@code promtool tsdb create-blocks-from openmetrics} (the size
 * of the blocks' {@code chunks/} directories) and imported into a workspace (the chunk BLOBs; the
 * whole SQLite file with its indexes is given too).
 */
final class StorageSizeMeasurement implements Measurement {
    static final int SERIES = 200;
    static final int SAMPLES = 5_760; // one day at 15 s

    @Override
    public String area() {
        return "StorageSize";
    }

    @Override
    public String run() throws Exception {
        StoreData data = new StoreData(SERIES, SAMPLES, 1_700_000_000_000L, 3);
        Path dir = Files.createTempDirectory("vigia-bench-size-");
        Path file = dir.resolve("data.om");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int s = 0; s < SERIES; s++) {
                String series = data.labels[s].toString().replace(", ", ",");
                for (int i = 0; i < SAMPLES; i++) {
                    long t = data.ts[s][i];
                    w.write(series + " " + data.vs[s][i] + " " + (t / 1000) + "." + String.format(Locale.ROOT, "%03d", t % 1000) + "\n");
                }
            }
            w.write("# EOF\n");
        }
        Path blocks = Files.createDirectories(dir.resolve("tsdb"));
        Process p = new ProcessBuilder(PrometheusServer.promtool().toString(), "tsdb", "create-blocks-from", "openmetrics", file.toString(), blocks.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(dir.resolve("promtool.log")));
        }
        long prometheusChunks = chunkDirBytes(blocks);
        long vigiaChunks;
        long vigiaFile;
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (Reader r = Files.newBufferedReader(file); SeriesWriter w = store.writer()) {
                OpenMetricsImporter.importFrom(r, w, n -> { });
            }
            vigiaChunks = store.chunkBytes();
            ws.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
        vigiaFile = Files.size(dir.resolve("ws.vigia"));
        long samples = data.samples();
        return String.format(Locale.ROOT, """
                Same %,d samples (%d series × %d, 15 s apart with 0–4 ms jitter: counters with resets, gauges, \
                histogram buckets) in both stores.

                | store | bytes | bytes/sample | vs Prometheus |
                |---|---:|---:|---:|
                | baseline: Prometheus 2.42 TSDB, blocks' chunks/ (promtool backfill) | %,d | %.3f | baseline |
                | Vigia series store, chunk BLOBs | %,d | %.3f | %.2f× |
                | Vigia workspace file, whole (series, label index, page overhead) | %,d | %.3f | %.2f× |
                """, samples, SERIES, SAMPLES, prometheusChunks, prometheusChunks / (double) samples,
                vigiaChunks, vigiaChunks / (double) samples, vigiaChunks / (double) prometheusChunks,
                vigiaFile, vigiaFile / (double) samples, vigiaFile / (double) prometheusChunks);
    }

    private static long chunkDirBytes(Path tsdb) throws IOException {
        try (Stream<Path> files = Files.walk(tsdb)) {
            return files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("chunks"))
                    .filter(Files::isRegularFile).mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sum();
        }
    }
}
