package io.vigia.datasources.api;

import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@code result} of a Prometheus-style query ({@code matrix}, {@code vector},
 * {@code scalar}, {@code string}), as Prometheus and Loki metric queries return it, straight into
 * {@link QueryResult}'s primitive arrays. The shape is read from the JSON itself ({@code values}
 * vs {@code value}, a bare point), so the result does not depend on {@code resultType} appearing
 * first; {@link #build(String)} checks the two agree.
 *
 * <p>Native histogram samples ({@code histogram}/{@code histograms}) are out of scope: they are
 * skipped and reported through {@link #skippedHistogramSeries()} so the caller can warn.
 */
public final class SampleResultReader {
    private static final int SHOWN_SKIPPED = 3;

    private final List<QueryResult.RangeSeries> matrix = new ArrayList<>();
    private Labels[] vecLabels = new Labels[16];
    private long[] vecTs = new long[16];
    private double[] vecValues = new double[16];
    private int vecSize;
    private long[] scratchTs = new long[256];
    private double[] scratchValues = new double[256];
    private boolean sawPoint;
    private long pointTs;
    private String pointText;
    private int skippedHistograms;
    private final List<String> skippedExamples = new ArrayList<>();
    /** The bytes the parser reads, from offset 0, for reading values in place; null when not known. */
    private final byte[] input;

    public SampleResultReader() {
        this(null);
    }

    /** A reader whose parser was made over {@code input} from its first byte ({@link ApiJson#parser(byte[])}). */
    public SampleResultReader(byte[] input) {
        this.input = input;
    }

    /** Reads the {@code result} value; the parser is on its first token. */
    public void readResult(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        ApiJson.expect(p, JsonToken.START_ARRAY, "\"result\" to be an array");
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            do {
                readSeries(p);
            } while (p.nextToken() == JsonToken.START_OBJECT);
            ApiJson.expect(p, JsonToken.END_ARRAY, "the end of the result array");
            return;
        }
        readPointBody(p);
    }

    /** Reads a bare point {@code [ts, "value"]} whose START_ARRAY the parser is on (Prometheus's scalar form). */
    public void readPoint(JsonParser p) {
        ApiJson.expect(p, JsonToken.START_ARRAY, "a [timestamp, value] point");
        p.nextToken();
        readPointBody(p);
    }

    /** Reads a point whose START_ARRAY was consumed; the parser is on the timestamp. */
    public void readPointAfterOpen(JsonParser p) {
        readPointBody(p);
    }

    private void readPointBody(JsonParser p) {
        pointTs = ApiJson.timestampMillis(p);
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_STRING) {
            pointText = p.getString();
        } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            pointText = p.getString();
        } else {
            throw new ApiJson.ShapeException("expected the value of a [timestamp, value] point, found " + ApiJson.describe(p));
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new ApiJson.ShapeException("a point has more than [timestamp, value]: " + ApiJson.describe(p));
        }
        sawPoint = true;
    }

    private void readSeries(JsonParser p) {
        Labels labels = Labels.EMPTY;
        int n = -1;          // points read from "values"
        boolean single = false;
        long singleTs = 0;
        double singleValue = 0;
        boolean histogram = false;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "metric" -> labels = ApiJson.labels(p);
                case "values" -> n = readValues(p);
                case "value" -> {
                    ApiJson.expect(p, JsonToken.START_ARRAY, "\"value\" to be a [timestamp, value] point");
                    p.nextToken();
                    singleTs = ApiJson.timestampMillis(p);
                    p.nextToken();
                    singleValue = ApiJson.sampleValue(p);
                    if (p.nextToken() != JsonToken.END_ARRAY) {
                        throw new ApiJson.ShapeException("\"value\" has more than [timestamp, value]: " + ApiJson.describe(p));
                    }
                    single = true;
                }
                case "histogram", "histograms" -> {
                    histogram = true;
                    p.skipChildren();
                }
                default -> {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (histogram) {
            skippedHistograms++;
            if (skippedExamples.size() < SHOWN_SKIPPED) {
                skippedExamples.add(labels.toString());
            }
        }
        if (single && n >= 0) {
            throw new ApiJson.ShapeException("a series has both \"value\" and \"values\": " + labels);
        }
        if (n >= 0) {
            matrix.add(new QueryResult.RangeSeries(labels, Arrays.copyOf(scratchTs, n), Arrays.copyOf(scratchValues, n)));
        } else if (single) {
            if (vecSize == vecLabels.length) {
                int cap = vecSize * 2;
                vecLabels = Arrays.copyOf(vecLabels, cap);
                vecTs = Arrays.copyOf(vecTs, cap);
                vecValues = Arrays.copyOf(vecValues, cap);
            }
            vecLabels[vecSize] = labels;
            vecTs[vecSize] = singleTs;
            vecValues[vecSize] = singleValue;
            vecSize++;
        } else if (!histogram) {
            throw new ApiJson.ShapeException("a result series has neither \"value\" nor \"values\": " + labels);
        }
    }

    /** Reads {@code [[ts,"v"],...]} into the scratch arrays; returns the count. */
    private int readValues(JsonParser p) {
        ApiJson.expect(p, JsonToken.START_ARRAY, "\"values\" to be an array of points");
        int n = 0;
        long[] ts = scratchTs;
        double[] vs = scratchValues;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                vs = Arrays.copyOf(vs, n * 2);
            }
            // the common token types are handled inline: this loop runs once per sample
            ts[n] = p.nextToken() == JsonToken.VALUE_NUMBER_FLOAT ? timestamp(p) : ApiJson.timestampMillis(p);
            vs[n] = p.nextToken() == JsonToken.VALUE_STRING ? stringValue(p) : ApiJson.sampleValue(p);
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new ApiJson.ShapeException("a point has more than [timestamp, value]: " + ApiJson.describe(p));
            }
            n++;
        }
        scratchTs = ts;
        scratchValues = vs;
        if (t != JsonToken.END_ARRAY) {
            throw new ApiJson.ShapeException("expected a [timestamp, value] point, found " + ApiJson.describe(p));
        }
        return n;
    }

    /** The timestamp of the number token the parser is on, read in place from the input when it can be. */
    private long timestamp(JsonParser p) {
        if (input != null) {
            long at = p.currentTokenLocation().getByteOffset();
            if (at >= 0 && at < input.length) {
                long millis = DecimalParser.secondsToMillis(input, (int) at);
                if (millis != DecimalParser.NO_MILLIS) {
                    return millis;
                }
            }
        }
        return ApiJson.secondsToMillis(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    }

    /**
     * The value of the string token the parser is on: read in place from the input when it is a
     * plain decimal (the token's location is the byte offset of its opening quote), which spares
     * Jackson copying it into characters; otherwise through {@link ApiJson#parseValue}.
     */
    private double stringValue(JsonParser p) {
        if (input != null) {
            long quote = p.currentTokenLocation().getByteOffset();
            if (quote >= 0 && quote < input.length - 1 && input[(int) quote] == '"') {
                long bits = DecimalParser.parseQuoted(input, (int) quote + 1);
                if (bits != DecimalParser.NOT_HANDLED) {
                    return Double.longBitsToDouble(bits);
                }
            }
        }
        return ApiJson.parseValue(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    }

    public int skippedHistogramSeries() {
        return skippedHistograms;
    }

    /** A warning for the panel when native-histogram series were skipped, else null. */
    public String skippedHistogramWarning() {
        if (skippedHistograms == 0) {
            return null;
        }
        return "Vigia skipped native histogram samples of " + skippedHistograms + " series (native histograms are not"
                + " supported yet; query e.g. histogram_quantile(0.9, ...) or histogram_count(...) instead): "
                + String.join(", ", skippedExamples) + (skippedHistograms > skippedExamples.size() ? ", ..." : "");
    }

    /**
     * The result. {@code resultType} may be null (not sent); when present it must agree with what
     * was read.
     */
    public QueryResult build(String resultType) {
        boolean hasMatrix = !matrix.isEmpty();
        boolean hasVector = vecSize > 0;
        if (hasMatrix && hasVector) {
            throw new ApiJson.ShapeException("result mixes range series (\"values\") and instant samples (\"value\")");
        }
        String type = resultType;
        if (type == null) {
            type = sawPoint ? "scalar" : hasVector ? "vector" : hasMatrix || skippedHistograms > 0 ? "matrix" : null;
            if (type == null) {
                throw new ApiJson.ShapeException("empty result without \"resultType\"");
            }
        }
        switch (type) {
            case "matrix" -> {
                if (hasVector || sawPoint) {
                    throw mismatch(type);
                }
                return new QueryResult.Matrix(matrix);
            }
            case "vector" -> {
                if (hasMatrix || sawPoint) {
                    throw mismatch(type);
                }
                return new QueryResult.Vector(Arrays.copyOf(vecLabels, vecSize), Arrays.copyOf(vecTs, vecSize),
                        Arrays.copyOf(vecValues, vecSize));
            }
            case "scalar" -> {
                if (!sawPoint) {
                    throw mismatch(type);
                }
                char[] c = pointText.toCharArray();
                return new QueryResult.Scalar(pointTs, ApiJson.parseValue(c, 0, c.length));
            }
            case "string" -> {
                if (!sawPoint) {
                    throw mismatch(type);
                }
                return new QueryResult.StringValue(pointTs, pointText);
            }
            default -> throw new ApiJson.ShapeException("unknown resultType \"" + type + "\"");
        }
    }

    private ApiJson.ShapeException mismatch(String type) {
        String found = sawPoint ? "a single point" : vecSize > 0 ? "instant samples (\"value\")" : "range series (\"values\")";
        return new ApiJson.ShapeException("resultType is \"" + type + "\" but the result holds " + found);
    }
}
