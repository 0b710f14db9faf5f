package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * An open dashboard: a toolbar (back to the list, title, demo badge, time range, zoom back,
 * refresh) over the panels laid out on Grafana's 24-column grid.
 */
public final class DashboardView extends BorderPane {
    static final double ROW_HEIGHT = 34;
    static final double GAP = 8;

    private final DashboardViewModel vm;
    private final List<PanelView> panels = new ArrayList<>();

    DashboardView(DashboardViewModel vm, ObservableBooleanValue dark, ObservableBooleanValue demo, Runnable onBack,
                  Runnable onRemoveDemo) {
        this.vm = vm;
        getStyleClass().add("dashboard-view");
        setId("dashboard-" + vm.dashboard().uid());

        Button back = new Button("← Dashboards");
        back.setId("back-to-list");
        back.setOnAction(e -> onBack.run());
        Label title = new Label(vm.dashboard().title());
        title.getStyleClass().add("page-title");
        title.setId("dashboard-title");

        Label badge = new Label("Demo data");
        badge.setId("demo-badge");
        badge.getStyleClass().add("demo-badge");
        badge.setTooltip(new Tooltip("Simulated history from the fleet simulator (seed 42), loaded because this workspace was empty."));
        Button removeDemo = new Button("Remove demo…");
        removeDemo.setId("remove-demo");
        removeDemo.setOnAction(e -> onRemoveDemo.run());
        removeDemo.setTooltip(new Tooltip("Delete the demo history, then add a real data source"));
        HBox demoBox = new HBox(6, badge, removeDemo);
        demoBox.getStyleClass().add("demo-box");
        demoBox.visibleProperty().bind(Bindings.createBooleanBinding(demo::get, demo));
        demoBox.managedProperty().bind(demoBox.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ComboBox<DashboardViewModel.RangeChoice> range = new ComboBox<>();
        range.setId("time-range");
        range.getItems().setAll(DashboardViewModel.QUICK_RANGES);
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        range.setTooltip(new Tooltip("Time range (drag across a chart to zoom, double-click to go back)"));
        Button zoomBack = new Button("Back");
        zoomBack.setId("zoom-back");
        zoomBack.setTooltip(new Tooltip("The time range before the last change"));
        zoomBack.setOnAction(e -> vm.back());
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-dashboard");
        refresh.setTooltip(new Tooltip("Run every panel's queries again (Ctrl+R)"));
        refresh.setOnAction(e -> vm.refresh());
        ComboBox<java.time.Duration> auto = new ComboBox<>();
        auto.setId("auto-refresh");
        auto.getItems().setAll(DashboardViewModel.AUTO_REFRESH_CHOICES);
        auto.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.Duration d) {
                if (d == null || d.isZero()) {
                    return "Auto-refresh off";
                }
                return "Every " + (d.toSeconds() < 60 ? d.toSeconds() + " s" : d.toMinutes() + " min");
            }

            @Override
            public java.time.Duration fromString(String s) {
                return java.time.Duration.ZERO;
            }
        });
        auto.valueProperty().bindBidirectional(vm.autoRefreshProperty());
        auto.setTooltip(new Tooltip("Refresh every panel on a schedule while the dashboard is open"));
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("page-subtitle");

        HBox bar = new HBox(10, back, title, demoBox, spacer, status, range, zoomBack, refresh, auto);
        // the buttons keep their labels; the status text gives way when the window is narrow
        for (javafx.scene.control.Control c : List.of(back, title, removeDemo, badge, zoomBack, refresh)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getStyleClass().add("dashboard-toolbar");
        setTop(bar);

        Pane grid = new Pane() {
            @Override
            protected void layoutChildren() {
                double col = (getWidth() - GAP) / 24.0;
                for (PanelView p : panels) {
                    Panel m = p.panel();
                    p.resizeRelocate(GAP + m.grid().x() * col, GAP + m.grid().y() * ROW_HEIGHT,
                            Math.max(10, m.grid().w() * col - GAP), Math.max(10, m.grid().h() * ROW_HEIGHT - GAP));
                }
            }

            @Override
            protected double computePrefHeight(double width) {
                int rows = panels.stream().mapToInt(p -> p.panel().grid().y() + p.panel().grid().h()).max().orElse(0);
                return rows * ROW_HEIGHT + 2 * GAP;
            }
        };
        grid.getStyleClass().add("dashboard-grid");
        for (Panel p : vm.dashboard().allPanels()) {
            if (p.type() != PanelType.ROW) {
                PanelView view = new PanelView(p, vm, dark);
                panels.add(view);
                grid.getChildren().add(view);
            }
        }
        grid.widthProperty().addListener((o, a, b) -> vm.setWidth(b.doubleValue()));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dashboard-scroll");
        setCenter(scroll);
    }

    public DashboardViewModel viewModel() {
        return vm;
    }

    public List<PanelView> panelViews() {
        return List.copyOf(panels);
    }
}
