package io.vigia.datasources.promql.eval;

/** An error while evaluating a query (Prometheus's {@code execution} error type). */
public class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message);
    }
}
