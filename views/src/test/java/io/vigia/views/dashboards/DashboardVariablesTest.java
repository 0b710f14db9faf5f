package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.PanelData;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardVariablesTest {
    @TempDir
    Path dir;

    @Test
    void aVariablesValuesComeFromTheSourceAndChoosingOneNarrowsThePanels() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("v.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (long t = now.minus(Duration.ofHours(1)).toEpochMilli(); t <= now.toEpochMilli(); t += 15_000) {
                    w.append(Labels.of("__name__", "up", "job", "api"), t, 1);
                    w.append(Labels.of("__name__", "up", "job", "db"), t, 0);
                }
                w.commit();
            }
            Variable job = new Variable.QueryVariable("job", "Job", "", "label_values(up, job)", "", true, true, "", List.of(Variable.ALL));
            Panel panel = Panel.of(1, PanelType.TIME_SERIES, "up of $job", new GridPos(0, 0, 24, 8),
                    List.of(Query.promql("A", "up{job=~\"$job\"}", "{{job}}")), FieldConfig.DEFAULT);
            Dashboard d = new Dashboard("v", "Vars", List.of(), "now-1h", "now", "", List.of(job), List.of(panel), List.of());
            DashboardViewModel vm = new DashboardViewModel(d, name -> new LocalPromqlSource("local", store), Duration.ofSeconds(15),
                    new SameThreadTaskExecutor().scope(), Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC);

            vm.loadVariableOptions();
            VariableState st = vm.variables().getFirst();
            assertThat(st.options()).containsExactly("api", "db");
            assertThat(VariableControl.shown(st)).isEqualTo("All");
            vm.refresh();
            assertThat(names(vm.dataProperty(panel).get())).containsExactlyInAnyOrder("api", "db");

            st.selected().setAll("db");
            assertThat(names(vm.dataProperty(panel).get())).containsExactly("db");
            assertThat(VariableControl.shown(st)).isEqualTo("db");
        }
    }

    private static List<String> names(PanelData d) {
        return d.series().stream().map(s -> s.name()).toList();
    }
}
