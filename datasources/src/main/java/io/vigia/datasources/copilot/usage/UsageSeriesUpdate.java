package io.vigia.datasources.copilot.usage;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Brings a scope's {@code github_copilot_usage_*} series up to date with its stored report values,
 * day by day: the samples of the days whose records changed are recomputed
 * ({@link UsageSeriesDeriver}), the others are kept, and the re-baseline marker series is
 * rewritten whole. The stored series are read before the import's transaction; the replacement
 * runs inside it, so the values and the series derived from them commit together.
 */
public final class UsageSeriesUpdate {
    private final String scope;
    private final Map<Labels, TreeMap<Long, Double>> stored;

    private UsageSeriesUpdate(String scope, Map<Labels, TreeMap<Long, Double>> stored) {
        this.scope = scope;
        this.stored = stored;
    }

    /** Reads the scope's derived series as they are now (call before the transaction). */
    public static UsageSeriesUpdate load(SqliteSeriesStore store, String scope) {
        Map<Labels, TreeMap<Long, Double>> stored = new LinkedHashMap<>();
        for (SeriesData d : store.select(List.of(LabelMatcher.regex(Labels.METRIC_NAME, UsageSeriesNames.NAME_REGEX),
                LabelMatcher.equal("scope", scope)), Long.MIN_VALUE, Long.MAX_VALUE)) {
            TreeMap<Long, Double> m = new TreeMap<>();
            for (int i = 0; i < d.size(); i++) {
                m.put(d.timestamps()[i], d.values()[i]);
            }
            stored.put(d.labels(), m);
        }
        return new UsageSeriesUpdate(scope, stored);
    }

    /** Recomputes the changed days and the re-baseline markers in the transaction; returns the series rewritten. */
    public int apply(Connection c, SqliteSeriesStore.SeriesReplacer series, Collection<LocalDate> changedDays,
                     List<Caveat> rebaselines) throws SQLException {
        Set<Long> times = new HashSet<>();
        changedDays.forEach(d -> times.add(UsageSeriesDeriver.timestamp(d)));
        Set<Labels> touched = new HashSet<>();
        for (Map.Entry<Labels, TreeMap<Long, Double>> e : stored.entrySet()) {
            boolean rebaseline = e.getKey().metricName().equals(UsageSeriesNames.REBASELINE);
            if (rebaseline ? !e.getValue().isEmpty() : e.getValue().keySet().removeAll(times)) {
                if (rebaseline) {
                    e.getValue().clear();
                }
                touched.add(e.getKey());
            }
        }
        Map<Labels, TreeMap<Long, Double>> fresh = UsageSeriesDeriver.derive(c, scope, changedDays);
        for (Caveat r : rebaselines) {
            String[] fromTo = r.subject().split("→", 2);
            fresh.computeIfAbsent(UsageSeriesNames.base(UsageSeriesNames.REBASELINE, scope).set("from", fromTo[0])
                    .set("to", fromTo.length > 1 ? fromTo[1] : "").build(), k -> new TreeMap<>())
                    .put(UsageSeriesDeriver.timestamp(r.day()), 1.0);
        }
        for (Map.Entry<Labels, TreeMap<Long, Double>> e : fresh.entrySet()) {
            stored.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).putAll(e.getValue());
            touched.add(e.getKey());
        }
        for (Labels l : touched) {
            TreeMap<Long, Double> m = stored.get(l);
            series.replace(l, m.keySet().stream().mapToLong(Long::longValue).toArray(),
                    m.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return touched.size();
    }
}
