package io.vigia.e2e;

import io.vigia.testsupport.Programs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node VictoriaMetrics (Debian's {@code victoria-metrics} package,
 * {@code /usr/bin/victoria-metrics}) for end-to-end tests, on a free loopback port with its own
 * data directory under a temp directory, removed with its files on {@link #close()}. Tests that start
 * one carry {@code @NeedsProgram("victoria-metrics")}.
 *
 * <p>Flags (VictoriaMetrics 1.79 docs, Single-server-VictoriaMetrics.md, "List of command-line
 * flags"): {@code -search.latencyOffset=0s} (samples are otherwise hidden from queries for 30 s
 * after their timestamp), {@code -retentionPeriod=100y} (the default of one month would drop
 * backfilled history; 100y is the docs' "arbitrarily high" example), {@code -search.disableCache}
 * (the response cache is meant for live data, "useful during data backfilling").
 */
public final class VictoriaMetricsServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private VictoriaMetricsServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static VictoriaMetricsServer start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-victoria-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> cmd = List.of(Programs.require("victoria-metrics").toString(),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + dir.resolve("data"),
                "-retentionPeriod=100y",
                "-search.latencyOffset=0s",
                "-search.disableCache",
                "-loggerLevel=WARN");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("victoria-metrics.log").toFile()).start();
        VictoriaMetricsServer server = new VictoriaMetricsServer(p, dir, port);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(url().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("victoria-metrics exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("victoria-metrics not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    /**
     * Imports a file in Prometheus text or OpenMetrics format through {@code /api/v1/import/prometheus}
     * ("VictoriaMetrics accepts data in Prometheus exposition format and in OpenMetrics format";
     * its parser reads a timestamp below 2^31 as OpenMetrics seconds), then makes it searchable at
     * once with {@code /internal/force_flush} (the docs: data is otherwise buffered "for up to a few
     * seconds").
     */
    public void importPrometheus(Path file) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url().resolve("/api/v1/import/prometheus"))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 204) {
            throw new IllegalStateException("import refused: HTTP " + r.statusCode() + " " + r.body() + "\n" + log());
        }
        HttpResponse<String> flush = http.send(HttpRequest.newBuilder(url().resolve("/internal/force_flush")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (flush.statusCode() != 200) {
            throw new IllegalStateException("force_flush: HTTP " + flush.statusCode() + " " + flush.body());
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** VictoriaMetrics's own log, for failure messages. */
    public String log() {
        try {
            String s = Files.readString(dir.resolve("victoria-metrics.log"), StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        http.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind is harmless
        }
    }
}
