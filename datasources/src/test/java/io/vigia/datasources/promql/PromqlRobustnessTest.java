package io.vigia.datasources.promql;

import io.vigia.datasources.api.QueryException;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated queries must either evaluate or fail with a {@link QueryException}: never another
 * exception type, which would reach the user as a crash.
 */
class PromqlRobustnessTest {
    private static final List<String> SEEDS = List.of(
            "sum by (job) (rate(http_requests_total{job=~\"a.*\"}[5m] offset 1m))",
            "histogram_quantile(0.9, sum by (le) (rate(h_bucket[5m])))",
            "topk(3, max_over_time(up[10m:1m] @ 100)) or on(job) group_left(x) up",
            "label_replace(up, \"dst\", \"$1-x\", \"job\", \"(.*)\") * on (job) group_right count_values(\"v\", up)",
            "-up ^ 2 % 3 > bool 1 unless absent(nope) and vector(time()) + scalar(up)",
            "quantile_over_time(0.5, up[1m]) / predict_linear(up[5m], 60) - clamp(up, 0, 1)",
            "sort_desc(limitk(2, up)) + limit_ratio(0.5, up) - histogram_fraction(0, 1, h_bucket)",
            "label_join(up, \"d\", \",\", \"job\", \"instance\") == ignoring(d) up",
            "day_of_week() + deriv(up[2m]) + irate(up[1m]) + resets(up[5m]) + changes(up[5m])",
            // Prometheus 3.x's newer syntax, parsed with every feature on.
            "rate(up[5m+30s] anchored) + fill(0) increase(up[step()*2] smoothed) - changes(up[1m] anchored)",
            "info(up, {job=~\"a.*\"}) * on(job) group_left fill_right(1) up offset (1m / 2)",
            "start_timestamp(up) - up smoothed offset -min_of(step(), 1m) + sum_over_time(up[range():max_of(step(), 5s)])");

