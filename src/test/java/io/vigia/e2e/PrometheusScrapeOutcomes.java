package io.vigia.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads back what a real Prometheus stored for each scrape job, through its HTTP API: one
 * instant query of a range selector returns every raw sample of every job in the window
 * (stale markers are never returned by PromQL).
 */
final class PrometheusScrapeOutcomes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI prometheus;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PrometheusScrapeOutcomes(URI prometheus) {
        this.prometheus = prometheus;
    }

    /** The result of an instant PromQL query, {@code data.result}. */
    JsonNode query(String promql, long atMillis) throws IOException, InterruptedException {
        String url = prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + (atMillis / 1000.0);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
            throw new IOException("query " + promql + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return body.path("data").path("result");
    }

    /** Every job but Prometheus's own, by job name, from the samples in {@code [fromMillis, toMillis]}. */
    Map<String, ScrapeOutcome> read(long fromMillis, long toMillis) throws IOException, InterruptedException {
        JsonNode result = query("{job=~\".+\",job!=\"prometheus\"}[" + (toMillis - fromMillis) + "ms]", toMillis);
        Map<String, List<ScrapeOutcome.StoredSeries>> byJob = new HashMap<>();
        for (JsonNode series : result) {
            SortedMap<String, String> labels = new TreeMap<>();
            series.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            JsonNode values = series.path("values");
            long[] ts = new long[values.size()];
            double[] vs = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                ts[i] = Math.round(values.get(i).get(0).asDouble() * 1000);
                vs[i] = parseValue(values.get(i).get(1).asString());
            }
            byJob.computeIfAbsent(labels.get("job"), j -> new ArrayList<>())
                    .add(new ScrapeOutcome.StoredSeries(labels, ts, vs));
        }
        Map<String, ScrapeOutcome> out = new HashMap<>();
        byJob.forEach((job, series) -> out.put(job, ScrapeOutcome.of(series)));
        return out;
    }

    /** Prometheus's API writes values as Go formats them: {@code NaN}, {@code +Inf}, {@code -Inf} or a decimal. */
    static double parseValue(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
