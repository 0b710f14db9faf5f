package io.vigia.e2e;

import io.vigia.testsupport.Programs;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (the Debian package's {@code /usr/bin/prometheus}) for end-to-end tests: runs
 * on a free loopback port with its own config and TSDB directory under a temp directory, scrapes
 * itself (plus any extra targets), and is removed with its files on {@link #close()}.
 *
 * <pre>{@code
 * try (PrometheusServer prom = PrometheusServer.start()) {
 *     URI url = prom.url();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class PrometheusServer implements AutoCloseable {
    /** Tests that start one carry {@code @NeedsProgram("prometheus")} (and "promtool" for backfills). */
    private static final String BINARY_PROPERTY = "vigia.prometheus.binary";
    private static final String PROMTOOL_PROPERTY = "vigia.promtool.binary";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private Process process;
    private List<String> command;
    private final Path dir;
    private final Path data;
    private final int port;

    /** The Authorization header readiness checks send, when the server requires basic auth. */
    private String authorization;

    private PrometheusServer(Process process, Path dir, Path data, int port) {
        this.process = process;
        this.dir = dir;
        this.data = data;
        this.port = port;
    }

    /** The prometheus executable: {@code -Dvigia.prometheus.binary}, else the one on the PATH. */
    public static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        return configured != null ? Path.of(configured) : Programs.require("prometheus");
    }

    /** The promtool executable: {@code -Dvigia.promtool.binary}, else the one on the PATH. */
    public static Path promtool() {
        String configured = System.getProperty(PROMTOOL_PROPERTY);
        return configured != null ? Path.of(configured) : Programs.require("promtool");
    }

    /** Scrapes itself every second. */
    public static PrometheusServer start() throws IOException, InterruptedException {
        return start(Duration.ofSeconds(1), List.of());
    }

    /**
     * @param scrapeInterval global scrape and evaluation interval
     * @param extraTargets   more {@code host:port} targets scraped as job {@code extra}
     */
    public static PrometheusServer start(Duration scrapeInterval, List<String> extraTargets) throws IOException, InterruptedException {
        return start(scrapeInterval, "extra", extraTargets);
    }

    /**
     * Scrapes itself (job {@code prometheus}) and {@code targets} ({@code host:port}, path
     * {@code /metrics}) as job {@code job}, every {@code scrapeInterval}.
     */
    public static PrometheusServer start(Duration scrapeInterval, String job, List<String> targets)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-prometheus-");
        int port = freePort();
        String interval = scrapeInterval.toMillis() + "ms";
        StringBuilder config = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: ").append(interval).append('\n')
                .append("  evaluation_interval: ").append(interval).append('\n')
                .append("scrape_configs:\n")
                .append("  - job_name: prometheus\n")
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:").append(port).append("']\n");
        if (!targets.isEmpty()) {
            config.append("  - job_name: ").append(job).append("\n    static_configs:\n      - targets: [");
            for (int i = 0; i < targets.size(); i++) {
                config.append(i == 0 ? "" : ", ").append('\'').append(targets.get(i)).append('\'');
            }
            config.append("]\n");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        return launch(dir, data, port, config.toString(), List.of());
    }

    /** One scrape job of {@link #startWithJobs}: {@code target} is {@code host:port}, scraped at {@code metricsPath}. */
    public record ScrapeJob(String name, String target, String metricsPath) {
    }

    /**
     * Scrapes itself and each job on {@code scrapeInterval}, with a scrape timeout of the same
     * length (Prometheus refuses a timeout longer than the interval, and its default is 10 s).
     */
    public static PrometheusServer startWithJobs(Duration scrapeInterval, List<ScrapeJob> jobs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-prometheus-");
        int port = freePort();
        String interval = scrapeInterval.toMillis() + "ms";
        StringBuilder config = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: ").append(interval).append('\n')
                .append("  scrape_timeout: ").append(interval).append('\n')
                .append("  evaluation_interval: ").append(interval).append('\n')
                .append("scrape_configs:\n")
                .append("  - job_name: prometheus\n")
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:").append(port).append("']\n");
        for (ScrapeJob job : jobs) {
            config.append("  - job_name: '").append(job.name()).append("'\n")
                    .append("    metrics_path: '").append(job.metricsPath()).append("'\n")
                    .append("    static_configs:\n")
                    .append("      - targets: ['").append(job.target()).append("']\n");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        return launch(dir, data, port, config.toString(), List.of());
    }

    /**
     * Scrapes itself every second and requires HTTP basic auth ({@code --web.config.file}) for
     * every endpoint: {@code bcryptHash} is the hash of {@code password}, given both so the test
     * need not hash.
     */
    public static PrometheusServer startWithBasicAuth(String user, String bcryptHash, String password)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-prometheus-");
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "basic_auth_users:\n  " + user + ": '" + bcryptHash + "'\n", StandardCharsets.UTF_8);
        Path data = Files.createDirectories(dir.resolve("data"));
        String config = "global:\n  scrape_interval: 1s\nscrape_configs: []\n";
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return launch(dir, data, freePort(), config, List.of("--web.config.file=" + web), auth);
    }

    /**
     * Backfills {@code openMetrics} with {@code promtool tsdb create-blocks-from openmetrics} and
     * starts Prometheus on those blocks (scraping nothing, keeping data of any age).
     */
    public static PrometheusServer startWithBackfill(Path openMetrics) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-prometheus-");
        Path data = Files.createDirectories(dir.resolve("data"));
        Process promtool = new ProcessBuilder(promtool().toString(), "tsdb", "create-blocks-from", "openmetrics",
                openMetrics.toString(), data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
        if (!promtool.waitFor(15, java.util.concurrent.TimeUnit.MINUTES) || promtool.exitValue() != 0) {
            promtool.destroyForcibly();
            throw new IllegalStateException("promtool could not backfill " + openMetrics + ":\n"
                    + Files.readString(dir.resolve("promtool.log")));
        }
        String config = "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs: []\n";
        return launch(dir, data, freePort(), config, List.of("--storage.tsdb.retention.time=100y"));
    }

    /**
     * Starts Prometheus on an existing TSDB directory (scraping nothing, keeping data of any age);
     * {@code data} belongs to the caller and is not removed on {@link #close()}.
     */
    public static PrometheusServer startOnData(Path data) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vigia-prometheus-");
        String config = "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs: []\n";
        return launch(dir, data, freePort(), config, List.of("--storage.tsdb.retention.time=100y"));
    }

    private static PrometheusServer launch(Path dir, Path data, int port, String config, List<String> extraArgs)
            throws IOException, InterruptedException {
        return launch(dir, data, port, config, extraArgs, null);
    }

    private static PrometheusServer launch(Path dir, Path data, int port, String config, List<String> extraArgs,
                                           String authorization) throws IOException, InterruptedException {
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(binary().toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle",
                "--log.level=warn"));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(p, dir, data, port);
        server.authorization = authorization;
        server.command = List.copyOf(cmd);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve("/-/ready")).timeout(Duration.ofSeconds(2));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest ready = request.build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    /** SIGKILL, as a crash would: the data directory stays, so {@link #restart()} comes back with it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as an operator's restart would: Prometheus shuts down cleanly (head block and WAL
     * written) and the data directory stays, so {@link #restart()} comes back with it.
     */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }

    /** Starts the same server again, same port, configuration and data, after {@link #kill()} or {@link #stop()}. */
    public void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prometheus.log").toFile())).start();
        awaitReady();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The server's process id, to read its memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return data;
    }

    /** Prometheus's own log, for failure messages. */
    public String log() {
        try {
            String s = Files.readString(dir.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
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
