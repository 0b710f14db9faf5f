package io.vigia.datasources.copilot;

import io.vigia.datasources.copilot.usage.CaveatNotes;
import io.vigia.datasources.copilot.usage.UsageSeriesNames;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seat list of a sync day as series ({@code github_copilot_seats} and, per team the seats
 * were assigned through, {@code github_copilot_seats_by_team}), one sample at 00:00 UTC of the day,
 * and a note for each team under five seats (absent from the user-teams report).
 */
final class SeatSnapshot {
    private SeatSnapshot() {
    }

    static int write(Workspace workspace, SqliteSeriesStore store, String scope, LocalDate day, CopilotMetricsParser.Seats seats) {
        Map<String, Integer> byTeam = new TreeMap<>();
        for (CopilotMetricsParser.Seat s : seats.seats()) {
            if (!s.team().isEmpty()) {
                byTeam.merge(s.team(), 1, Integer::sum);
            }
        }
        Map<Labels, TreeMap<Long, Double>> series = new LinkedHashMap<>();
        for (SeriesData d : store.select(List.of(LabelMatcher.regex(Labels.METRIC_NAME, UsageSeriesNames.SEATS + "|"
                + UsageSeriesNames.TEAM_SEATS), LabelMatcher.equal("scope", scope)), Long.MIN_VALUE, Long.MAX_VALUE)) {
            TreeMap<Long, Double> m = new TreeMap<>();
            for (int i = 0; i < d.size(); i++) {
                m.put(d.timestamps()[i], d.values()[i]);
            }
            series.put(d.labels(), m);
        }
        long t = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        series.values().forEach(m -> m.remove(t));
        series.computeIfAbsent(Labels.builder().set(Labels.METRIC_NAME, UsageSeriesNames.SEATS).set("scope", scope).build(),
                k -> new TreeMap<>()).put(t, (double) seats.totalSeats());
        byTeam.forEach((team, n) -> series.computeIfAbsent(Labels.builder().set(Labels.METRIC_NAME, UsageSeriesNames.TEAM_SEATS)
                .set("scope", scope).set("team", team).build(), k -> new TreeMap<>()).put(t, (double) n));
        return store.writeReplacingSeries((c, replacer) -> {
            for (Map.Entry<Labels, TreeMap<Long, Double>> e : series.entrySet()) {
                replacer.replace(e.getKey(), e.getValue().keySet().stream().mapToLong(Long::longValue).toArray(),
                        e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray());
            }
            CaveatNotes.recordSmallTeams(c, scope, day, byTeam);
            return series.size();
        });
    }
}
