package io.vigia.datasources.promql.ast;

import java.util.Locale;

/** Aggregation operators; some take a parameter before the vector. */
public enum AggregateOp {
    SUM, AVG, MIN, MAX, COUNT, GROUP, STDDEV, STDVAR, TOPK(ValueType.SCALAR), BOTTOMK(ValueType.SCALAR),
    QUANTILE(ValueType.SCALAR), COUNT_VALUES(ValueType.STRING), LIMITK(ValueType.SCALAR),
    LIMIT_RATIO(ValueType.SCALAR);

    private final ValueType paramType;

    AggregateOp() {
        this(null);
    }

    AggregateOp(ValueType paramType) {
        this.paramType = paramType;
    }

    /** The parameter's type, or null when the operator takes none. */
    public ValueType paramType() {
        return paramType;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AggregateOp byName(String s) {
        for (AggregateOp op : values()) {
            if (op.text().equalsIgnoreCase(s)) {
                return op;
            }
        }
        return null;
    }
}
