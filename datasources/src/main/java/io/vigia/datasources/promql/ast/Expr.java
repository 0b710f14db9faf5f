package io.vigia.datasources.promql.ast;

import io.vigia.persistence.series.LabelMatcher;

import java.util.List;

/**
 * A parsed PromQL expression. Nodes are immutable records; {@link #pos()} is the byte range of the
 * node in the query text, used for error and annotation positions.
 */
public sealed interface Expr {

    PosRange pos();

    ValueType type();

    /** Where an {@code @} modifier points. */
    enum AtMode { NONE, TIMESTAMP, START, END }

    /** Prometheus's extended range selectors: how a selector treats its window's boundaries. */
    enum SelectorModifier { NONE, ANCHORED, SMOOTHED }

    record NumberLiteral(double value, PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.SCALAR;
        }
    }

    record StringLiteral(String value, PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    /**
     * An instant vector selector. {@code name} is the metric name given outside the braces (or
     * null); the matchers include the name matcher. {@code offsetExpr} is an offset duration
     * expression that depends on the query (resolved into {@code offsetMs} before evaluation).
     */
    record VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, boolean offsetSet,
                          AtMode atMode, long atMs, SelectorModifier modifier, DurationExpr offsetExpr,
                          PosRange pos) implements Expr {
        public VectorSelector {
            matchers = List.copyOf(matchers);
        }

        public VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, boolean offsetSet,
                              AtMode atMode, long atMs, PosRange pos) {
            this(name, matchers, offsetMs, offsetSet, atMode, atMs, SelectorModifier.NONE, null, pos);
        }

        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }

        public VectorSelector withOffset(long off, PosRange p) {
            return new VectorSelector(name, matchers, off, true, atMode, atMs, modifier, null, p);
        }

        public VectorSelector withOffsetExpr(DurationExpr off, PosRange p) {
            return new VectorSelector(name, matchers, 0, true, atMode, atMs, modifier, off, p);
        }

        public VectorSelector withAt(AtMode mode, long at, PosRange p) {
            return new VectorSelector(name, matchers, offsetMs, offsetSet, mode, at, modifier, offsetExpr, p);
        }

        public VectorSelector withModifier(SelectorModifier m, PosRange p) {
            return new VectorSelector(name, matchers, offsetMs, offsetSet, atMode, atMs, m, offsetExpr, p);
        }
    }

    /** {@code rangeExpr}: a query-dependent range duration expression, resolved into {@code rangeMs}. */
    record MatrixSelector(VectorSelector selector, long rangeMs, DurationExpr rangeExpr, PosRange pos)
            implements Expr {
        public MatrixSelector(VectorSelector selector, long rangeMs, PosRange pos) {
            this(selector, rangeMs, null, pos);
        }

        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    /**
     * {@code expr[range:step]}; {@code stepMs == 0} means the default evaluation interval. The
     * {@code *Expr} components are query-dependent duration expressions, resolved before evaluation.
     */
    record Subquery(Expr expr, long rangeMs, long stepMs, long offsetMs, boolean offsetSet,
                    AtMode atMode, long atMs, SubqueryDurations durations, PosRange pos) implements Expr {
        public Subquery(Expr expr, long rangeMs, long stepMs, long offsetMs, boolean offsetSet,
                        AtMode atMode, long atMs, PosRange pos) {
            this(expr, rangeMs, stepMs, offsetMs, offsetSet, atMode, atMs, SubqueryDurations.NONE, pos);
        }

        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    record Paren(Expr expr, PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return expr.type();
        }
    }

    record Unary(boolean negate, Expr expr, PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return expr.type();
        }
    }

    record Binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool,
                  PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
                    ? ValueType.SCALAR : ValueType.VECTOR;
        }
    }

    /** Query-dependent duration expressions of a subquery (each null when given as a plain duration). */
    record SubqueryDurations(DurationExpr range, DurationExpr step, DurationExpr offset) {
        public static final SubqueryDurations NONE = new SubqueryDurations(null, null, null);

        public boolean any() {
            return range != null || step != null || offset != null;
        }
    }

    /**
     * How the two sides of a vector/vector binary operation are matched; {@code fill} holds the
     * values of the {@code fill}/{@code fill_left}/{@code fill_right} modifiers.
     */
    record VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include,
                          FillValues fill) {
        public VectorMatching {
            matchingLabels = List.copyOf(matchingLabels);
            include = List.copyOf(include);
        }

        public VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include) {
            this(card, matchingLabels, on, include, FillValues.NONE);
        }
    }

    /** The value a missing left-hand or right-hand side is filled with; empty when not filled. */
    record FillValues(java.util.OptionalDouble lhs, java.util.OptionalDouble rhs) {
        public static final FillValues NONE = new FillValues(java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty());

        public boolean any() {
            return lhs.isPresent() || rhs.isPresent();
        }
    }

    enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    record Call(FunctionDef func, List<Expr> args, PosRange pos) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public ValueType type() {
            return func.returnType();
        }
    }

    record Aggregate(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without,
                     PosRange pos) implements Expr {
        public Aggregate {
            grouping = List.copyOf(grouping);
        }

        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }
    }
}
