package io.vigia.e2e;

import io.vigia.dashboards.time.PromDuration;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a query's answer from VictoriaMetrics with the embedded engine's over the same samples,
 * allowing exactly the differences MetricsQL documents (docs/promql-compatibility.md, section
 * "VictoriaMetrics", cites each one):
 * <ol>
 * <li>rate() and increase() take the last sample before the window and do not extrapolate:
 * {@code increase = vLast - vPrev}, {@code rate = (vLast - vPrev) / (tLast - tPrev)}. Over samples
 * at a regular interval that is Prometheus's {@code anchored} range selector, which the embedded
 * engine computes ({@code promql-extended-range-selectors}); histogram_quantile over such rates
 * follows;</li>
 * <li>where a selected series is not regular over a window (a scrape gap, a series starting or
 * ending), the two part: MetricsQL divides by the time between the samples it used, assumes a
 * counter did not change during a gap and counts a new counter from 0; those steps may differ;</li>
 * <li>NaN is removed from MetricsQL's output;</li>
 * <li>functions that keep a series' meaning ({@code avg_over_time}, {@code min_over_time},
 * {@code max_over_time}, {@code last_over_time}) keep its metric name in MetricsQL.</li>
 * </ol>
 * Everything else must agree within a relative 1e-6: the same series, steps and values.
 */
final class MetricsQlDifferences {
    static final double TOLERANCE = 1e-6;
    /** rate(SEL[W] offset O) / increase(…): the range function, its selector, window and offset. */
    private static final Pattern RANGE_CALL = Pattern.compile(
            "\\b(rate|increase)\\(([^()\\[]*)\\[([0-9a-z]+)](?: offset ([0-9a-z]+))?\\)");
    /** MetricsQL docs: the rollups that leave the metric name on (their sections lack "Metric names are stripped"). */
    static final Set<String> KEEP_NAME = Set.of("avg_over_time", "min_over_time", "max_over_time", "last_over_time");

    /** What one comparison met, per class, for the test's report. */
    record Tally(int agreed, int gapSteps, int differingAtGaps, int nanDropped, int extrapolationDiffs) {
    }

    private MetricsQlDifferences() {
    }

    /** Whether the expression has a range function whose result MetricsQL computes differently (class 1). */
    static boolean usesRateOrIncrease(String promql) {
        return RANGE_CALL.matcher(promql).find();
    }

