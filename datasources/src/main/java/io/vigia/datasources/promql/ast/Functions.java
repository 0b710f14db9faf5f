package io.vigia.datasources.promql.ast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vigia.datasources.promql.ast.ValueType.MATRIX;
import static io.vigia.datasources.promql.ast.ValueType.SCALAR;
import static io.vigia.datasources.promql.ast.ValueType.STRING;
import static io.vigia.datasources.promql.ast.ValueType.VECTOR;

/**
 * The PromQL function signatures, as Prometheus 3 declares them (promql/parser/functions.go), with
 * its Experimental mark: those need {@link PromqlFeature#EXPERIMENTAL_FUNCTIONS}.
 */
public final class Functions {
    private static final Map<String, FunctionDef> DEFS = new HashMap<>();

    static {
        for (String f : List.of("abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "deg", "rad",
                "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
                "timestamp", "sort", "sort_desc", "absent", "histogram_avg", "histogram_count", "histogram_sum",
                "histogram_stddev", "histogram_stdvar")) {
            def(f, VECTOR, 0, false, VECTOR);
        }
        for (String f : List.of("days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute",
                "month", "year")) {
            def(f, VECTOR, 1, false, VECTOR);
        }
        for (String f : List.of("rate", "irate", "increase", "delta", "idelta", "deriv", "resets", "changes",
                "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
                "last_over_time", "present_over_time", "stddev_over_time", "stdvar_over_time",
                "absent_over_time", "first_over_time")) {
            def(f, VECTOR, 0, false, MATRIX);
        }
        for (String f : List.of("mad_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
                "ts_of_min_over_time", "ts_of_max_over_time")) {
            def(f, VECTOR, 0, true, MATRIX);
        }
        def("quantile_over_time", VECTOR, 0, false, SCALAR, MATRIX);
        def("predict_linear", VECTOR, 0, false, MATRIX, SCALAR);
        def("double_exponential_smoothing", VECTOR, 0, true, MATRIX, SCALAR, SCALAR);
        def("clamp", VECTOR, 0, false, VECTOR, SCALAR, SCALAR);
        def("clamp_min", VECTOR, 0, false, VECTOR, SCALAR);
        def("clamp_max", VECTOR, 0, false, VECTOR, SCALAR);
        def("round", VECTOR, 1, false, VECTOR, SCALAR);
        def("histogram_quantile", VECTOR, 0, false, SCALAR, VECTOR);
        def("histogram_quantiles", VECTOR, 9, true, VECTOR, STRING, SCALAR, SCALAR);
        def("histogram_fraction", VECTOR, 0, false, SCALAR, SCALAR, VECTOR);
        def("label_replace", VECTOR, 0, false, VECTOR, STRING, STRING, STRING, STRING);
        def("label_join", VECTOR, -1, false, VECTOR, STRING, STRING, STRING);
        def("sort_by_label", VECTOR, -1, true, VECTOR, STRING);
        def("sort_by_label_desc", VECTOR, -1, true, VECTOR, STRING);
        def("info", VECTOR, 1, true, VECTOR, VECTOR);
        def("start_timestamp", VECTOR, 0, true, VECTOR);
        def("pi", SCALAR, 0, false);
        // Query-context functions of Prometheus's experimental duration expressions.
        def("step", SCALAR, 0, true);
        def("range", SCALAR, 0, true);
        def("start", SCALAR, 0, true);
        def("end", SCALAR, 0, true);
        def("min_of", SCALAR, 0, true, SCALAR, SCALAR);
        def("max_of", SCALAR, 0, true, SCALAR, SCALAR);
        def("time", SCALAR, 0, false);
        def("scalar", SCALAR, 0, false, VECTOR);
        def("vector", VECTOR, 0, false, SCALAR);
    }

    private Functions() {
    }

    private static void def(String name, ValueType ret, int variadic, boolean experimental, ValueType... args) {
        DEFS.put(name, new FunctionDef(name, List.of(args), variadic, ret, experimental));
    }

    /** The signature of a function, or null when PromQL has no such function. */
    public static FunctionDef get(String name) {
        return DEFS.get(name);
    }
}
