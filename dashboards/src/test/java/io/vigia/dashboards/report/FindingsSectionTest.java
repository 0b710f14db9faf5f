package io.vigia.dashboards.report;

import io.vigia.dashboards.findings.WatchedSeriesList;
import io.vigia.datasources.bindings.SourceBindings;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsSectionTest {

    @Test
    void aSourceWithoutTheWatchedInputsSaysWhatItWouldNeedInsteadOfReportingAQuietWeek() {
        // a source never probed has no input bound: nothing can be watched, and the table says why
        SourceBindings none = new SourceBindings("bare", null, Map.of());
        List<String> notWatched = WatchedSeriesList.of(none).notWatched();
        Report.Table t = FindingsSection.table(List.of(), notWatched, ZoneOffset.UTC);
        assertThat(t.rows()).isEmpty();
        assertThat(t.note()).contains("Not watched on this source: p95 latency: needs a request-latency histogram")
                .contains("guardrail blocks: needs a guardrail decision counter");
    }

    @Test
    void vigiasContractWatchesEverythingAndSaysNothingIsMissing() {
        Report.Table t = FindingsSection.table(List.of(), WatchedSeriesList.of(null).notWatched(), ZoneOffset.UTC);
        assertThat(t.note()).doesNotContain("Not watched");
    }
}
