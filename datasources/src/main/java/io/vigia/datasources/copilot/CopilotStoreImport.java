package io.vigia.datasources.copilot;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports Copilot days in one transaction: the daily series of every scope touched
 * ({@link CopilotSeries}), the day log ({@code copilot_days}, so the same data again adds
 * nothing) and the Copilot Health counters derived from them ({@link CopilotUsageCounters}) commit
 * together or not at all. A day GitHub revised replaces the stored one. {@link #prepare} reads
 * and computes outside the transaction so that {@link CopilotReportImport} can write the days in
 * the same transaction as the usage reports' records.
 */
public final class CopilotStoreImport {
    private CopilotStoreImport() {
    }

    public static CopilotImporter.Result importDays(Workspace workspace, SqliteSeriesStore store, List<CopilotDay> days) {
        Prepared p = prepare(workspace, store, days);
        if (p.hasWork()) {
            long now = workspace.clock().millis();
            store.writeReplacingSeries((c, series) -> {
                p.apply(c, series, now);
                return null;
            });
        }
        return p.result();
    }

    /** The days merged into the scopes' stored daily series, ready to be written by {@link Prepared#apply}. */
    public static Prepared prepare(Workspace workspace, SqliteSeriesStore store, List<CopilotDay> days) {
        Map<String, String> known = knownHashes(workspace, days);
        Set<String> scopes = new LinkedHashSet<>();
        days.forEach(d -> scopes.add(d.scope()));
        Map<String, Map<Labels, TreeMap<Long, Double>>> dailyByScope = new HashMap<>();
        Map<String, Set<Labels>> derivedBefore = new HashMap<>();
        for (String scope : scopes) {
            dailyByScope.put(scope, CopilotUsageCounters.storedDaily(store, scope));
            derivedBefore.put(scope, CopilotUsageCounters.existing(store, scope));
        }
        int imported = 0;
        int unchanged = 0;
        int revised = 0;
        int[] samples = {0};
        Map<CopilotDay, String> toRecord = new LinkedHashMap<>();
        Map<String, String> inThisImport = new HashMap<>();
        for (CopilotDay d : days) {
            String hash = CopilotImporter.hash(d);
            String previous = inThisImport.containsKey(key(d)) ? inThisImport.get(key(d)) : known.get(key(d));
            if (hash.equals(previous)) {
                unchanged++;
                continue;
            }
            Map<Labels, TreeMap<Long, Double>> daily = dailyByScope.get(d.scope());
            long t = CopilotSeries.timestamp(d);
            if (previous != null) {
                daily.values().forEach(m -> m.remove(t)); // a revised day replaces the stored one whole
                if (!inThisImport.containsKey(key(d))) {
                    revised++;
                }
            } else {
                imported++;
            }
            inThisImport.put(key(d), hash);
            toRecord.keySet().removeIf(o -> key(o).equals(key(d)));
            CopilotSeries.write(d, new MapWriter(daily, samples));
            toRecord.put(d, hash);
        }
        return new Prepared(new CopilotImporter.Result(imported, unchanged, revised, samples[0]), scopes, dailyByScope,
                derivedBefore, toRecord);
    }

    /** Days ready to be written. */
    public static final class Prepared {
        private final CopilotImporter.Result result;
        private final Set<String> scopes;
        private final Map<String, Map<Labels, TreeMap<Long, Double>>> dailyByScope;
        private final Map<String, Set<Labels>> derivedBefore;
        private final Map<CopilotDay, String> toRecord;

        private Prepared(CopilotImporter.Result result, Set<String> scopes, Map<String, Map<Labels, TreeMap<Long, Double>>> dailyByScope,
                         Map<String, Set<Labels>> derivedBefore, Map<CopilotDay, String> toRecord) {
            this.result = result;
            this.scopes = scopes;
            this.dailyByScope = dailyByScope;
            this.derivedBefore = derivedBefore;
            this.toRecord = toRecord;
        }

        public CopilotImporter.Result result() {
            return result;
        }

        public boolean hasWork() {
            return !toRecord.isEmpty();
        }

        /** Writes the daily series, the counters and the day log in the caller's transaction. */
        public void apply(Connection c, SqliteSeriesStore.SeriesReplacer series, long now) throws SQLException {
            if (!hasWork()) {
                return;
            }
            for (String scope : scopes) {
                Map<Labels, TreeMap<Long, Double>> daily = dailyByScope.get(scope);
                for (Map.Entry<Labels, TreeMap<Long, Double>> e : daily.entrySet()) {
                    long[] ts = e.getValue().keySet().stream().mapToLong(Long::longValue).toArray();
                    double[] vs = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
                    series.replace(e.getKey(), ts, vs);
                }
                CopilotUsageCounters.replace(series, CopilotUsageCounters.derive(daily, scope), derivedBefore.get(scope));
            }
            CopilotImporter.recordDays(c, toRecord, now);
        }
    }

    /** Collects the samples {@link CopilotSeries#write} appends into the in-memory daily series. */
    private record MapWriter(Map<Labels, TreeMap<Long, Double>> daily, int[] samples) implements SeriesWriter {
        @Override
        public void append(Labels labels, long ts, double value) {
            daily.computeIfAbsent(labels, k -> new TreeMap<>()).merge(ts, value, Double::sum);
            samples[0]++;
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }
    }

    private static Map<String, String> knownHashes(Workspace workspace, List<CopilotDay> days) {
        return workspace.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM copilot_days WHERE scope = ? AND day = ?")) {
                for (CopilotDay d : days) {
                    ps.setString(1, d.scope());
                    ps.setString(2, d.day().toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(key(d), rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static String key(CopilotDay d) {
        return d.scope() + '\u0000' + d.day();
    }
}
