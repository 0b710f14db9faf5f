package io.vigia.datasources.promql.eval;

/** The evaluating thread was interrupted: the query was canceled by its caller. */
public class CanceledException extends EvalException {
    public CanceledException() {
        super("query was canceled in expression evaluation");
    }
}
