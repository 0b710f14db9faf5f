package io.vigia.datasources.loki;

import io.vigia.datasources.prometheus.BuildInfo;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.datasources.api.ApiEnvelope;
import io.vigia.datasources.api.ApiJson;
import io.vigia.datasources.http.HttpResponseData;
import io.vigia.datasources.http.RemoteException;
import io.vigia.datasources.http.ResponseProblems;
import io.vigia.datasources.api.SampleResultReader;
import io.vigia.persistence.series.Labels;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decodes Loki HTTP API responses. Loki reports query errors as {@code text/plain} bodies with
 * status 400/499/500/504 (not Prometheus's JSON envelope); those become {@link ApiErrorException}s
 * carrying the server's text, with an error type derived from the status.
 */
public final class LokiDecoder {
    static final String API = "Loki";

    private LokiDecoder() {
    }

    public static LokiResponse query(HttpResponseData r) {
        return envelope(r, LokiDecoder::readQueryEnvelope);
    }

    public static List<String> stringList(HttpResponseData r) {
        return envelope(r, p -> dataOf(p, ApiJson::stringList));
    }

    public static List<Labels> series(HttpResponseData r) {
        return envelope(r, p -> dataOf(p, q -> {
            if (q.currentToken() == JsonToken.VALUE_NULL) {
                return List.<Labels>of();
            }
            ApiJson.expect(q, JsonToken.START_ARRAY, "an array of label sets");
            List<Labels> out = new ArrayList<>();
            while (q.nextToken() == JsonToken.START_OBJECT) {
                out.add(ApiJson.labels(q));
            }
            ApiJson.expect(q, JsonToken.END_ARRAY, "the end of the series array");
            return out;
        }));
    }

    /** {@code /loki/api/v1/status/buildinfo}: a bare object (Loki) or a Prometheus-style envelope. */
    public static BuildInfo buildInfo(HttpResponseData r) {
        Map<String, Object> m = envelope(r, LokiDecoder::objectTree);
        Object inner = m.get("data");
        if ("success".equals(m.get("status")) && inner instanceof Map<?, ?> d) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dm = (Map<String, Object>) d;
            m = dm;
        }
        if (!(m.get("version") instanceof String version)) {
            throw ResponseProblems.notApiResponse(r, API, "build info has no \"version\" (fields: " + m.keySet() + ")");
        }
        return new BuildInfo(version, str(m, "revision"), str(m, "branch"), str(m, "buildUser"), str(m, "buildDate"),
                str(m, "goVersion"));
    }

    /** {@code /loki/api/v1/index/stats}: a bare object without the status envelope. */
    public static IndexStats indexStats(HttpResponseData r) {
        Map<String, Object> m = envelope(r, LokiDecoder::objectTree);
        for (String k : List.of("streams", "chunks", "entries", "bytes")) {
            if (!(m.get(k) instanceof Number)) {
                throw ResponseProblems.notApiResponse(r, API, "index stats without a numeric \"" + k + "\" (fields: " + m.keySet() + ")");
            }
        }
        return new IndexStats(num(m, "streams"), num(m, "chunks"), num(m, "entries"), num(m, "bytes"));
    }

    /** One {@code /loki/api/v1/tail} WebSocket frame. */
    public static TailFrame tailFrame(HttpResponseData r) {
        return envelope(r, p -> {
            List<LogStream> streams = List.of();
            List<TailFrame.DroppedEntry> dropped = new ArrayList<>();
            Set<String> flags = new LinkedHashSet<>();
            boolean sawStreams = false;
            String name;
            while ((name = p.nextName()) != null) {
                p.nextToken();
                switch (name) {
                    case "streams" -> {
                        streams = readStreams(p);
                        sawStreams = true;
                    }
                    case "dropped_entries" -> {
                        if (p.currentToken() == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                long ts = 0;
                                Labels labels = Labels.EMPTY;
                                String f;
                                while ((f = p.nextName()) != null) {
                                    p.nextToken();
                                    switch (f) {
                                        case "timestamp" -> ts = ApiJson.nanos(p);
                                        case "labels" -> labels = ApiJson.labels(p);
                                        default -> p.skipChildren();
                                    }
                                }
                                dropped.add(new TailFrame.DroppedEntry(ts, labels));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "encodingFlags" -> flags.addAll(ApiJson.stringList(p));
                    default -> p.skipChildren();
                }
            }
            if (!sawStreams) {
                throw new ApiJson.ShapeException("a tail frame has no \"streams\"");
            }
            return new TailFrame(streams, dropped, flags);
        });
    }

    /** Parses the body (on its START_OBJECT) with {@code reader}; maps every failure to a clear exception. */
    static <T> T envelope(HttpResponseData r, Function<JsonParser, T> reader) {
        byte[] body = r.body();
        int first = ApiJson.firstSignificantByte(body);
        if (!r.isSuccessful()) {
            throw httpError(r, first);
        }
        if (first != '{') {
            throw ResponseProblems.notApiResponse(r, API, first < 0 ? "the body is empty" : "expected a JSON object");
        }
        try (JsonParser p = ApiJson.parser(body)) {
            p.nextToken();
            T result = reader.apply(p);
            if (p.nextToken() != null) {
                throw new ApiJson.ShapeException("more content after the response object (" + ApiJson.describe(p) + ")");
            }
            return result;
        } catch (JacksonException e) {
            throw new RemoteException(RemoteException.Kind.BAD_RESPONSE, r.status(),
                    r.target() + ": HTTP " + r.status() + " with " + ApiJson.describe(e), e);
        } catch (ApiJson.ShapeException e) {
            throw new RemoteException(RemoteException.Kind.BAD_RESPONSE, r.status(),
                    r.target() + ": unexpected " + API + " response: " + e.getMessage());
        }
    }

    private static RuntimeException httpError(HttpResponseData r, int first) {
        int s = r.status();
        if (first == '{') {
            // some Loki-compatible gateways (and Loki's Prometheus-style endpoints) send an envelope
            try (JsonParser p = ApiJson.parser(r.body())) {
                p.nextToken();
                ApiEnvelope.Fields<Object> f = ApiEnvelope.fields(p, (q, w) -> ApiJson.tree(q));
                if (f.isError() && f.error() != null) {
                    return ApiEnvelope.error(r, API, f.errorType() == null ? typeForStatus(s) : f.errorType(), f.error());
                }
            } catch (JacksonException | ApiJson.ShapeException e) {
                // not an envelope: fall through
            }
        }
        boolean plainText = first >= 0 && !ResponseProblems.looksLikeHtml(r) && first != '{';
        if (plainText && (s == 400 || s == 422 || s == 499 || s == 500 || s == 503 || s == 504 || s == 429)) {
            String text = r.bodyText().strip();
            String type = typeForStatus(s);
            return new ApiErrorException(type, s, text, API + " error (HTTP " + s + ", " + type + "): " + text);
        }
        return ResponseProblems.httpStatus(r, API);
    }

    private static String typeForStatus(int s) {
        return switch (s) {
            case 400, 422 -> "bad_data";
            case 499 -> "canceled";
            case 504 -> "timeout";
            case 429, 503 -> "unavailable";
            default -> "internal";
        };
    }

    /** {"status":"success","data":X} → X read by {@code reader}; "status" must be success. */
    private static <T> T dataOf(JsonParser p, Function<JsonParser, T> reader) {
        ApiEnvelope.Fields<T> f = ApiEnvelope.fields(p, (q, w) -> reader.apply(q));
        if (!f.isSuccess() || !f.hasData()) {
            throw new ApiJson.ShapeException("expected {\"status\":\"success\",\"data\":...}, got status "
                    + (f.status() == null ? "(none)" : "\"" + f.status() + "\"") + (f.hasData() ? "" : " and no data"));
        }
        return f.data();
    }

    private static LokiResponse readQueryEnvelope(JsonParser p) {
        ApiEnvelope.Fields<QueryData> f = ApiEnvelope.fields(p, LokiDecoder::readQueryData);
        if (!f.isSuccess()) {
            throw new ApiJson.ShapeException(f.status() == null ? "the JSON object has no \"status\" field" : "status is \"" + f.status() + "\"");
        }
        if (f.data() == null) {
            throw new ApiJson.ShapeException("\"status\" is success but there is no \"data\"");
        }
        Set<String> flags = new LinkedHashSet<>(f.encodingFlags());
        flags.addAll(f.data().flags);
        return new LokiResponse(f.data().result, f.data().stats, f.warnings(), flags);
    }

    private record QueryData(LokiResult result, LokiStats stats, Set<String> flags) {
    }

    private static QueryData readQueryData(JsonParser p, List<String> warnings) {
        ApiJson.expect(p, JsonToken.START_OBJECT, "\"data\" to be an object");
        String resultType = null;
        LokiResult result = null;
        LokiStats stats = LokiStats.EMPTY;
        Set<String> flags = new LinkedHashSet<>();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "resultType" -> resultType = t == JsonToken.VALUE_STRING ? p.getString() : null;
                case "result" -> {
                    if (resultType == null) {
                        throw new ApiJson.ShapeException("\"result\" arrives before \"resultType\"; cannot tell streams from samples");
                    }
                    if (resultType.equals("streams")) {
                        result = new LokiResult.Streams(readStreams(p));
                    } else {
                        SampleResultReader reader = new SampleResultReader();
                        reader.readResult(p);
                        String w = reader.skippedHistogramWarning();
                        if (w != null) {
                            warnings.add(w);
                        }
                        result = new LokiResult.Samples(reader.build(resultType));
                    }
                }
                case "stats" -> {
                    if (t == JsonToken.START_OBJECT) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> tree = (Map<String, Object>) ApiJson.tree(p);
                        stats = new LokiStats(tree);
                    } else {
                        p.skipChildren();
                    }
                }
                case "encodingFlags" -> flags.addAll(ApiJson.stringList(p));
                default -> p.skipChildren();
            }
        }
        if (result == null) {
            throw new ApiJson.ShapeException("\"data\" has no \"result\", so it is not a query result");
        }
        return new QueryData(result, stats, flags);
    }

    private static List<LogStream> readStreams(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        ApiJson.expect(p, JsonToken.START_ARRAY, "an array of streams");
        List<LogStream> out = new ArrayList<>();
        StreamBuffers buf = new StreamBuffers();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(readStream(p, buf));
        }
        ApiJson.expect(p, JsonToken.END_ARRAY, "the end of the streams array");
        return out;
    }

    /** Scratch arrays reused across the streams of one response. */
    private static final class StreamBuffers {
        long[] ts = new long[64];
        String[] lines = new String[64];
        Labels[] meta = new Labels[64];
        Labels[] parsed = new Labels[64];

        void grow() {
            int cap = ts.length * 2;
            ts = Arrays.copyOf(ts, cap);
            lines = Arrays.copyOf(lines, cap);
            meta = Arrays.copyOf(meta, cap);
            parsed = Arrays.copyOf(parsed, cap);
        }
    }

    private static LogStream readStream(JsonParser p, StreamBuffers b) {
        Labels labels = Labels.EMPTY;
        int n = 0;
        boolean sawStream = false;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "stream" -> {
                    labels = ApiJson.labels(p);
                    sawStream = true;
                }
                case "values" -> {
                    ApiJson.expect(p, JsonToken.START_ARRAY, "\"values\" to be an array of entries");
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        if (n == b.ts.length) {
                            b.grow();
                        }
                        p.nextToken();
                        b.ts[n] = ApiJson.nanos(p);
                        if (p.nextToken() != JsonToken.VALUE_STRING) {
                            throw new ApiJson.ShapeException("expected the log line of an entry, found " + ApiJson.describe(p));
                        }
                        b.lines[n] = p.getString();
                        b.meta[n] = Labels.EMPTY;
                        b.parsed[n] = Labels.EMPTY;
                        JsonToken next = p.nextToken();
                        if (next == JsonToken.START_OBJECT) {
                            readEntryMetadata(p, b, n);
                            next = p.nextToken();
                        }
                        if (next != JsonToken.END_ARRAY) {
                            throw new ApiJson.ShapeException("an entry has more than [timestamp, line, metadata]: " + ApiJson.describe(p));
                        }
                        n++;
                    }
                    ApiJson.expect(p, JsonToken.END_ARRAY, "the end of \"values\"");
                }
                default -> {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (!sawStream) {
            throw new ApiJson.ShapeException("a stream has no \"stream\" labels");
        }
        return new LogStream(labels, Arrays.copyOf(b.ts, n), Arrays.copyOf(b.lines, n), Arrays.copyOf(b.meta, n),
                Arrays.copyOf(b.parsed, n));
    }

    /**
     * The third element of an entry: with {@code categorize-labels} an object of
     * {@code structuredMetadata} and {@code parsed} label sets; from older servers a flat label set
     * that is the structured metadata.
     */
    private static void readEntryMetadata(JsonParser p, StreamBuffers b, int i) {
        Labels.Builder flat = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT && name.equals("structuredMetadata")) {
                b.meta[i] = ApiJson.labels(p);
            } else if (t == JsonToken.START_OBJECT && name.equals("parsed")) {
                b.parsed[i] = ApiJson.labels(p);
            } else if (t == JsonToken.VALUE_STRING) {
                if (flat == null) {
                    flat = Labels.builder();
                }
                flat.set(name, p.getString());
            } else {
                p.skipChildren();
            }
        }
        if (flat != null) {
            b.meta[i] = flat.build();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectTree(JsonParser p) {
        Object tree = ApiJson.tree(p);
        if (tree instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return new LinkedHashMap<>();
    }

    private static String str(Map<String, Object> m, String k) {
        return m.get(k) instanceof String s ? s : "";
    }

    private static long num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).longValue();
    }
}
