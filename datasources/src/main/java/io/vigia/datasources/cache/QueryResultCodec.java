package io.vigia.datasources.cache;

import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A query result as bytes for the workspace cache: primitive arrays written as they are, then
 * deflated (the timestamps of a range result are a regular grid and compress to almost nothing).
 * Hand-written because it is a few dozen lines over DataOutputStream; a serialization library
 * would add a dependency for no gain.
 */
final class QueryResultCodec {
    private static final int VERSION = 1;

    private QueryResultCodec() {
    }

    static byte[] encode(QueryResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeByte(VERSION);
            switch (r) {
                case QueryResult.Matrix m -> {
                    out.writeByte('m');
                    out.writeInt(m.series().size());
                    for (QueryResult.RangeSeries s : m.series()) {
                        writeLabels(out, s.labels());
                        out.writeInt(s.size());
                        for (long t : s.timestamps()) {
                            out.writeLong(t);
                        }
                        for (double v : s.values()) {
                            out.writeLong(Double.doubleToRawLongBits(v));
                        }
                    }
                }
                case QueryResult.Vector v -> {
                    out.writeByte('v');
                    out.writeInt(v.size());
                    for (int i = 0; i < v.size(); i++) {
                        writeLabels(out, v.labels()[i]);
                        out.writeLong(v.timestamps()[i]);
                        out.writeLong(Double.doubleToRawLongBits(v.values()[i]));
                    }
                }
                case QueryResult.Scalar s -> {
                    out.writeByte('s');
                    out.writeLong(s.timestamp());
                    out.writeLong(Double.doubleToRawLongBits(s.value()));
                }
                case QueryResult.StringValue s -> {
                    out.writeByte('t');
                    out.writeLong(s.timestamp());
                    out.writeUTF(s.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static QueryResult decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            if (in.readByte() != VERSION) {
                throw new IOException("unknown cache entry version");
            }
            return switch (in.readByte()) {
                case 'm' -> {
                    int n = in.readInt();
                    List<QueryResult.RangeSeries> series = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Labels l = readLabels(in);
                        int size = in.readInt();
                        long[] ts = new long[size];
                        double[] vs = new double[size];
                        for (int j = 0; j < size; j++) {
                            ts[j] = in.readLong();
                        }
                        for (int j = 0; j < size; j++) {
                            vs[j] = Double.longBitsToDouble(in.readLong());
                        }
                        series.add(new QueryResult.RangeSeries(l, ts, vs));
                    }
                    yield new QueryResult.Matrix(series);
                }
                case 'v' -> {
                    int n = in.readInt();
                    Labels[] labels = new Labels[n];
                    long[] ts = new long[n];
                    double[] vs = new double[n];
                    for (int i = 0; i < n; i++) {
                        labels[i] = readLabels(in);
                        ts[i] = in.readLong();
                        vs[i] = Double.longBitsToDouble(in.readLong());
                    }
                    yield new QueryResult.Vector(labels, ts, vs);
                }
                case 's' -> new QueryResult.Scalar(in.readLong(), Double.longBitsToDouble(in.readLong()));
                case 't' -> new QueryResult.StringValue(in.readLong(), in.readUTF());
                default -> throw new IOException("unknown result type in cache entry");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt query cache entry: " + e.getMessage(), e);
        }
    }

    private static void writeLabels(DataOutputStream out, Labels l) throws IOException {
        out.writeInt(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.writeUTF(l.name(i));
            out.writeUTF(l.value(i));
        }
    }

    private static Labels readLabels(DataInputStream in) throws IOException {
        int n = in.readInt();
        String[] pairs = new String[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            pairs[i] = in.readUTF();
        }
        return Labels.of(pairs);
    }
}
