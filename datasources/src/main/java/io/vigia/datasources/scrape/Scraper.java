package io.vigia.datasources.scrape;

import io.vigia.datasources.ingest.Exemplar;
import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ExpositionParser;
import io.vigia.datasources.ingest.ExpositionSink;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.StaleMarker;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes one target the way Prometheus does, for teams that run no Prometheus: content
 * negotiation (OpenMetrics preferred, text 0.0.4 accepted), {@code job}/{@code instance} target
 * labels (a clashing exposed label becomes {@code exported_job}/{@code exported_instance}), the
 * synthetic {@code up}, {@code scrape_duration_seconds} and {@code scrape_samples_scraped} series,
 * and staleness markers for every series that disappears or when the target goes down. As
 * Prometheus's head does, a sample at or before the last one of its series is dropped unless it
 * repeats it exactly (so of two lines for one series the first wins). A scrape is written in one
 * transaction. Not thread-safe: one scraper per target.
 */
public final class Scraper {
    private static final Logger LOG = LoggerFactory.getLogger(Scraper.class);
    static final long MAX_BODY_BYTES = 64L << 20;

    private final ScrapeTarget target;
    private final OkHttpClient http;
    private final SeriesWriter writer;
    private final Clock clock;
    private final VigiaMetrics metrics;
    /** Series of the last successful scrape that carried no timestamp of their own. */
    private Set<Labels> previous = Set.of();
    /** The last sample of each series of the last successful scrape, to drop what Prometheus would. */
    private Map<Labels, Written> latest = Map.of();

    public Scraper(ScrapeTarget target, OkHttpClient http, SeriesWriter writer, Clock clock) {
        this(target, http, writer, clock, VigiaMetrics.NONE);
    }

    /** @param metrics told of every scrape stored (Vigia's own {@code /metrics}) */
    public Scraper(ScrapeTarget target, OkHttpClient http, SeriesWriter writer, Clock clock, VigiaMetrics metrics) {
        this.metrics = metrics;
        this.target = target;
        this.http = http.newBuilder().callTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
        this.writer = writer;
        this.clock = clock;
    }

    public ScrapeTarget target() {
        return target;
    }

    public ScrapeResult scrape() {
        long start = clock.millis();
        long t0 = System.nanoTime();
        List<Pending> samples = new ArrayList<>();
        String error = null;
        try {
            fetch(samples);
        } catch (IOException | ExpositionParseException e) {
            error = e.getMessage();
            samples.clear();
            LOG.info("scrape of {} failed: {}", target.url(), error);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean up = error == null;
        Set<Labels> current = new HashSet<>();
        Map<Labels, Written> written = new HashMap<>();
        int dropped = 0;
        synchronized (writer) {
            try {
                for (Pending p : samples) {
                    long t = p.hasTimestamp ? p.timestamp : start;
                    Written last = written.getOrDefault(p.labels, latest.get(p.labels));
                    if (last == null || t > last.timestamp) {
                        writer.append(p.labels, t, p.value);
                        written.put(p.labels, new Written(t, Double.doubleToRawLongBits(p.value)));
                    } else if (t < last.timestamp || Double.doubleToRawLongBits(p.value) != last.valueBits) {
                        dropped++; // out of order, or another value at the same time: Prometheus keeps the first
                    }
                    if (!p.hasTimestamp) {
                        current.add(p.labels);
                    }
                }
                if (dropped > 0) {
                    LOG.debug("scrape of {}: {} samples out of order or repeated with another value", target.url(), dropped);
                }
                int stale = 0;
                for (Labels gone : previous) {
                    if (!current.contains(gone)) {
                        writer.append(gone, start, StaleMarker.VALUE);
                        stale++;
                    }
                }
                writeSynthetic("up", start, up ? 1 : 0);
                writeSynthetic("scrape_duration_seconds", start, seconds);
                writeSynthetic("scrape_samples_scraped", start, samples.size());
                writer.commit();
                previous = current;
                if (up) {
                    for (Pending p : samples) {
                        written.putIfAbsent(p.labels, latest.get(p.labels));
                    }
                    written.values().removeIf(java.util.Objects::isNull);
                    latest = written;
                }
                metrics.scrapeFinished(target.job(), up, samples.size(), seconds);
                return new ScrapeResult(start, up, samples.size(), stale, seconds, error);
            } catch (RuntimeException e) {
                writer.rollback();
                throw e;
            }
        }
    }

    private void writeSynthetic(String name, long t, double v) {
        writer.append(Labels.of(Labels.METRIC_NAME, name, "job", target.job(), "instance", target.instance()), t, v);
    }

    private void fetch(List<Pending> out) throws IOException, ExpositionParseException {
        Request request = new Request.Builder().url(target.url().toString())
                .header("Accept", ExpositionFormat.SCRAPE_ACCEPT)
                .header("X-Prometheus-Scrape-Timeout-Seconds", Double.toString(target.timeout().toMillis() / 1000.0))
                .header("User-Agent", "Vigia-scraper")
                .get().build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw new ScrapeException("server returned HTTP status " + response.code() + " " + response.message());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > MAX_BODY_BYTES) {
                throw new ScrapeException("response of " + body.contentLength() + " bytes exceeds the limit of " + MAX_BODY_BYTES);
            }
            ExpositionFormat format = ExpositionFormat.fromContentType(response.header("Content-Type"));
            try (InputStream in = new CappedInputStream(body.byteStream(), MAX_BODY_BYTES)) {
                ExpositionParser.parse(in, format, new TargetLabelling(out));
            }
        }
    }

    private record Pending(Labels labels, double value, boolean hasTimestamp, long timestamp) {
    }

    private record Written(long timestamp, long valueBits) {
    }

    /** Adds the target labels as Prometheus does with honor_labels: false. */
    private final class TargetLabelling implements ExpositionSink {
        /** Target labels in the order Prometheus renames clashes: by the length of the name. */
        private static final String[] TARGET_LABELS = {"job", "instance"};
        private final List<Pending> out;

        TargetLabelling(List<Pending> out) {
            this.out = out;
        }

        @Override
        public void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar) {
            Labels.Builder b = labels.toBuilder();
            List<String> renamed = new ArrayList<>(2);
            for (String name : TARGET_LABELS) {
                String exposed = labels.get(name);
                if (!exposed.isEmpty()) {
                    // scrape.go's resolveConflictingExposedLabels: exported_ as often as needed to be new
                    String newName = "exported_" + name;
                    while (labels.has(newName) || newName.equals("job") || newName.equals("instance") || renamed.contains(newName)) {
                        newName = "exported_" + newName;
                    }
                    renamed.add(newName);
                    b.set(newName, exposed);
                }
            }
            b.set("job", target.job()).set("instance", target.instance());
            out.add(new Pending(b.build(), value, hasTimestamp, timestampMillis));
        }
    }

    static final class ScrapeException extends IOException {
        ScrapeException(String message) {
            super(message);
        }
    }
}
