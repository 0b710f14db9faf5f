package io.vigia.datasources.copilot;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's suggestion counters (docs/telemetry.md: {@code vigia_copilot_suggestions_shown_total},
 * {@code _accepted_total}, {@code vigia_copilot_lines_suggested_total}, {@code _lines_accepted_total},
 * and the gauge {@code vigia_copilot_active_users}) derived from GitHub's imported daily numbers, so
 * that the Copilot Health dashboard shows a workspace fed only by {@code vigia import copilot}.
 *
 * <p>GitHub gives one number per UTC day, nothing finer: each counter holds what it would have
 * read if it had been updated once a day, at the end of the day (a step of the day's count at
 * the next 00:00 UTC), sampled every {@link #STEP_MS}. The active-users gauge holds the day's
 * number through that day. Series carry {@code team} (the imported scope: organization,
 * enterprise or team), {@code editor}, {@code language}, {@code model} where GitHub breaks the
 * counts down, and {@code source} ({@code legacy-usage}, {@code legacy-metrics},
 * {@code usage-report}), which no live exporter sets. They are rebuilt from the stored daily
 * series of the scope after every import, so a re-import or a revised day changes them
 * accordingly and nothing is counted twice.
 */
public final class CopilotUsageCounters {
    public static final String SHOWN = "vigia_copilot_suggestions_shown_total";
    public static final String ACCEPTED = "vigia_copilot_suggestions_accepted_total";
    public static final String LINES_SUGGESTED = "vigia_copilot_lines_suggested_total";
    public static final String LINES_ACCEPTED = "vigia_copilot_lines_accepted_total";
    public static final String ACTIVE_USERS = "vigia_copilot_active_users";
    /** The app's scrape interval (the demo's), so trailing windows and rate intervals hold enough samples. */
    public static final long STEP_MS = 300_000;
    static final long DAY_MS = 86_400_000;
    private static final String SOURCES = "legacy-usage|legacy-metrics|usage-report";

    private static final Map<String, String> COUNTERS = Map.of(
            CopilotSeries.SUGGESTIONS, SHOWN,
            CopilotSeries.ACCEPTANCES, ACCEPTED,
            CopilotSeries.LINES_SUGGESTED, LINES_SUGGESTED,
            CopilotSeries.LINES_ACCEPTED, LINES_ACCEPTED);

    private CopilotUsageCounters() {
    }

    /** Rebuilds the derived series of one scope from its stored daily series; returns the series written. */
    public static int rebuild(SqliteSeriesStore store, String scope) {
        Map<Labels, double[][]> out = derive(storedDaily(store, scope), scope);
        Set<Labels> before = existing(store, scope);
        return store.writeReplacingSeries((c, series) -> {
            replace(series, out, before);
            return out.size();
        });
    }

    /** The stored daily series of one scope ({@code github_copilot_daily_*}), sample time to value. */
    static Map<Labels, TreeMap<Long, Double>> storedDaily(SqliteSeriesStore store, String scope) {
        Map<Labels, TreeMap<Long, Double>> daily = new LinkedHashMap<>();
        for (SeriesData d : store.select(List.of(LabelMatcher.regex(Labels.METRIC_NAME, CopilotSeries.NAME_REGEX),
                LabelMatcher.equal("scope", scope)), Long.MIN_VALUE, Long.MAX_VALUE)) {
            TreeMap<Long, Double> m = new TreeMap<>();
            for (int i = 0; i < d.size(); i++) {
                m.put(d.timestamps()[i], d.values()[i]);
            }
            daily.put(d.labels(), m);
        }
        return daily;
    }

    /** The derived label sets this class wrote for a scope before. */
    static Set<Labels> existing(SqliteSeriesStore store, String scope) {
        return new HashSet<>(store.series(List.of(
                LabelMatcher.regex(Labels.METRIC_NAME, SHOWN + "|" + ACCEPTED + "|" + LINES_SUGGESTED + "|" + LINES_ACCEPTED
                        + "|" + ACTIVE_USERS),
                LabelMatcher.equal("team", scope), LabelMatcher.regex("source", SOURCES))));
    }

    static void replace(SqliteSeriesStore.SeriesReplacer series, Map<Labels, double[][]> out, Set<Labels> before)
            throws java.sql.SQLException {
        for (Map.Entry<Labels, double[][]> e : out.entrySet()) {
            series.replace(e.getKey(), toLongs(e.getValue()[0]), e.getValue()[1]);
        }
        for (Labels old : before) {
            if (!out.containsKey(old)) {
                series.replace(old, new long[0], new double[0]);
            }
        }
    }

    /** The derived series (label set to {timestamps, values}) of one scope's daily series. */
    static Map<Labels, double[][]> derive(Map<Labels, TreeMap<Long, Double>> daily, String scope) {
        Map<Labels, double[][]> out = new LinkedHashMap<>();
        Map<Labels, TreeMap<Long, Double>> counters = new LinkedHashMap<>();
        for (Map.Entry<Labels, TreeMap<Long, Double>> e : daily.entrySet()) {
            String name = e.getKey().metricName();
            if (e.getValue().isEmpty()) {
                continue;
            }
            String counter = COUNTERS.get(name);
            if (counter != null) {
                Labels target = e.getKey().toBuilder().remove("scope").set(Labels.METRIC_NAME, counter).set("team", scope).build();
                TreeMap<Long, Double> m = counters.computeIfAbsent(target, k -> new TreeMap<>());
                e.getValue().forEach((t, v) -> m.merge(t, v, Double::sum));
            } else if (name.equals(CopilotSeries.ACTIVE_USERS)) {
                Labels target = e.getKey().toBuilder().remove("scope").set(Labels.METRIC_NAME, ACTIVE_USERS).set("team", scope).build();
                out.put(target, gauge(e.getValue()));
            }
        }
        counters.forEach((labels, m) -> out.put(labels, counter(m)));
        return out;
    }

    /** Day start (ms) to the day's count: a step of each day's count at the end of that day. */
    static double[][] counter(TreeMap<Long, Double> days) {
        long start = days.firstKey();
        long end = days.lastKey() + DAY_MS;
        int n = Math.toIntExact((end - start) / STEP_MS + 1);
        double[] ts = new double[n];
        double[] vs = new double[n];
        double total = 0;
        var it = days.entrySet().iterator();
        Map.Entry<Long, Double> next = it.next();
        for (int i = 0; i < n; i++) {
            long t = start + i * STEP_MS;
            while (next != null && next.getKey() + DAY_MS <= t) {
                total += next.getValue();
                next = it.hasNext() ? it.next() : null;
            }
            ts[i] = t;
            vs[i] = total;
        }
        return new double[][] {ts, vs};
    }

    /** Each day's value held from its start to its end; days without a value have no samples. */
    static double[][] gauge(TreeMap<Long, Double> days) {
        List<double[]> samples = new ArrayList<>();
        for (Map.Entry<Long, Double> d : days.entrySet()) {
            for (long t = d.getKey(); t < d.getKey() + DAY_MS; t += STEP_MS) {
                samples.add(new double[] {t, d.getValue()});
            }
        }
        double[] ts = new double[samples.size()];
        double[] vs = new double[samples.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = samples.get(i)[0];
            vs[i] = samples.get(i)[1];
        }
        return new double[][] {ts, vs};
    }

    private static long[] toLongs(double[] ts) {
        long[] out = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            out[i] = (long) ts[i];
        }
        return out;
    }
}
