package io.vigia.datasources.otlp;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.SeriesWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes what the receiver decodes. Requests queue here; the thread takes
 * what has queued (up to {@value #MAX_GROUP} requests), translates it and commits it in one short
 * transaction, then answers each request. SQLite's write-ahead log lets readers such as
 * {@code vigia serve} read the same workspace throughout; a transaction holds the write lock only
 * for the requests that arrived while the previous one was committing. A request is never split
 * across transactions, so when a group fails to commit it is rolled back whole and each of its
 * requests is tried again alone: one bad request does not take the others with it.
 */
final class OtlpIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpIngest.class);
    static final int MAX_GROUP = 64;

    /** What happened to one request. */
    record Outcome(long rejected, String message) {
    }

    private record Job(OtlpSignal signal, Message message, long receivedAt, CompletableFuture<Outcome> done) {
    }

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final SeriesWriter writer;
    private final SeriesAppender appender;
    private final MetricsTranslator metrics;
    private final LogsTranslator logs;
    private final SpansTranslator spans;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    OtlpIngest(SeriesWriter writer, SeriesReader reader, ContentCapture content, Clock clock) {
        this.writer = writer;
        this.appender = new SeriesAppender(writer, reader);
        OwnedCounters counters = new OwnedCounters(appender);
        EventCounter events = new EventCounter(counters);
        this.metrics = new MetricsTranslator(appender, counters);
        this.logs = new LogsTranslator(events, content);
        this.spans = new SpansTranslator(counters, events, content);
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("vigia-otlp-ingest").daemon().start(this::run);
    }

    /** Queues a decoded request; the future completes once it is committed (or failed). */
    CompletableFuture<Outcome> submit(OtlpSignal signal, Message message) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the receiver is stopping"));
            return done;
        }
        queue.add(new Job(signal, message, clock.millis(), done));
        return done;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            Job first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            List<Job> group = new ArrayList<>();
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            if (!commit(group) && group.size() > 1) {
                for (Job job : group) {
                    commit(List.of(job));
                }
            }
        }
        for (Job left; (left = queue.poll()) != null; ) {
            left.done().completeExceptionally(new IllegalStateException("the receiver stopped"));
        }
    }

    /** Translates and commits the group; false (and rolled back) if that failed. */
    private boolean commit(List<Job> group) {
        List<Outcome> outcomes = new ArrayList<>(group.size());
        try {
            for (Job job : group) {
                Rejections r = switch (job.signal()) {
                    case METRICS -> metrics.translate((ExportMetricsServiceRequest) job.message(), job.receivedAt());
                    case LOGS -> logs.translate((ExportLogsServiceRequest) job.message(), job.receivedAt());
                    case TRACES -> spans.translate((ExportTraceServiceRequest) job.message(), job.receivedAt());
                };
                outcomes.add(new Outcome(r.count(), r.message()));
            }
            writer.commit();
            int samples = appender.takeAppended();
            LOG.debug("committed {} OTLP request(s), {} samples", group.size(), samples);
        } catch (RuntimeException e) {
            try {
                writer.rollback();
            } catch (RuntimeException f) {
                e.addSuppressed(f);
            }
            appender.forget();
            appender.takeAppended();
            appender.takeSkipped();
            if (group.size() == 1) {
                LOG.warn("an OTLP {} request could not be stored", group.getFirst().signal().path(), e);
                group.getFirst().done().completeExceptionally(e);
            }
            return false;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(outcomes.get(i));
        }
        return true;
    }

    /** Stops taking requests, stores what is queued, and waits for the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
