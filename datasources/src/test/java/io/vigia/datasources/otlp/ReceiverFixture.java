package io.vigia.datasources.otlp;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A fresh workspace with a running receiver on a free loopback port, and PromQL over its store. */
public final class ReceiverFixture implements AutoCloseable {
    public final Workspace workspace;
    public final SqliteSeriesStore store;
    public final OtlpReceiver receiver;
    public final LocalPromqlSource promql;

    public ReceiverFixture(Path dir, long maxBodyBytes, Optional<Path> contentFile) throws Exception {
        workspace = Workspace.open(dir.resolve("otlp.vigia"));
        store = new SqliteSeriesStore(workspace);
        receiver = OtlpReceiver.start(new OtlpReceiverOptions(new InetSocketAddress("127.0.0.1", 0), false, maxBodyBytes, contentFile),
                store.writer(), store, Clock.systemUTC());
        promql = new LocalPromqlSource("local", store);
    }

    public ReceiverFixture(Path dir) throws Exception {
        this(dir, OtlpReceiverOptions.DEFAULT_MAX_BODY_BYTES, Optional.empty());
    }

    public String url(OtlpSignal signal) {
        return "http://127.0.0.1:" + receiver.address().getPort() + signal.path();
    }

    /** An instant query now; each series' labels (without the name) to its value. */
    public Map<Labels, Double> query(String expr) throws Exception {
        QueryResponse r = promql.query(expr, Instant.now().plusSeconds(1));
        Map<Labels, Double> out = new LinkedHashMap<>();
        switch (r.result()) {
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.put(v.labels()[i], v.values()[i]);
                }
            }
            case QueryResult.Scalar s -> out.put(Labels.EMPTY, s.value());
            default -> throw new AssertionError("unexpected result " + r.result().resultType());
        }
        return out;
    }

    /** The value of a query that returns exactly one sample. */
    public double value(String expr) throws Exception {
        Map<Labels, Double> r = query(expr);
        if (r.size() != 1) {
            throw new AssertionError(expr + " returned " + r);
        }
        return r.values().iterator().next();
    }

    @Override
    public void close() {
        receiver.close();
        store.close();
        workspace.close();
    }
}
