package io.vigia.datasources.copilot;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * together or not at all. A day GitHub revised replaces the stored one.
 */
public final class CopilotStoreImport {
    private CopilotStoreImport() {
    }

    public static CopilotImporter.Result importDays(Workspace workspace, SqliteSeriesStore store, List<CopilotDay> days) {
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
            CopilotSeries.write(d, new SeriesWriter() {
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
            });
            toRecord.put(d, hash);
        }
        if (toRecord.isEmpty()) {
            return new CopilotImporter.Result(imported, unchanged, revised, 0);
        }
        long now = workspace.clock().millis();
        store.writeReplacingSeries((c, series) -> {
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
            return null;
        });
        return new CopilotImporter.Result(imported, unchanged, revised, samples[0]);
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
