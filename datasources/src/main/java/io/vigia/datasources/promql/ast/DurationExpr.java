package io.vigia.datasources.promql.ast;

/**
 * Arithmetic in a duration (Prometheus's duration expressions): a range {@code [5m+30s]}, a
 * subquery step, an offset {@code offset (2*1m)}. Values are seconds; {@code step()} and
 * {@code range()} are the query's step and range, known only when the query runs, so an
 * expression using them is kept in the tree and resolved per query.
 */
public sealed interface DurationExpr {

    PosRange pos();

    /** The value in seconds for a query with the given step and range (both 0 for an instant query). */
    double seconds(long stepMs, long rangeMs);

    /** Whether the value depends on the query ({@code step()} or {@code range()} occurs). */
    boolean queryDependent();

    record Literal(double value, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            return value;
        }

        @Override
        public boolean queryDependent() {
            return false;
        }
    }

    /** {@code step()} or {@code range()}. */
    record QueryContext(boolean range, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            return (range ? rangeMs : stepMs) / 1000.0;
        }

        @Override
        public boolean queryDependent() {
            return true;
        }
    }

    /** {@code min_of(a, b)} or {@code max_of(a, b)}. */
    record MinMax(boolean max, DurationExpr lhs, DurationExpr rhs, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            double a = lhs.seconds(stepMs, rangeMs);
            double b = rhs.seconds(stepMs, rangeMs);
            return max ? Math.max(a, b) : Math.min(a, b);
        }

        @Override
        public boolean queryDependent() {
            return lhs.queryDependent() || rhs.queryDependent();
        }
    }

    record Unary(boolean negate, DurationExpr expr, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            double v = expr.seconds(stepMs, rangeMs);
            return negate ? -v : v;
        }

        @Override
        public boolean queryDependent() {
            return expr.queryDependent();
        }
    }

    record Paren(DurationExpr expr, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            return expr.seconds(stepMs, rangeMs);
        }

        @Override
        public boolean queryDependent() {
            return expr.queryDependent();
        }
    }

    /** {@code + - * / % ^}; division and modulo by zero are errors, as in Prometheus's durations.go. */
    record Binary(BinaryOp op, DurationExpr lhs, DurationExpr rhs, PosRange pos) implements DurationExpr {
        @Override
        public double seconds(long stepMs, long rangeMs) {
            double a = lhs.seconds(stepMs, rangeMs);
            double b = rhs.seconds(stepMs, rangeMs);
            return switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> {
                    if (b == 0) {
                        throw new ArithmeticException("division by zero");
                    }
                    yield a / b;
                }
                case MOD -> {
                    if (b == 0) {
                        throw new ArithmeticException("modulo by zero");
                    }
                    yield a % b;
                }
                case POW -> Math.pow(a, b);
                default -> throw new IllegalStateException("not a duration operator: " + op.text());
            };
        }

        @Override
        public boolean queryDependent() {
            return lhs.queryDependent() || rhs.queryDependent();
        }
    }
}
