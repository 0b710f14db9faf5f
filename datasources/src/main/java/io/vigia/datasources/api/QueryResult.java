package io.vigia.datasources.api;

import io.vigia.persistence.series.Labels;

import java.util.List;

/**
 * What a PromQL query returns, shaped like Prometheus's HTTP API {@code data} object. Samples
 * live in primitive arrays: a matrix of 10,000 series holds 10,000 small records, not millions
 * of boxed points. Timestamps are milliseconds since the epoch.
 */
public sealed interface QueryResult {

    String resultType();

    /** A range vector or a range query's result. */
    record Matrix(List<RangeSeries> series) implements QueryResult {
        public Matrix {
            series = List.copyOf(series);
        }

        @Override
        public String resultType() {
            return "matrix";
        }
    }

    /** An instant vector: one sample per series, each at its own timestamp. */
    record Vector(Labels[] labels, long[] timestamps, double[] values) implements QueryResult {
        public Vector {
            if (labels.length != timestamps.length || labels.length != values.length) {
                throw new IllegalArgumentException("vector arrays differ in length");
            }
        }

        public int size() {
            return labels.length;
        }

        @Override
        public String resultType() {
            return "vector";
        }
    }

    record Scalar(long timestamp, double value) implements QueryResult {
        @Override
        public String resultType() {
            return "scalar";
        }
    }

    record StringValue(long timestamp, String value) implements QueryResult {
        @Override
        public String resultType() {
            return "string";
        }
    }

    /** One series of a matrix; arrays are owned by the record and must not be changed. */
    record RangeSeries(Labels labels, long[] timestamps, double[] values) {
        public RangeSeries {
            if (timestamps.length != values.length) {
                throw new IllegalArgumentException("timestamps and values differ in length");
            }
        }

        public int size() {
            return timestamps.length;
        }
    }
}
