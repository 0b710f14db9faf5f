package io.vigia.datasources.promql.ast;

/** PromQL value types with the names Prometheus uses in its error messages. */
public enum ValueType {
    SCALAR("scalar"), VECTOR("instant vector"), MATRIX("range vector"), STRING("string"), NONE("none");

    private final String text;

    ValueType(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
