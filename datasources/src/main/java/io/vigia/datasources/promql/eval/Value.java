package io.vigia.datasources.promql.eval;

import java.util.List;

/** An evaluated sub-expression over all steps of a query. */
public sealed interface Value {

    record VectorValue(List<StepSeries> series) implements Value {
    }

    record ScalarValue(double[] values) implements Value {
    }

    record StringValue(String value) implements Value {
    }

    /** A range vector: only a query's top level returns one (instant queries only). */
    record MatrixValue(List<RawSeries> series) implements Value {
    }
}
