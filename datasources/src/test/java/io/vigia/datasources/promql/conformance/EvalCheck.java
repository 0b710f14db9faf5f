package io.vigia.datasources.promql.conformance;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.PromqlEngine;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeature;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.StaleMarker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one promqltest {@code eval} the way Prometheus's promqltest does and checks its expectations
 * (errors, annotations, ordering, values within a relative 1e-6), with the PromQL features on that
 * Prometheus's test engine has on ({@link #FEATURES}).
 */
final class EvalCheck {
    private static final double EPSILON = 1e-6;

    /**
     * What Prometheus's promqltest engine runs with (promqltest/test.go: TestParserOpts turns on
     * experimental functions, duration expressions, extended range selectors and fill modifiers;
     * NewTestEngine delayed name removal and start timestamps). It leaves type-and-unit labels off.
     */
    static final PromqlFeatures FEATURES = PromqlFeatures.ALL.without(PromqlFeature.TYPE_AND_UNIT_LABELS);

    private EvalCheck() {
    }

    private static final Pattern QUERY_CONTEXT_FUNCS = Pattern.compile("(start|end|range|step)\\(\\)");

    /**
     * Runs an eval the way Prometheus's promqltest does: the query itself; for instant queries also
     * the same query as a range query around the eval time (middle step compared), and variants with
     * {@code @} set on every selector at other evaluation times (step invariance).
     */
    static void check(SeriesReader store, TestScript.Eval e) {
        PromqlEngine engine = new PromqlEngine(store, FEATURES);
        if (!e.instant()) {
            runOne(e, () -> engine.rangeQuery(e.query(), e.startMs(), e.endMs(), e.stepMs()), "");
            return;
        }
        QueryResponse first = runOne(e, () -> engine.instantQuery(e.query(), e.atMs()), "");
        boolean expectFail = e.has("fail");
        if (!expectFail && e.string() == null && e.rangeVector() == null && !e.has("ordered")
                && !QUERY_CONTEXT_FUNCS.matcher(e.query()).find()) {
            checkRangeMode(engine, e, e.query(), e.atMs(), first);
        }
        Expr parsed;
        try {
            parsed = Parser.parse(e.query(), FEATURES);
        } catch (RuntimeException ex) {
            return;
        }
        Expr withAt = AtModifierVariants.withAt(parsed, e.atMs());
        if (withAt == null) {
            return;
        }
        // As promqltest does: the rewritten tree is printed and parsed again, so annotation positions
        // shift exactly as they do there.
        String rewritten = io.vigia.datasources.promql.parser.Printer.format(withAt);
        for (long t : AtModifierVariants.evalTimes(e.atMs())) {
            runOne(e, () -> engine.instantQuery(rewritten, t), " (as \"" + rewritten + "\" evaluated at " + t + ")");
        }
    }

    private interface Query {
        QueryResponse run();
    }

    /** Runs one query and checks error/annotation/result expectations; returns the response (null on expected error). */
    private static QueryResponse runOne(TestScript.Eval e, Query q, String variant) {
        QueryResponse resp;
        boolean expectFail = e.has("fail");
        try {
            resp = q.run();
        } catch (QueryException ex) {
            if (!expectFail) {
                throw new AssertionError("unexpected error" + variant + ": " + ex.getMessage(), ex);
            }
            for (TestScript.Expectation x : e.expectations()) {
                if (x.type().equals("fail") && x.text() != null && !matches(x, ex.getMessage())) {
                    throw new AssertionError("error \"" + ex.getMessage() + "\" does not match expected " + x.matchType()
                            + " \"" + x.text() + "\"" + variant);
                }
            }
            return null;
        }
        if (expectFail) {
            throw new AssertionError("expected an error, got a result" + variant);
        }
        try {
            checkAnnotations(e, "warn", resp.warnings());
            checkAnnotations(e, "info", resp.infos());
            checkResult(e, resp.result());
        } catch (AssertionError err) {
            throw new AssertionError(err.getMessage() + variant, err);
        }
        return resp;
    }

