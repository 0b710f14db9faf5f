package io.vigia.datasources.api;

import io.vigia.persistence.series.Labels;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes query results and errors exactly as Prometheus's HTTP API does: values as strings in Go's
 * {@code strconv.FormatFloat(v, 'f', -1, 64)} form, timestamps as seconds with millisecond fractions,
 * and Go's HTML-safe string escaping, so that output can be diffed against a real server.
 */
public final class PrometheusJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().characterEscapes(new GoEscapes()).build();

    private PrometheusJson() {
    }

    public static String toJson(QueryResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String errorJson(QueryException error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeError(error, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code {"status":"success","data":{...},"warnings":[...],"infos":[...]}}; the stream stays open. */
    public static void write(QueryResponse response, OutputStream out) {
        write(response, null, out);
    }

    /**
     * As {@link #write(QueryResponse, OutputStream)}, with {@code data.stats} as Prometheus writes it
     * for {@code stats=true|all} when {@code stats} is not null.
     */
    public static void write(QueryResponse response, QueryStats stats, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("status", "success");
            g.writeName("data");
            g.writeStartObject();
            QueryResult r = response.result();
            g.writeStringProperty("resultType", r.resultType());
            g.writeName("result");
            switch (r) {
                case QueryResult.Scalar s -> point(g, s.timestamp(), formatValue(s.value()));
                case QueryResult.StringValue s -> point(g, s.timestamp(), clean(s.value()));
                case QueryResult.Vector v -> {
                    g.writeStartArray();
                    for (int i = 0; i < v.size(); i++) {
                        g.writeStartObject();
                        metric(g, v.labels()[i]);
                        g.writeName("value");
                        point(g, v.timestamps()[i], formatValue(v.values()[i]));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                case QueryResult.Matrix m -> {
                    g.writeStartArray();
                    for (QueryResult.RangeSeries s : m.series()) {
                        g.writeStartObject();
                        metric(g, s.labels());
                        g.writeName("values");
                        g.writeStartArray();
                        for (int i = 0; i < s.size(); i++) {
                            point(g, s.timestamps()[i], formatValue(s.values()[i]));
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            if (stats != null) {
                stats(g, stats);
            }
            g.writeEndObject();
            strings(g, "warnings", response.warnings());
            strings(g, "infos", response.infos());
            g.writeEndObject();
        }
    }

    /** The /api/v1/series shape: {@code {"status":"success","data":[{"__name__":"up",...},...]}}. */
    public static String seriesJson(List<Labels> series) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeSeries(series, List.of(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The /api/v1/series shape with the answer's warnings; the stream stays open. */
    public static void writeSeries(List<Labels> series, List<String> warnings, OutputStream out) {
        writeSuccess(out, warnings, g -> {
            g.writeStartArray();
            for (Labels l : series) {
                labelSet(g, l);
            }
            g.writeEndArray();
        });
    }

    /** The /api/v1/labels and /label/NAME/values shape: {@code {"status":"success","data":["a","b"]}}. */
    public static String stringsJson(List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeStrings(values, List.of(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The /api/v1/labels shape with the answer's warnings; the stream stays open. */
    public static void writeStrings(List<String> values, List<String> warnings, OutputStream out) {
        writeSuccess(out, warnings, g -> {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(clean(v));
            }
            g.writeEndArray();
        });
    }

    /** Writes the value of {@code "data"}. */
    @FunctionalInterface
    public interface DataWriter {
        void write(JsonGenerator g);
    }

    /**
     * {@code {"status":"success","data":DATA,"warnings":[...]}} for any endpoint's data (build info,
     * metadata, Loki's streams); the stream stays open.
     */
    public static void writeSuccess(OutputStream out, List<String> warnings, DataWriter data) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("status", "success");
            g.writeName("data");
            data.write(g);
            strings(g, "warnings", warnings);
            g.writeEndObject();
        }
    }

    /** A label set as a JSON object, as Prometheus writes a series' metric. */
    public static void labelSet(JsonGenerator g, Labels labels) {
        g.writeStartObject();
        for (int i = 0; i < labels.size(); i++) {
            g.writeStringProperty(clean(labels.name(i)), clean(labels.value(i)));
        }
        g.writeEndObject();
    }

    /**
     * A generator with Go's escaping (what Prometheus's and Loki's encoders write), for one
     * response; closing it flushes and leaves {@code out} open.
     */
    public static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), new NonClosing(out));
    }

    /** {@code "stats":{"timings":{...},"samples":{...}}}, the fields of Prometheus's util/stats BuiltinStats. */
    private static void stats(JsonGenerator g, QueryStats s) {
        g.writeName("stats");
        g.writeStartObject();
        g.writeName("timings");
        g.writeStartObject();
        g.writeNumberProperty("evalTotalTime", s.evalTotalSeconds());
        g.writeNumberProperty("resultSortTime", s.resultSortSeconds());
        g.writeNumberProperty("queryPreparationTime", s.preparationSeconds());
        g.writeNumberProperty("innerEvalTime", s.innerEvalSeconds());
        g.writeNumberProperty("execQueueTime", s.queueSeconds());
        g.writeNumberProperty("execTotalTime", s.execTotalSeconds());
        g.writeEndObject();
        g.writeName("samples");
        g.writeStartObject();
        g.writeNumberProperty("totalQueryableSamples", s.samplesRead());
        g.writeNumberProperty("samplesRead", s.samplesRead());
        g.writeNumberProperty("peakSamples", s.peakSamples());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** {@code {"status":"error","errorType":"bad_data","error":"..."}}; the stream stays open. */
    public static void writeError(QueryException error, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("status", "error");
            g.writeStringProperty("errorType", error.errorType());
            g.writeStringProperty("error", error.getMessage() == null ? "" : error.getMessage());
            g.writeEndObject();
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(clean(v));
        }
        g.writeEndArray();
    }

    /** Go's JSON encoder writes invalid UTF-8 (kept as lone surrogates here) as U+FFFD. */
    static String clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                StringBuilder sb = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (Character.isHighSurrogate(c) && j + 1 < s.length() && Character.isLowSurrogate(s.charAt(j + 1))) {
                        sb.append(c).append(s.charAt(++j));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }

    private static void metric(JsonGenerator g, Labels labels) {
        g.writeName("metric");
        labelSet(g, labels);
    }

    private static void point(JsonGenerator g, long timestampMs, String value) {
        g.writeStartArray();
        g.writeNumber(formatTimestamp(timestampMs));
        g.writeString(value);
        g.writeEndArray();
    }

    /** Seconds with the millisecond fraction written as Prometheus does ({@code 1.5} s is {@code 1.500}). */
    public static String formatTimestamp(long ms) {
        StringBuilder sb = new StringBuilder();
        long t = ms;
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        sb.append(t / 1000);
        long frac = t % 1000;
        if (frac != 0) {
            sb.append('.');
            if (frac < 100) {
                sb.append('0');
            }
            if (frac < 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** Go's strconv.FormatFloat(v, 'f', -1, 64) with Prometheus's spellings of NaN and infinities. */
    public static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Go's encoding/json escapes &lt; &gt; &amp; and U+2028/U+2029 as \\u sequences. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] table;

        GoEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_CUSTOM;
            table['>'] = ESCAPE_CUSTOM;
            table['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
