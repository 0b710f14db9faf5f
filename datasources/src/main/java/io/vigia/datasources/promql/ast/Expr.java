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
     * null); the matchers include the name matcher.
     */
    record VectorSelector(String name, List<LabelMatcher> matchers, long offsetMs, boolean offsetSet,
                          AtMode atMode, long atMs, PosRange pos) implements Expr {
        public VectorSelector {
            matchers = List.copyOf(matchers);
        }

        @Override
        public ValueType type() {
            return ValueType.VECTOR;
        }

        public VectorSelector withOffset(long off, PosRange p) {
            return new VectorSelector(name, matchers, off, true, atMode, atMs, p);
        }

        public VectorSelector withAt(AtMode mode, long at, PosRange p) {
            return new VectorSelector(name, matchers, offsetMs, offsetSet, mode, at, p);
        }
    }

    record MatrixSelector(VectorSelector selector, long rangeMs, PosRange pos) implements Expr {
        @Override
        public ValueType type() {
            return ValueType.MATRIX;
        }
    }

    /** {@code expr[range:step]}; {@code stepMs == 0} means the default evaluation interval. */
    record Subquery(Expr expr, long rangeMs, long stepMs, long offsetMs, boolean offsetSet,
                    AtMode atMode, long atMs, PosRange pos) implements Expr {
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

    /** How the two sides of a vector/vector binary operation are matched. */
    record VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include) {
        public VectorMatching {
            matchingLabels = List.copyOf(matchingLabels);
            include = List.copyOf(include);
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
