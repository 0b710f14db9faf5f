package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.BoundQuery;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/telemetry.md gives the PromQL of every built-in panel and of each of its feeds, exactly as the dashboards run it. */
class TelemetryDocTest {
    @Test
    void everyBuiltInQueryIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "telemetry.md")).replace("\\|", "|");
        int queries = 0;
        BindingStep contract = BindingStep.contract();
        for (Dashboard d : BuiltInDashboards.all()) {
            for (Panel p : d.allPanels()) {
                assertThat(doc).as("panel %s of %s", p.title(), d.title()).contains("| " + p.title() + " |");
                List<Query> all = new ArrayList<>(p.queries());
                // the other feeds' queries too: a panel's description sends the reader here for them
                p.options().sources().alternatives().forEach(a -> all.addAll(a.queries()));
                for (Query q : all) {
                    assertThat(doc).as("query %s of %s / %s", q.refId(), d.title(), p.title()).contains("`" + q.expr() + "`");
                    if (BoundQuery.isTemplate(q.expr())) {
                        // and the PromQL it becomes on a source that follows the contract
                        assertThat(doc).as("contract PromQL of %s / %s", d.title(), p.title())
                                .contains("`" + q.expr() + "` → `" + contract.resolvedText("", q.expr()) + "`");
                    }
                    queries++;
                }
            }
        }
        assertThat(queries).isGreaterThan(30);
    }

    @Test
    void everyDashboardHasPanelsWithQueriesAndUniqueIds() {
        assertThat(BuiltInDashboards.all()).extracting(Dashboard::uid)
                .containsExactly("copilot-health", "ai-coding-adoption", "guardrails", "model-drift", "service-latency");
        for (Dashboard d : BuiltInDashboards.all()) {
            assertThat(d.allPanels()).isNotEmpty().allSatisfy(p -> assertThat(p.queries()).isNotEmpty());
            assertThat(d.allPanels().stream().map(Panel::id).distinct().count()).isEqualTo(d.allPanels().size());
        }
    }
}
