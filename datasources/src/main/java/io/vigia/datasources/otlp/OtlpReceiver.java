package io.vigia.datasources.otlp;

import com.sun.net.httpserver.HttpServer;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.SeriesWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OTLP/HTTP receiver ({@code /v1/metrics}, {@code /v1/logs}, {@code /v1/traces}, protobuf and
 * JSON, gzip) that stores what the assistants export into the workspace's series store. Runs until
 * closed; {@code vigia receive otlp} and the Settings page start one.
 */
public final class OtlpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpReceiver.class);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final OtlpIngest ingest;

    private OtlpReceiver(HttpServer server, ExecutorService handlers, OtlpIngest ingest) {
        this.server = server;
        this.handlers = handlers;
        this.ingest = ingest;
    }

    /**
     * Starts listening. {@code writer} is the receiver's own (it is closed with the receiver);
     * {@code reader} is the store it writes to, read once per new series.
     */
    public static OtlpReceiver start(OtlpReceiverOptions options, SeriesWriter writer, SeriesReader reader, Clock clock)
            throws IOException {
        ContentCapture content = options.contentFile().<ContentCapture>map(ContentCapture.ToFile::new).orElseGet(ContentCapture::off);
        OtlpIngest ingest = new OtlpIngest(writer, reader, content, clock);
        HttpServer server;
        try {
            server = HttpServer.create(options.listen(), 64);
        } catch (IOException e) {
            ingest.close();
            throw new IOException("could not listen on " + options.listen().getHostString() + ":" + options.listen().getPort()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService handlers = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("vigia-otlp-http-", 0).daemon().factory());
        server.setExecutor(handlers);
        for (OtlpSignal signal : OtlpSignal.values()) {
            server.createContext(signal.path(), new OtlpHttpHandler(signal, ingest, options.maxBodyBytes()));
        }
        server.start();
        LOG.info("OTLP receiver listening on {}", server.getAddress());
        return new OtlpReceiver(server, handlers, ingest);
    }

    /** The address it listens on (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening, lets requests in flight finish, and stores what was queued. */
    @Override
    public void close() {
        server.stop(1);
        handlers.shutdown();
        ingest.close();
        LOG.info("OTLP receiver on {} stopped", server.getAddress());
    }
}
