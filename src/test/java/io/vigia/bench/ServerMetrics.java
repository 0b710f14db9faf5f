package io.vigia.bench;

import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ExpositionParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A server's own {@code /metrics}, read once with Vigia's exposition parser: the first sample of each name. */
record ServerMetrics(Map<String, Double> values) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ServerMetrics scrape(URI server) throws IOException, InterruptedException, ExpositionParseException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/metrics")).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Double> values = new HashMap<>();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(server + "/metrics answered " + response.statusCode());
            }
            ExpositionParser.parse(body, ExpositionFormat.PROMETHEUS_TEXT,
                    (labels, value, hasTimestamp, timestamp, exemplar) -> values.putIfAbsent(labels.metricName(), value));
        }
        return new ServerMetrics(Map.copyOf(values));
    }

    /** The value of an unlabelled metric; a missing one fails, naming what the server does have. */
    double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no " + name + " among the server's " + values.size() + " metrics");
        }
        return v;
    }
}
