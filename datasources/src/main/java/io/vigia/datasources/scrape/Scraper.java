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
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes one target the way Prometheus does, for teams that run no Prometheus: content
 * negotiation (OpenMetrics preferred, text 0.0.4 accepted), {@code job}/{@code instance} target
 * labels (a clashing exposed label becomes {@code exported_job}/{@code exported_instance}), the
 * synthetic {@code up}, {@code scrape_duration_seconds} and {@code scrape_samples_scraped} series,
 * and staleness markers for every series that disappears or when the target goes down. A scrape
 * is written in one transaction. Not thread-safe: one scraper per target.
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
        synchronized (writer) {
            try {
                for (Pending p : samples) {
                    writer.append(p.labels, p.hasTimestamp ? p.timestamp : start, p.value);
                    if (!p.hasTimestamp) {
                        current.add(p.labels);
                    }
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
            try (Reader r = new InputStreamReader(new CappedInputStream(body.byteStream(), MAX_BODY_BYTES), StandardCharsets.UTF_8)) {
                ExpositionParser.parse(r, format, new TargetLabelling(out));
            }
        }
    }

    private record Pending(Labels labels, double value, boolean hasTimestamp, long timestamp) {
    }

    /** Adds the target labels as Prometheus does with honor_labels: false. */
    private final class TargetLabelling implements ExpositionSink {
        private final List<Pending> out;

        TargetLabelling(List<Pending> out) {
            this.out = out;
        }

        @Override
        public void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar) {
            Labels.Builder b = labels.toBuilder();
            for (String name : new String[] {"job", "instance"}) {
                String exposed = labels.get(name);
                if (!exposed.isEmpty()) {
                    b.set("exported_" + name, exposed);
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
