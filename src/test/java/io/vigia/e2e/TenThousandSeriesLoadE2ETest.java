package io.vigia.e2e;

import com.sun.net.httpserver.HttpServer;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelDataLoader;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.cache.CachingMetricsSource;
import io.vigia.datasources.prometheus.PrometheusClient;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.http.SourceType;
import io.vigia.persistence.workspace.QueryCacheRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load: one query answering 10,000 series of 120 points (1.2 million samples, about 30 MB of
 * real-format Prometheus JSON) from a local HTTP server, through the real client, the result
 * cache of remote sources ({@link CachingMetricsSource} over the workspace), the dashboard's panel
 * loader and the chart painter onto a Java2D image, as the app paints a panel. Heap retained while
 * the panel's data and image are held must stay bounded; time and heap are printed (docs/reliability.md).
 */
class TenThousandSeriesLoadE2ETest {
    static final int SERIES = 10_000;
    static final int POINTS = 120;
    static final long RETAINED_BOUND = 256L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void tenThousandSeriesLoadThroughTheCacheAndPaintWithBoundedHeap() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicLong bodyBytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query_range", ex -> {
            requests.incrementAndGet();
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + "&" + String.valueOf(ex.getRequestURI().getRawQuery()));
            double start = Double.parseDouble(form.get("start"));
            double end = Double.parseDouble(form.get("end"));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            CountingStream counting = new CountingStream(ex.getResponseBody());
            try (OutputStream out = new BufferedOutputStream(counting, 1 << 16)) {
                writeMatrix(out, start, end);
            }
            bodyBytes.set(counting.count);
        });
        server.start();
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("load.vigia"))) {
            PrometheusClient client = new PrometheusClient(ConnectionSettings.of(SourceType.PROMETHEUS,
                    "http://127.0.0.1:" + server.getAddress().getPort()).withTimeout(Duration.ofMinutes(2)),
                    SecretResolver.withSystemEnvironment(new InMemorySecretStore()));
            CachingMetricsSource cached = new CachingMetricsSource("big", client,
                    new QueryCacheRepository(ws, 256L * 1024 * 1024), Clock.fixed(now, ZoneOffset.UTC));
            PanelDataLoader loader = new PanelDataLoader(name -> cached, Duration.ofSeconds(30));
            Panel panel = Panel.of(1, PanelType.TIME_SERIES, "10,000 series", new GridPos(0, 0, 24, 10),
                    List.of(Query.promql("A", "load_test_metric", "{{instance}}")), FieldConfig.DEFAULT);
            Dashboard dashboard = new Dashboard("load-10k", "Load", List.of(), "now-1h", "now", "", List.of(), List.of(panel), List.of());
            // an hour that ended ten minutes ago: settled, so the cache may answer a second look
            TimeRange range = new TimeRange(now.minus(Duration.ofMinutes(70)), now.minus(Duration.ofMinutes(10)));

            long before = HeapProbe.usedAfterGc();
            HeapProbe.resetPeak();
            long t0 = System.nanoTime();
            PanelData data = loader.load(dashboard, panel, range, 1600, Map.of(), Map.of());
            long loaded = System.nanoTime();
            BufferedImage image = paint(panel, data, range);
            long painted = System.nanoTime();
            long peak = HeapProbe.peak();
            long held = HeapProbe.usedAfterGc();

            // a second look at the same range is answered by the cache, not the server
            long t1 = System.nanoTime();
            PanelData again = loader.load(dashboard, panel, range, 1600, Map.of(), Map.of());
            long cachedMs = (System.nanoTime() - t1) / 1_000_000;

            assertThat(data.errors()).isEmpty();
            assertThat(data.series()).hasSize(SERIES);
            assertThat(data.series()).allSatisfy(s -> assertThat(s.size()).isEqualTo(POINTS));
            assertThat(again.series()).hasSize(SERIES);
            assertThat(requests.get()).isEqualTo(1);
            assertThat(image.getRGB(800, 200)).isNotZero();
            long retained = held - before;
            System.out.printf(Locale.ROOT, "10k series: body %s, load %d ms, paint %d ms, again from the cache %d ms, "
                            + "retained %s (data + 1600x400 image held), peak heap %s, baseline %s%n",
                    HeapProbe.mb(bodyBytes.get()), (loaded - t0) / 1_000_000, (painted - loaded) / 1_000_000, cachedMs,
                    HeapProbe.mb(retained), HeapProbe.mb(peak), HeapProbe.mb(before));
            assertThat(retained).as("heap retained by 10,000 series").isLessThan(RETAINED_BOUND);
            client.close();
        } finally {
            server.stop(0);
        }
    }

    static BufferedImage paint(Panel panel, PanelData data, TimeRange range) {
        BufferedImage image = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_ARGB);
        Java2DSurface surface = Java2DSurface.forImage(image, 1, true);
        PanelPainter.paint(surface, panel, data, new PanelPainter.Context(range.from().toEpochMilli(), range.to().toEpochMilli(),
                ZoneOffset.UTC, ChartTheme.light(), LegendState.ALL_VISIBLE, List.of()));
        return image;
    }

    /** The body of a Prometheus range query: {@value #SERIES} series, {@value #POINTS} points over the range each. */
    static void writeMatrix(OutputStream out, double start, double end) throws IOException {
        double step = (end - start) / (POINTS - 1);
        StringBuilder sb = new StringBuilder(8192);
        out.write("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[".getBytes(StandardCharsets.UTF_8));
        for (int s = 0; s < SERIES; s++) {
            sb.setLength(0);
            sb.append(s == 0 ? "" : ",").append("{\"metric\":{\"__name__\":\"load_test_metric\",\"job\":\"node\",\"instance\":\"host-")
                    .append(s / 10).append(":9100\",\"cpu\":\"").append(s % 10).append("\"},\"values\":[");
            for (int i = 0; i < POINTS; i++) {
                double t = start + i * step;
                double v = Math.sin((s * 7 + i) / 10.0) * 50 + 50 + (s % 97);
                sb.append(i == 0 ? "" : ",").append('[').append(String.format(Locale.ROOT, "%.3f", t)).append(",\"")
                        .append(String.format(Locale.ROOT, "%.4f", v)).append("\"]");
            }
            sb.append("]}");
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.write("]}}".getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> form(String text) {
        Map<String, String> m = new HashMap<>();
        for (String kv : text.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
