package io.vigia.datasources.prometheus;

import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.api.ApiEnvelope;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.api.ApiJson;
import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.api.SampleResultReader;
import io.vigia.persistence.series.Labels;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Prometheus HTTP API responses ({@code {"status":..,"data":..,"warnings":..,"infos":..}})
 * with Jackson's streaming parser. Anything that is not such an envelope becomes a
 * {@link RemoteException} saying what arrived instead; an error envelope becomes an
 * {@link ApiErrorException} carrying Prometheus's {@code errorType} and message.
 */
public final class PrometheusDecoder {
    static final String API = "Prometheus";

    private PrometheusDecoder() {
    }

    public static QueryResponse query(HttpResponseData r) {
        ApiEnvelope.Fields<QueryResult> e = decode(r, (p, w) -> readQueryData(p, w, r.body()));
        return new QueryResponse(e.data(), e.warnings(), e.infos());
    }

    /** Decodes a query response body; used by tests and benchmarks that have the bytes already. */
    public static QueryResponse query(byte[] body) {
        return query(new HttpResponseData("GET", "(bytes)", 200, "OK", "application/json", null, body));
    }

    public static List<String> stringList(HttpResponseData r) {
        return decode(r, (p, w) -> ApiJson.stringList(p)).data();
    }

    public static List<Labels> series(HttpResponseData r) {
        return decode(r, (p, w) -> {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return List.<Labels>of();
            }
            ApiJson.expect(p, JsonToken.START_ARRAY, "an array of label sets");
            List<Labels> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(ApiJson.labels(p));
            }
            ApiJson.expect(p, JsonToken.END_ARRAY, "the end of the series array");
            return out;
        }).data();
    }

    public static Map<String, List<MetricMetadata>> metadata(HttpResponseData r) {
        return decode(r, (p, w) -> {
            ApiJson.expect(p, JsonToken.START_OBJECT, "an object of metric name to metadata");
            Map<String, List<MetricMetadata>> out = new LinkedHashMap<>();
            String metric;
            while ((metric = p.nextName()) != null) {
                p.nextToken();
                ApiJson.expect(p, JsonToken.START_ARRAY, "a metadata array for " + metric);
                List<MetricMetadata> list = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String type = "";
                    String help = "";
                    String unit = "";
                    String f;
                    while ((f = p.nextName()) != null) {
                        p.nextToken();
                        switch (f) {
                            case "type" -> type = p.getString();
                            case "help" -> help = p.getString();
                            case "unit" -> unit = p.getString();
                            default -> p.skipChildren();
                        }
                    }
                    list.add(new MetricMetadata(type, help, unit));
                }
                out.put(metric, List.copyOf(list));
            }
            return out;
        }).data();
    }

    public static BuildInfo buildInfo(HttpResponseData r) {
        return decode(r, (p, w) -> {
            ApiJson.expect(p, JsonToken.START_OBJECT, "a build info object");
            Map<String, String> f = new LinkedHashMap<>();
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else if (t != JsonToken.VALUE_NULL) {
                    f.put(name, p.getString());
                }
            }
            if (!f.containsKey("version")) {
                throw new ApiJson.ShapeException("build info has no \"version\" (fields: " + f.keySet() + ")");
            }
            return new BuildInfo(f.get("version"), f.getOrDefault("revision", ""), f.getOrDefault("branch", ""),
                    f.getOrDefault("buildUser", ""), f.getOrDefault("buildDate", ""), f.getOrDefault("goVersion", ""));
        }).data();
    }

    /** {@code data} as a bare string ({@code format_query}). */
    public static String string(HttpResponseData r) {
        return decode(r, (p, w) -> {
            ApiJson.expect(p, JsonToken.VALUE_STRING, "a string");
            return p.getString();
        }).data();
    }

    /** {@code data} as a generic tree ({@code parse_query}'s AST). */
    public static Object tree(HttpResponseData r) {
        return decode(r, (p, w) -> ApiJson.tree(p)).data();
    }

    static <T> ApiEnvelope.Fields<T> decode(HttpResponseData r, ApiEnvelope.DataReader<T> reader) {
        return ApiEnvelope.decode(r, API, reader);
    }

    private static QueryResult readQueryData(JsonParser p, List<String> warnings, byte[] body) {
        SampleResultReader reader = new SampleResultReader(body);
        String resultType = null;
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            // Prometheus's JSON codec writes a bare scalar as the point itself: "data":[ts,"v"]
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT || first == JsonToken.END_ARRAY) {
                throw new ApiJson.ShapeException("\"data\" is an array of objects, not a query result"
                        + " (is this /api/v1/query_exemplars or another endpoint?)");
            }
            reader.readPointAfterOpen(p);
            return reader.build("scalar");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new ApiJson.ShapeException("\"data\" is " + ApiJson.describe(p) + ", not a query result object");
        }
        boolean hasResult = false;
        List<String> fields = new ArrayList<>();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            fields.add(name);
            switch (name) {
                case "resultType" -> resultType = v == JsonToken.VALUE_STRING ? p.getString() : null;
                case "result" -> {
                    reader.readResult(p);
                    hasResult = true;
                }
                default -> p.skipChildren();
            }
        }
        if (!hasResult) {
            throw new ApiJson.ShapeException("\"data\" has no \"result\" (fields: " + String.join(", ", fields)
                    + "), so it is not a query result");
        }
        String warning = reader.skippedHistogramWarning();
        if (warning != null) {
            warnings.add(warning);
        }
        return reader.build(resultType);
    }
}
