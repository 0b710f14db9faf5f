package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Section;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** An open dashboard with tabs and rows, in a real (headless) scene. */
@ExtendWith(JavaFxToolkit.class)
class DashboardSectionsViewTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private static Panel panel(int id, String title) {
        return Panel.of(id, PanelType.TIME_SERIES, title, new GridPos(0, 0, 12, 6), List.of(Query.promql("A", "up", "{{job}}")),
                FieldConfig.DEFAULT);
    }

    @Test
    void tabsShowOneAtATimeRowsExpandAndOnlyWhatIsShownLoads() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("s.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (long t = NOW.minus(Duration.ofHours(1)).toEpochMilli(); t <= NOW.toEpochMilli(); t += 15_000) {
                    w.append(Labels.of("__name__", "up", "job", "api"), t, 1);
                }
                w.commit();
            }
            Section shared = new Section("Shared", Section.Kind.ROW, true, List.of(panel(4, "Shared up")), List.of(),
                    List.of(Note.of("Grafana shows this row only when $job is \"node\"; Vigia always shows it")));
            Section details = new Section("Details", Section.Kind.TAB, false, List.of(),
                    List.of(Section.row("CPU", false, List.of(panel(3, "CPU up"))), shared), List.of());
            Dashboard d = new Dashboard("t", "Tabs", List.of(), "now-1h", "now", "", List.of(), List.of(panel(1, "Top up")), List.of(),
                    List.of(Section.tab("Overview", List.of(panel(2, "Overview up"))), details), List.of());
            DashboardViewModel vm = new DashboardViewModel(d, n -> new LocalPromqlSource("local", store), Duration.ofSeconds(15),
                    new SameThreadTaskExecutor().scope(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

            DashboardView view = onFx(() -> {
                DashboardView v = new DashboardView(vm, new SimpleBooleanProperty(false), new SimpleBooleanProperty(false), () -> { }, () -> { });
                new Scene(v, 1280, 900);
                v.applyCss();
                v.layout();
                vm.refresh();
                return v;
            });
            assertThat(loaded(vm, d, 1)).isTrue();
            assertThat(loaded(vm, d, 2)).as("the first tab is shown").isTrue();
            assertThat(loaded(vm, d, 3)).as("a tab not shown waits").isFalse();

            TabPane tabs = onFx(() -> (TabPane) view.lookup(".dashboard-tabs"));
            assertThat(onFx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList())).containsExactly("Overview", "Details");
            onFx(() -> {
                tabs.getSelectionModel().select(1);
                return null;
            });
            assertThat(loaded(vm, d, 3)).as("choosing the tab loads its open row").isTrue();
            assertThat(loaded(vm, d, 4)).as("a collapsed row waits").isFalse();

            ToggleButton header = onFx(() -> (ToggleButton) view.lookup("#section-Shared"));
            assertThat(header.getText()).isEqualTo("▸ Shared");
            Node sharedBody = onFx(() -> header.getParent().getParent().getChildrenUnmodifiable().get(1));
            assertThat(sharedBody.isVisible()).isFalse();
            Label notes = onFx(() -> (Label) header.getParent().lookup(".section-notes"));
            assertThat(notes.getText()).isEqualTo("ⓘ 1 note");
            assertThat(notes.getTooltip().getText()).contains("shows this row only when $job");
            onFx(() -> {
                header.fire();
                return null;
            });
            assertThat(header.getText()).isEqualTo("▾ Shared");
            assertThat(sharedBody.isVisible()).isTrue();
            assertThat(loaded(vm, d, 4)).as("expanding the row loads it").isTrue();
            assertThat(view.panelViews()).extracting(p -> p.panel().id()).containsExactlyInAnyOrder(1, 2, 3, 4);
        }
    }

    private static boolean loaded(DashboardViewModel vm, Dashboard d, int id) {
        Panel p = d.allPanels().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        return vm.dataProperty(p).get() != null && !vm.dataProperty(p).get().series().isEmpty();
    }
}