    @Test
    void mutatedQueriesFailCleanly() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        for (int i = 0; i < 40; i++) {
            store.append(Labels.of("__name__", "up", "job", "a", "instance", "i" + (i % 3)), i * 15_000L, i % 2);
            store.append(Labels.of("__name__", "h_bucket", "le", i % 2 == 0 ? "1" : "+Inf"), i * 15_000L, i);
        }
        PromqlEngine engine = new PromqlEngine(store, io.vigia.datasources.promql.ast.PromqlFeatures.ALL);
        Random rnd = new Random(Long.getLong("fuzz.seed", 42));
        String alphabet = "(){}[]\",=~!+-*/^%<>@:0123456789.abcxyz_ \\`'#\n";
        List<String> unexpected = new ArrayList<>();
        int evaluated = 0;
        for (int n = 0; n < Integer.getInteger("fuzz.n", 4000); n++) {
            StringBuilder q = new StringBuilder(SEEDS.get(rnd.nextInt(SEEDS.size())));
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits && !q.isEmpty(); k++) {
                int pos = rnd.nextInt(q.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> q.deleteCharAt(pos);
                    case 1 -> q.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> q.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            try {
                if (rnd.nextBoolean()) {
                    engine.instantQuery(q.toString(), 300_000);
                } else {
                    engine.rangeQuery(q.toString(), 0, 600_000, 30_000);
                }
                evaluated++;
            } catch (QueryException expected) {
                // a clean error
            } catch (RuntimeException e) {
                unexpected.add(q + " -> " + e);
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(evaluated).isPositive();
    }

    /**
     * Random well-typed expressions: each either fails with a QueryException or gives, at the middle
     * step of a range query, exactly the instant query's result (the step-wise evaluator and a
     * single-step evaluation must agree).
     */
    @Test
    void instantAndRangeEvaluationAgree() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        Random data = new Random(7);
        for (int i = 0; i < 80; i++) {
            for (int s = 0; s < 4; s++) {
                if (data.nextInt(10) == 0) {
                    continue;
                }
                store.append(Labels.of("__name__", "m_total", "job", "j" + (s % 2), "inst", "i" + s), i * 15_000L,
                        i * (s + 1) + (i > 40 && s == 1 ? -30 : 0));
                store.append(Labels.of("__name__", "g", "job", "j" + (s % 2), "inst", "i" + s), i * 15_000L,
                        data.nextGaussian() * 10);
            }
            for (String le : List.of("0.1", "1", "10", "+Inf")) {
                store.append(Labels.of("__name__", "h_bucket", "le", le, "job", "j0"), i * 15_000L,
                        i * (1 + Double.parseDouble(le.replace("+Inf", "20"))));
            }
        }
        PromqlEngine engine = new PromqlEngine(store);
        Random rnd = new Random(Long.getLong("fuzz.seed", 42));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (int n = 0; n < Integer.getInteger("fuzz.n", 400); n++) {
            String q = vec(rnd, 3);
            long t = 300_000 + rnd.nextInt(600) * 1000L;
            io.vigia.datasources.api.QueryResult instant;
            try {
                instant = engine.instantQuery(q, t).result();
            } catch (QueryException e) {
                continue;
            } catch (RuntimeException e) {
                problems.add(q + " -> " + e);
                continue;
            }
            io.vigia.datasources.api.QueryResult.Matrix range;
            try {
                range = (io.vigia.datasources.api.QueryResult.Matrix) engine.rangeQuery(q, t - 60_000, t + 60_000, 60_000).result();
            } catch (QueryException e) {
                continue; // an error at one of the other steps is legitimate
            } catch (RuntimeException e) {
                problems.add(q + " -> range mode: " + e);
                continue;
            }
            java.util.Map<Labels, Double> a = new java.util.HashMap<>();
            if (instant instanceof io.vigia.datasources.api.QueryResult.Vector v) {
                for (int i = 0; i < v.size(); i++) {
                    a.put(v.labels()[i], v.values()[i]);
                }
            } else if (instant instanceof io.vigia.datasources.api.QueryResult.Scalar sc) {
                a.put(Labels.EMPTY, sc.value());
            }
            java.util.Map<Labels, Double> b = new java.util.HashMap<>();
            for (io.vigia.datasources.api.QueryResult.RangeSeries rs : range.series()) {
                for (int i = 0; i < rs.size(); i++) {
                    if (rs.timestamps()[i] == t) {
                        b.put(rs.labels(), rs.values()[i]);
                    }
                }
            }
            compared++;
            if (!a.keySet().equals(b.keySet())) {
                problems.add(q + " -> series differ: " + a + " vs " + b);
                continue;
            }
            for (Labels l : a.keySet()) {
                double x = a.get(l);
                double y = b.get(l);
                if (!(Double.isNaN(x) && Double.isNaN(y)) && Double.compare(x, y) != 0 && Math.abs(x - y) > 1e-9 * Math.abs(x)) {
                    problems.add(q + " -> " + l + ": " + x + " vs " + y);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void printedQueriesParseBackToTheSamePrint() {
        Random rnd = new Random(Long.getLong("fuzz.seed", 42));
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            String q = vec(rnd, 3);
            io.vigia.datasources.promql.ast.Expr e;
            try {
                e = io.vigia.datasources.promql.parser.Parser.parse(q);
            } catch (RuntimeException ex) {
                continue;
            }
            String printed = io.vigia.datasources.promql.parser.Printer.format(e);
            try {
                String again = io.vigia.datasources.promql.parser.Printer.format(
                        io.vigia.datasources.promql.parser.Parser.parse(printed));
                if (!again.equals(printed)) {
                    problems.add(q + " -> " + printed + " -> " + again);
                }
            } catch (RuntimeException ex) {
                problems.add(q + " -> " + printed + " -> " + ex.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String scalarExpr(Random r, int depth) {
        if (depth <= 0) {
            return pick(r, "0.5", "2", "-1", "1e3", "NaN", "0.9");
        }
        return switch (r.nextInt(5)) {
            case 0 -> "scalar(" + vec(r, depth - 1) + ")";
            case 1 -> "(" + scalarExpr(r, depth - 1) + pick(r, " + ", " * ", " / ", " ^ ") + scalarExpr(r, depth - 1) + ")";
            case 2 -> "time()";
            default -> pick(r, "0.5", "2", "3", "0.25");
        };
    }

    private static String sel(Random r) {
        return pick(r, "m_total", "g", "m_total{job=\"j0\"}", "g{inst=~\"i[12]\"}", "{__name__=~\"m_total|g\"}")
                + pick(r, "", "", " offset 1m", " @ 400", " offset -30s");
    }

    private static String vec(Random r, int depth) {
        if (depth <= 0) {
            return sel(r);
        }
        int d = depth - 1;
        return switch (r.nextInt(19)) {
            case 0 -> pick(r, "abs", "ceil", "sqrt", "ln", "exp", "sgn", "timestamp", "floor") + "(" + vec(r, d) + ")";
            case 1 -> pick(r, "sum", "avg", "min", "max", "count", "group", "stddev", "stdvar")
                    + pick(r, "", " by (job)", " without (inst)") + "(" + vec(r, d) + ")";
            // limitk is left out: it keeps the first k in input order, which sort() changes only in instant queries.
            case 2 -> pick(r, "topk", "bottomk") + "(" + pick(r, "1", "2") + ", " + vec(r, d) + ")";
            case 3 -> "quantile" + pick(r, "", " by (job)") + "(" + scalarExpr(r, 0) + ", " + vec(r, d) + ")";
            case 4 -> pick(r, "rate", "increase", "delta", "irate", "idelta", "deriv", "resets", "changes",
                    "avg_over_time", "sum_over_time", "max_over_time", "stddev_over_time", "last_over_time",
                    "count_over_time", "present_over_time", "absent_over_time")
                    + "(" + pick(r, "m_total", "g", "m_total{inst=\"i1\"}") + "[" + pick(r, "1m", "2m", "5m") + "]"
                    + pick(r, "", " offset 1m", " @ 500") + ")";
            case 5 -> pick(r, "rate", "max_over_time", "avg_over_time", "last_over_time", "min_over_time")
                    + "(" + vec(r, d) + "[" + pick(r, "2m", "5m") + ":" + pick(r, "", "30s", "1m") + "]"
                    + pick(r, "", " offset 30s", " @ 450") + ")";
            case 6 -> vec(r, d) + pick(r, " + ", " - ", " * ", " / ", " % ", " > ", " < bool ", " == ")
                    + pick(r, "on (job, inst) ", "ignoring (x) ", "") + vec(r, d);
            case 7 -> vec(r, d) + pick(r, " and ", " or ", " unless ") + pick(r, "on (job) ", "") + vec(r, d);
            case 8 -> vec(r, d) + pick(r, " * ", " > ", " - ") + scalarExpr(r, 1);
            case 9 -> scalarExpr(r, 1) + pick(r, " / ", " < ", " >= bool ") + vec(r, d);
            case 10 -> "label_replace(" + vec(r, d) + ", \"x\", \"$1\", \"inst\", \"i(.*)\")";
            case 11 -> "histogram_quantile(" + scalarExpr(r, 0) + ", sum by (le) (rate(h_bucket[" + pick(r, "1m", "5m") + "])))";
            case 12 -> "clamp(" + vec(r, d) + ", -5, 5)";
            case 13 -> "count_values(\"v\", round(" + vec(r, d) + "))";
            case 14 -> "sum by (job) (" + vec(r, d) + ") * on (job) group_left " + sel(r);
            case 15 -> switch (r.nextInt(4)) {
                case 0 -> "absent(" + vec(r, d) + ")";
                case 1 -> "vector(scalar(" + vec(r, d) + "))";
                case 2 -> "predict_linear(g[5m], 60) + " + vec(r, d);
                default -> "histogram_fraction(0, 5, rate(h_bucket[2m])) + on () group_right " + vec(r, d);
            };
            case 16 -> "quantile_over_time(" + scalarExpr(r, 0) + ", " + vec(r, d) + "[3m:45s])";
            case 17 -> "max_over_time(sum by (job) (" + vec(r, d) + ")[4m:1m] @ " + pick(r, "420", "330", "540") + ")";
            default -> "-" + vec(r, d);
        };
    }
}
