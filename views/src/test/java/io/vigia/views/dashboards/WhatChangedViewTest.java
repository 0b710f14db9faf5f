package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.views.dashboards.whatchanged.WhatChangedView;
import io.vigia.views.dashboards.whatchanged.WhatChangedViewModel;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shift+drag on a time series panel selects a region, "What changed here…" in its context menu
 * shows the ranked rows beside the panels, in a real (headless) window; a plain drag still zooms.
 */
@ExtendWith(JavaFxToolkit.class)
class WhatChangedViewTest {
    @TempDir
    Path dir;

    private static void drag(Node target, double fromX, double toX, double y, boolean shift) {
        Point2D a = target.localToScene(fromX, y);
        Point2D b = target.localToScene(toX, y);
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_PRESSED, a, shift));
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, b, shift));
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_RELEASED, b, shift));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Point2D scene, boolean shift) {
        return new MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(), MouseButton.PRIMARY, 1, shift, false,
                false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false, null);
    }

    private static MenuItem openMenuItem(PanelView panel, String id) {
        Point2D p = panel.localToScreen(20, 20);
        panel.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, p.getX(), p.getY(), false, null));
        ContextMenu menu = (ContextMenu) Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .findFirst().orElseThrow();
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** What a click on the item does: its action, and the menu closes. */
    private static void choose(MenuItem item) {
        item.fire();
        item.getParentPopup().hide();
    }

    private record Opened(Stage stage, DashboardView view, DashboardViewModel vm) {
    }

    private static Opened open(Dashboard d, SqliteSeriesStore store, long from, long to) throws Exception {
        DashboardViewModel vm = new DashboardViewModel(d, n -> new LocalPromqlSource("local", store), Duration.ofMinutes(5),
                new SameThreadTaskExecutor().scope(), Clock.fixed(WhatChangedFlowTest.END, ZoneOffset.UTC), ZoneOffset.UTC);
        return onFx(() -> {
            DashboardView v = new DashboardView(vm, new SimpleBooleanProperty(false), new SimpleBooleanProperty(false), () -> { },
                    () -> { });
            Stage s = new Stage();
            s.setScene(new Scene(v, 1280, 900));
            s.show();
            v.applyCss();
            v.layout();
            vm.range().zoomTo(from, to);
            v.panelViews().getFirst().paintNow();
            return new Opened(s, v, vm);
        });
    }

    @Test
    void aShiftDragRegionIsExplainedBesideThePanelsAndAPlainDragStillZooms() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("fleet.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FleetScenario.Window c = WhatChangedFlowTest.simulate(store).injectionCampaign();
            long len = c.endMillis() - c.startMillis();
            // the campaign is the last quarter of the range shown
            Opened o = open(WhatChangedFlowTest.guardrails(
                    "sum by (category) (rate(vigia_guardrail_decisions_total{decision=\"blocked\"}[5m]))"), store,
                    c.startMillis() - 3 * len, c.endMillis());
            try {
                PanelView panel = o.view().panelViews().getFirst();
                RangeChoice before = o.vm().range().rangeProperty().get();
                assertThat(onFx(() -> openMenuItem(panel, "panel-what-changed-1").isDisable()))
                        .as("nothing to explain before a region is selected").isTrue();

                Node canvas = panel.canvas();
                double w = onFx(() -> canvas.getLayoutBounds().getWidth());
                onFx(() -> {
                    drag(canvas, 0.80 * w, 0.97 * w, 150, true);
                    return null;
                });
                assertThat(o.vm().range().rangeProperty().get()).as("Shift+drag does not zoom").isEqualTo(before);
                long[] region = panel.selectedRegion().orElseThrow();
                assertThat(region[0]).isGreaterThan(c.startMillis());
                assertThat(region[1]).isLessThanOrEqualTo(c.endMillis());
                assertThat(onFx(() -> panel.lookup("#region-1").isVisible())).isTrue();

                onFx(() -> {
                    choose(openMenuItem(panel, "panel-what-changed-1"));
                    o.view().applyCss();
                    o.view().layout();
                    return null;
                });
                WhatChangedView side = o.view().whatChangedView().orElseThrow();
                assertThat(side.table().isVisible()).isTrue();
                WhatChangedViewModel.Row top = side.table().getItems().getFirst();
                assertThat(top.label() + "=" + top.value()).isIn("category=prompt_injection", "detector=llm-guard:PromptInjection");
                assertThat(top.significant()).isTrue();
                assertThat(onFx(() -> side.table().getColumns().stream().map(col -> col.getText()).toList()))
                        .containsExactly("Label", "Value", "Baseline", "Region", "Change", "q", "Significant");
                assertThat(onFx(() -> ((Label) side.lookup("#what-changed-status")).getText())).contains("changed share significantly");
                assertThat(onFx(() -> side.table().isFocused())).as("the rows take the keyboard focus").isTrue();

                // Escape, typed where the focus is (the rows), closes it
                onFx(() -> {
                    Event.fireEvent(o.stage().getScene().getFocusOwner(), new javafx.scene.input.KeyEvent(
                            javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE, false, false, false, false));
                    return null;
                });
                assertThat(o.view().whatChangedView()).isEmpty();

                // a plain drag still zooms to what it covers (on the panel's full width again)
                onFx(() -> {
                    o.view().applyCss();
                    o.view().layout();
                    panel.paintNow();
                    double full = canvas.getLayoutBounds().getWidth();
                    drag(canvas, 0.80 * full, 0.97 * full, 150, false);
                    return null;
                });
                assertThat(o.vm().range().rangeProperty().get()).isNotEqualTo(before).isInstanceOf(RangeChoice.Absolute.class);
            } finally {
                onFx(() -> {
                    o.stage().close();
                    return null;
                });
            }
        }
    }

    private static void key(Scene scene, javafx.scene.input.KeyCode code) {
        Event.fireEvent(scene.getFocusOwner(), new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code,
                true, false, false, false));
    }

    @Test
    void theRegionCanBeChosenFromTheKeyboard() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("fleet.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FleetScenario.Window c = WhatChangedFlowTest.simulate(store).injectionCampaign();
            long len = c.endMillis() - c.startMillis();
            Opened o = open(WhatChangedFlowTest.guardrails(
                    "sum by (category) (rate(vigia_guardrail_decisions_total{decision=\"blocked\"}[5m]))"), store,
                    c.startMillis() - 3 * len, c.endMillis());
            try {
                PanelView panel = o.view().panelViews().getFirst();
                Scene scene = o.stage().getScene();
                RangeChoice before = o.vm().range().rangeProperty().get();
                long[] first = onFx(() -> {
                    panel.requestFocus();
                    key(scene, javafx.scene.input.KeyCode.LEFT); // the first key: the last tenth of the range
                    return panel.selectedRegion().orElseThrow();
                });
                long unit = (4 * len) / 40;
                assertThat(first[1]).isEqualTo(c.endMillis());
                assertThat(first[1] - first[0]).isEqualTo(4 * unit);
                long[] moved = onFx(() -> {
                    key(scene, javafx.scene.input.KeyCode.LEFT);
                    key(scene, javafx.scene.input.KeyCode.UP);
                    return panel.selectedRegion().orElseThrow();
                });
                assertThat(moved[1]).isEqualTo(first[1] - unit);
                assertThat(moved[0]).isEqualTo(first[0] - 2 * unit);
                assertThat(o.vm().range().rangeProperty().get()).as("the arrows move the region, not the range").isEqualTo(before);
                assertThat(onFx(() -> openMenuItem(panel, "panel-what-changed-1").isDisable())).isFalse();
                onFx(() -> {
                    key(scene, javafx.scene.input.KeyCode.ESCAPE);
                    return null;
                });
            } finally {
                onFx(() -> {
                    o.stage().close();
                    return null;
                });
            }
        }
    }

    @Test
    void aQueryWithoutLabelsToCompareShowsWhyInPlaceOfTheRows() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("fleet.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            FleetScenario.Window c = WhatChangedFlowTest.simulate(store).injectionCampaign();
            Opened o = open(WhatChangedFlowTest.guardrails("vector(1)"), store, c.startMillis() - Duration.ofDays(1).toMillis(),
                    c.endMillis());
            try {
                PanelView panel = o.view().panelViews().getFirst();
                onFx(() -> {
                    panel.selectRegion(c.startMillis(), c.endMillis());
                    choose(openMenuItem(panel, "panel-what-changed-1"));
                    o.view().applyCss();
                    o.view().layout();
                    return null;
                });
                WhatChangedView side = o.view().whatChangedView().orElseThrow();
                Label error = onFx(() -> (Label) side.lookup("#what-changed-error"));
                assertThat(error.isVisible()).isTrue();
                assertThat(error.getText()).isEqualTo("The query reads no series: there are no labels to compare");
                assertThat(side.table().isVisible()).isFalse();
            } finally {
                onFx(() -> {
                    o.stage().close();
                    return null;
                });
            }
        }
    }
}