    private static void checkRangeMode(PromqlEngine engine, TestScript.Eval e, String query, long t, QueryResponse instant) {
        QueryResponse r;
        try {
            r = engine.rangeQuery(query, t - 60_000, t + 60_000, 60_000);
        } catch (QueryException ex) {
            throw new AssertionError("error in range mode: " + ex.getMessage(), ex);
        }
        QueryResult.Matrix m = (QueryResult.Matrix) r.result();
        for (int i = 1; i < m.series().size(); i++) {
            if (m.series().get(i - 1).labels().compareTo(m.series().get(i).labels()) > 0) {
                throw new AssertionError("range mode result not sorted by labels");
            }
        }
        List<Labels> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (QueryResult.RangeSeries s : m.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.timestamps()[i] == t) {
                    labels.add(s.labels());
                    values.add(s.values()[i]);
                    break;
                }
            }
        }
        QueryResult asInstant;
        if (instant != null && instant.result() instanceof QueryResult.Scalar) {
            asInstant = new QueryResult.Scalar(t, values.isEmpty() ? Double.NaN : values.get(0));
        } else {
            long[] ts = new long[labels.size()];
            double[] vs = new double[labels.size()];
            for (int i = 0; i < vs.length; i++) {
                ts[i] = t;
                vs[i] = values.get(i);
            }
            asInstant = new QueryResult.Vector(labels.toArray(new Labels[0]), ts, vs);
        }
        try {
            checkResult(e, asInstant);
        } catch (AssertionError err) {
            throw new AssertionError("in range mode: " + err.getMessage(), err);
        }
    }

    private static boolean matches(TestScript.Expectation x, String actual) {
        String t = x.text();
        if ("regex".equals(x.matchType())) {
            return Pattern.compile(t).matcher(actual).find();
        }
        if (t.equals(actual)) {
            return true;
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.substring(1, t.length() - 1).equals(actual);
    }

    private static void checkAnnotations(TestScript.Eval e, String type, List<String> actual) {
        if (e.has("no_" + type) && !actual.isEmpty()) {
            throw new AssertionError("expected no " + type + " annotations, got " + actual);
        }
        List<TestScript.Expectation> exps = e.expectations().stream().filter(x -> x.type().equals(type)).toList();
        if (exps.isEmpty()) {
            return;
        }
        if (actual.isEmpty()) {
            throw new AssertionError("expected " + type + " annotations, got none");
        }
        for (TestScript.Expectation x : exps) {
            if (x.text() != null && actual.stream().noneMatch(a -> matches(x, a))) {
                throw new AssertionError("no " + type + " annotation matches " + x.matchType() + " \"" + x.text()
                        + "\"; got " + actual);
            }
        }
        boolean anyWithText = exps.stream().anyMatch(x -> x.text() != null);
        if (anyWithText) {
            for (String a : actual) {
                if (exps.stream().noneMatch(x -> x.text() == null || matches(x, a))) {
                    throw new AssertionError("unexpected " + type + " annotation: " + a);
                }
            }
        }
    }

    private static void checkResult(TestScript.Eval e, QueryResult result) {
        if (e.string() != null) {
            if (!(result instanceof QueryResult.StringValue s) || !s.value().equals(e.string())) {
                throw new AssertionError("expected string \"" + e.string() + "\", got " + describe(result));
            }
            return;
        }
        if (e.scalar() != null) {
            if (!(result instanceof QueryResult.Scalar s) || !equal(e.scalar(), s.value())) {
                throw new AssertionError("expected scalar " + e.scalar() + ", got " + describe(result));
            }
            return;
        }
        switch (result) {
            case QueryResult.Vector v -> {
                if (!e.instant()) {
                    throw new AssertionError("range query returned a vector");
                }
                if (v.size() != e.expected().size()) {
                    throw new AssertionError("expected " + e.expected().size() + " samples, got " + v.size() + ": "
                            + describe(result));
                }
                Map<Labels, Integer> pos = new HashMap<>();
                for (int i = 0; i < e.expected().size(); i++) {
                    pos.put(e.expected().get(i).labels(), i);
                }
                for (int i = 0; i < v.size(); i++) {
                    Integer p = pos.get(v.labels()[i]);
                    if (p == null) {
                        throw new AssertionError("unexpected series " + v.labels()[i] + " " + v.values()[i]
                                + "; got " + describe(result));
                    }
                    if (e.has("ordered") && p != i) {
                        throw new AssertionError("series " + v.labels()[i] + " at position " + i + ", expected " + p
                                + "; got " + describe(result));
                    }
                    List<TestScript.Point> pts = e.expected().get(p).points();
                    if (pts.size() != 1 || pts.get(0).omitted()) {
                        throw new AssertionError("expected line for " + v.labels()[i] + " must have one value");
                    }
                    if (!equal(pts.get(0).value(), v.values()[i])) {
                        throw new AssertionError("series " + v.labels()[i] + ": expected " + pts.get(0).value()
                                + ", got " + v.values()[i]);
                    }
                }
            }
            case QueryResult.Matrix m -> checkMatrix(e, m);
            case QueryResult.Scalar s -> {
                if (!e.instant()) {
                    throw new AssertionError("range query returned a scalar");
                }
                throw new AssertionError("expected " + e.expected().size() + " series, got scalar " + s.value());
            }
            case QueryResult.StringValue s -> throw new AssertionError("unexpected string result \"" + s.value() + "\"");
        }
    }

    private static void checkMatrix(TestScript.Eval e, QueryResult.Matrix m) {
        long start;
        long step;
        if (e.instant()) {
            if (e.rangeVector() == null) {
                if (m.series().isEmpty() && e.expected().isEmpty()) {
                    return;
                }
                throw new AssertionError("instant query returned a range vector but no 'expect range vector' given");
            }
            start = e.rangeVector()[0];
            step = e.rangeVector()[2];
        } else {
            start = e.startMs();
            step = e.stepMs();
        }
        if (m.series().size() != e.expected().size()) {
            throw new AssertionError("expected " + e.expected().size() + " series, got " + m.series().size() + ": "
                    + describe(m));
        }
        Map<Labels, TestScript.SeriesLine> exp = new HashMap<>();
        for (TestScript.SeriesLine s : e.expected()) {
            exp.put(s.labels(), s);
        }
        for (QueryResult.RangeSeries rs : m.series()) {
            TestScript.SeriesLine x = exp.get(rs.labels());
            if (x == null) {
                throw new AssertionError("unexpected series " + rs.labels() + "; got " + describe(m));
            }
            List<Long> ets = new ArrayList<>();
            List<Double> evs = new ArrayList<>();
            for (int i = 0; i < x.points().size(); i++) {
                if (!x.points().get(i).omitted()) {
                    ets.add(start + i * step);
                    evs.add(x.points().get(i).value());
                }
            }
            if (ets.size() != rs.size()) {
                throw new AssertionError("series " + rs.labels() + ": expected " + ets.size() + " points " + evs
                        + " at " + ets + ", got " + pointsOf(rs));
            }
            for (int i = 0; i < rs.size(); i++) {
                if (ets.get(i) != rs.timestamps()[i] || !equal(evs.get(i), rs.values()[i])) {
                    throw new AssertionError("series " + rs.labels() + ": expected " + evs + " at " + ets + ", got "
                            + pointsOf(rs));
                }
            }
        }
    }

    private static String pointsOf(QueryResult.RangeSeries rs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rs.size(); i++) {
            sb.append(rs.values()[i]).append('@').append(rs.timestamps()[i]).append(' ');
        }
        return sb.append(']').toString();
    }

    static boolean equal(double exp, double act) {
        if (StaleMarker.isStale(exp) || StaleMarker.isStale(act)) {
            return StaleMarker.isStale(exp) && StaleMarker.isStale(act);
        }
        if (Double.isNaN(exp) || Double.isNaN(act)) {
            return Double.isNaN(exp) && Double.isNaN(act);
        }
        if (exp == act) {
            return true;
        }
        double absSum = Math.abs(exp) + Math.abs(act);
        double diff = Math.abs(exp - act);
        if (exp == 0 || act == 0 || absSum < Double.MIN_NORMAL) {
            return diff < EPSILON * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
    }

    private static String describe(QueryResult r) {
        return switch (r) {
            case QueryResult.Vector v -> {
                StringBuilder sb = new StringBuilder("vector[");
                for (int i = 0; i < v.size(); i++) {
                    sb.append(v.labels()[i]).append(" => ").append(v.values()[i]).append("; ");
                }
                yield sb.append(']').toString();
            }
            case QueryResult.Matrix m -> {
                StringBuilder sb = new StringBuilder("matrix[");
                for (QueryResult.RangeSeries s : m.series()) {
                    sb.append(s.labels()).append(" => ").append(pointsOf(s)).append("; ");
                }
                yield sb.append(']').toString();
            }
            case QueryResult.Scalar s -> "scalar " + s.value();
            case QueryResult.StringValue s -> "string \"" + s.value() + "\"";
        };
    }

}
