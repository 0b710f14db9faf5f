package io.vigia.datasources.copilot;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Copilot days, their day log and the Copilot Health counters derived from them, in one transaction. */
class CopilotStoreImportTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir"), "corpus", "copilot-metrics");

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void countersHoldTheDailyTotalsAndFollowARevisedDay() throws Exception {
        List<CopilotDay> days = ((CopilotMetricsParser.Days) CopilotMetricsParser.parse("octo-org",
                Files.readString(DIR.resolve("cmv-organization_metrics_response_sample.json")))).days();
        long suggestions = days.stream().mapToLong(d -> d.totals().suggestions()).sum();
        long accepted = days.stream().mapToLong(d -> d.totals().acceptances()).sum();
        try (Workspace ws = Workspace.open(dir.resolve("c.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            CopilotImporter.Result first = CopilotStoreImport.importDays(ws, store, days);
            assertThat(first.daysImported()).isEqualTo(21);
            assertThat(lastSum(store, CopilotUsageCounters.SHOWN)).isEqualTo(suggestions);
            assertThat(lastSum(store, CopilotUsageCounters.ACCEPTED)).isEqualTo(accepted);
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", CopilotUsageCounters.ACCEPTED))))
                    .allSatisfy(l -> {
                        assertThat(l.get("team")).isEqualTo("octo-org");
                        assertThat(l.get("source")).isEqualTo("legacy-metrics");
                    });
            int series = store.seriesCount();

            assertThat(CopilotStoreImport.importDays(ws, store, days)).isEqualTo(new CopilotImporter.Result(0, 21, 0, 0));
            assertThat(store.seriesCount()).isEqualTo(series);
            assertThat(lastSum(store, CopilotUsageCounters.SHOWN)).isEqualTo(suggestions);

            // GitHub revises the first day: one cell only, 10 suggestions, none accepted
            CopilotDay d0 = days.getFirst();
            CopilotDay revised = new CopilotDay(d0.scope(), d0.day(), d0.source(), d0.activeUsers(), d0.engagedUsers(),
                    d0.chatTurns(), List.of(new CompletionCounts("vscode", "python", "default", 10, 0, 20, 0)));
            List<CopilotDay> again = new ArrayList<>(days);
            again.set(0, revised);
            CopilotImporter.Result r = CopilotStoreImport.importDays(ws, store, again);
            assertThat(r.daysRevised()).isEqualTo(1);
            assertThat(r.daysUnchanged()).isEqualTo(20);
            assertThat(lastSum(store, CopilotUsageCounters.SHOWN)).isEqualTo(suggestions - d0.totals().suggestions() + 10);
            assertThat(lastSum(store, CopilotUsageCounters.ACCEPTED)).isEqualTo(accepted - d0.totals().acceptances());
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", CopilotSeries.SUGGESTIONS)),
                    CopilotSeries.timestamp(d0), CopilotSeries.timestamp(d0)))
                    .as("the revised day replaced the stored one whole").singleElement()
                    .satisfies(s -> assertThat(s.values()).containsExactly(10.0));
        }
    }

    @Test
    void theCounterStepsByTheDaysCountAtTheEndOfTheDay() {
        java.util.TreeMap<Long, Double> days = new java.util.TreeMap<>();
        long d = 1_700_006_400_000L; // a UTC midnight
        days.put(d, 5.0);
        days.put(d + CopilotUsageCounters.DAY_MS, 7.0);
        double[][] c = CopilotUsageCounters.counter(days);
        int perDay = (int) (CopilotUsageCounters.DAY_MS / CopilotUsageCounters.STEP_MS);
        assertThat(c[0][0]).isEqualTo((double) d);
        assertThat(c[1][0]).isZero();
        assertThat(c[1][perDay - 1]).isZero();
        assertThat(c[1][perDay]).isEqualTo(5.0);
        assertThat(c[1][2 * perDay]).isEqualTo(12.0);
        assertThat(c[0]).hasSize(2 * perDay + 1);
    }

    private static long lastSum(SqliteSeriesStore store, String metric) {
        double sum = 0;
        for (SeriesData s : store.select(List.of(LabelMatcher.equal("__name__", metric)), Long.MIN_VALUE, Long.MAX_VALUE)) {
            sum += s.values()[s.size() - 1];
        }
        return Math.round(sum);
    }
}