    /** The same expression with every rate/increase window {@code anchored}. */
    static String anchored(String promql) {
        Matcher m = RANGE_CALL.matcher(promql);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "(" + m.group(2) + "[" + m.group(3) + "] anchored"
                    + (m.group(4) == null ? "" : " offset " + m.group(4)) + ")"));
            n++;
        }
        m.appendTail(out);
        assertThat(n).as("every rate( and increase( of %s rewritten", promql)
                .isEqualTo(count(promql, "rate(") + count(promql, "increase(") - count(promql, "irate("));
        return out.toString();
    }

    /** Classes 4 and the rest: exact agreement, VictoriaMetrics's extra metric name allowed only where documented. */
    static int assertAgrees(String promql, QueryResult vm, QueryResult vigia) {
        boolean keepsName = KEEP_NAME.stream().anyMatch(f -> promql.startsWith(f + "("));
        Map<Labels, NavigableMap<Long, Double>> v = points(vm, keepsName);
        // Prometheus 3 (and the embedded engine) keep the name on last_over_time too; compared without it
        Map<Labels, NavigableMap<Long, Double>> e = points(vigia, keepsName);
        if (keepsName) {
            assertThat(labelsOf(vm)).as("MetricsQL keeps the metric name on %s", promql).allMatch(l -> !l.metricName().isEmpty());
        }
        assertThat(e).as("the embedded engine's answer to %s", promql).isNotEmpty();
        assertThat(v.keySet()).as("series of %s", promql).containsExactlyInAnyOrderElementsOf(e.keySet());
        int n = 0;
        for (Map.Entry<Labels, NavigableMap<Long, Double>> s : e.entrySet()) {
            assertThat(v.get(s.getKey()).keySet()).as("steps of %s in %s", s.getKey(), promql).containsExactlyElementsOf(s.getValue().keySet());
            for (Map.Entry<Long, Double> p : s.getValue().entrySet()) {
                double w = v.get(s.getKey()).get(p.getKey());
                assertThat(close(p.getValue(), w)).as("%s: %s at %s: VictoriaMetrics %s, Vigia %s", promql, s.getKey(),
                        Instant.ofEpochMilli(p.getKey()), w, p.getValue()).isTrue();
                n++;
            }
        }
        return n;
    }

    /**
     * Classes 1 to 3 for an expression with rate/increase: VictoriaMetrics agrees with the anchored
     * answer except at the steps where a window has no anchor and where Vigia's answer is NaN.
     *
     * @param prometheus the embedded engine's answer with Prometheus's own semantics
     * @param anchored   its answer to {@link #anchored} of the expression
     * @param gapSteps   the steps where some selected series is irregular ({@link #irregularSteps})
     */
    static Tally assertDocumentedDifferences(String promql, QueryResult vm, QueryResult prometheus, QueryResult anchored,
                                             Set<Long> gapSteps) {
        Map<Labels, NavigableMap<Long, Double>> v = points(vm, false);
        Map<Labels, NavigableMap<Long, Double>> a = points(anchored, false);
        Map<Labels, NavigableMap<Long, Double>> p = points(prometheus, false);
        assertThat(a).as("the embedded engine's anchored answer to %s", promql).isNotEmpty();
        Set<Labels> withNumbers = new TreeSet<>();
        a.forEach((l, pts) -> {
            if (pts.values().stream().anyMatch(d -> !Double.isNaN(d))) {
                withNumbers.add(l);
            }
        });
        assertThat(v.keySet()).as("series of %s (those that are NaN throughout are dropped)", promql)
                .containsAll(withNumbers).isSubsetOf(a.keySet());
        int agreed = 0;
        int atGaps = 0;
        int nan = 0;
        for (Map.Entry<Labels, NavigableMap<Long, Double>> s : a.entrySet()) {
            NavigableMap<Long, Double> vs = v.getOrDefault(s.getKey(), new TreeMap<>());
            for (Map.Entry<Long, Double> pt : s.getValue().entrySet()) {
                Double w = vs.get(pt.getKey());
                String where = promql + ": " + s.getKey() + " at " + Instant.ofEpochMilli(pt.getKey());
                if (gapSteps.contains(pt.getKey())) {
                    if (w == null || !close(pt.getValue(), w)) {
                        atGaps++;
                    } else {
                        agreed++;
                    }
                } else if (Double.isNaN(pt.getValue())) {
                    assertThat(w).as("MetricsQL drops NaN: " + where).isNull();
                    nan++;
                } else {
                    assertThat(w).as("VictoriaMetrics has " + where).isNotNull();
                    assertThat(close(pt.getValue(), w)).as("%s: VictoriaMetrics %s, Vigia anchored %s", where, w, pt.getValue()).isTrue();
                    agreed++;
                }
            }
            for (Long t : vs.keySet()) {
                assertThat(s.getValue().containsKey(t) || gapSteps.contains(t))
                        .as("VictoriaMetrics's extra step %s in %s of %s", Instant.ofEpochMilli(t), s.getKey(), promql).isTrue();
            }
        }
        int extrapolated = 0;
        for (Map.Entry<Labels, NavigableMap<Long, Double>> s : p.entrySet()) {
            NavigableMap<Long, Double> vs = v.getOrDefault(s.getKey(), new TreeMap<>());
            for (Map.Entry<Long, Double> pt : s.getValue().entrySet()) {
                Double w = vs.get(pt.getKey());
                if (w != null && !Double.isNaN(pt.getValue()) && !close(pt.getValue(), w)) {
                    extrapolated++;
                }
            }
        }
        assertThat(extrapolated).as("Prometheus's extrapolating %s differs from MetricsQL somewhere (else class 1 is not met)", promql)
                .isPositive();
        return new Tally(agreed, gapSteps.size(), atGaps, nan, extrapolated);
    }

    /**
     * The steps of a range query (or the instant) at which some series selected by one of the
     * expression's rate/increase calls is not regular over its window and the scrape interval
     * before it (fewer samples than {@code window / interval + 1}: a scrape gap, or a series that
     * starts or ends there). Only there do MetricsQL's formulas and the anchored ones part.
     */
    static Set<Long> irregularSteps(MetricsSource vigia, String promql, Instant start, Instant end, Duration step, boolean instant,
                                    Duration interval) {
        Set<Long> out = new TreeSet<>();
        Matcher m = RANGE_CALL.matcher(promql);
        long i = interval.toSeconds();
        while (m.find()) {
            String sel = m.group(2);
            long w = PromDuration.parse(m.group(3)).toSeconds();
            long o = m.group(4) == null ? 0 : PromDuration.parse(m.group(4)).toSeconds();
            String q = "count(count_over_time(" + sel + "[" + (w + i) + "s]" + (o == 0 ? "" : " offset " + o + "s") + ") < "
                    + (w / i + 1) + ")";
            QueryResult r = instant ? vigia.query(q, end).result() : vigia.queryRange(q, start, end, step).result();
            points(r, false).values().forEach(pts -> out.addAll(pts.keySet()));
        }
        return out;
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= TOLERANCE * scale || Math.abs(a - b) < 1e-12;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<Labels> labelsOf(QueryResult r) {
        List<Labels> out = new ArrayList<>();
        switch (r) {
            case QueryResult.Matrix m -> m.series().forEach(s -> out.add(s.labels()));
            case QueryResult.Vector v -> out.addAll(List.of(v.labels()));
            default -> { }
        }
        return out;
    }

    /** Series → step → value, the metric name dropped when asked. */
    static Map<Labels, NavigableMap<Long, Double>> points(QueryResult r, boolean dropName) {
        Map<Labels, NavigableMap<Long, Double>> out = new TreeMap<>();
        switch (r) {
            case QueryResult.Matrix m -> m.series().forEach(s -> {
                NavigableMap<Long, Double> pts = out.computeIfAbsent(dropName ? s.labels().withoutMetricName() : s.labels(), k -> new TreeMap<>());
                for (int i = 0; i < s.size(); i++) {
                    pts.put(s.timestamps()[i], s.values()[i]);
                }
            });
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.computeIfAbsent(dropName ? v.labels()[i].withoutMetricName() : v.labels()[i], k -> new TreeMap<>())
                            .put(v.timestamps()[i], v.values()[i]);
                }
            }
            case QueryResult.Scalar s -> out.computeIfAbsent(Labels.EMPTY, k -> new TreeMap<>()).put(s.timestamp(), s.value());
            case QueryResult.StringValue s -> throw new AssertionError("a string result: " + s.value());
        }
        return out;
    }
}
