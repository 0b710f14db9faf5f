package io.vigia.views.dashboards;

import io.vigia.views.controls.ChoiceText;
import io.vigia.views.dashboards.deploys.DeployImpactView;
import io.vigia.views.dashboards.time.RangeKeys;
import io.vigia.views.dashboards.time.RangePickerView;
import javafx.scene.Node;
import java.time.Duration;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import io.vigia.dashboards.model.Panel;
import io.vigia.views.dashboards.whatchanged.WhatChangedView;
import io.vigia.views.dashboards.whatchanged.WhatChangedViewModel;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * An open dashboard: a toolbar (back to the list, title, demo badge, the time picker, zoom back,
 * refresh), the picker's form when open, the banner saying where the data is when the range
 * shows none, over the panels laid out on Grafana's 24-column grid, then its sections: rows that
 * expand and collapse, tabs ({@link SectionsView}).
 */
public final class DashboardView extends BorderPane {
    static final double ROW_HEIGHT = 34;
    static final double GAP = 8;

    private final DashboardViewModel vm;
    private final List<PanelView> panels = new ArrayList<>();
    private ScrollPane scroll;
    private VBox content;
    private ObservableBooleanValue darkTheme;
    private DeployImpactView impactView;

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
        RangePickerView picker = new RangePickerView(vm.rangePicker());
        Node range = picker.toolbarNode();
        RangeKeys rangeKeys = new RangeKeys(vm.rangePicker());
        Button zoomBack = new Button("Back");
        zoomBack.setId("zoom-back");
        zoomBack.setTooltip(new Tooltip("The time range before the last change"));
        zoomBack.setOnAction(e -> vm.range().back());
        Button zoomForward = new Button("Forward");
        zoomForward.setId("zoom-forward");
        zoomForward.setTooltip(new Tooltip("The time range left with Back"));
        zoomForward.setOnAction(e -> vm.range().forward());
        zoomForward.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-dashboard");
        refresh.setTooltip(new Tooltip("Run every panel's queries again (Ctrl+R)"));
        refresh.setOnAction(e -> vm.refresh());
        ComboBox<Duration> auto = new ComboBox<>();
        auto.setId("auto-refresh");
        auto.getItems().setAll(AutoRefresh.CHOICES);
        auto.setConverter(ChoiceText.of(d -> d.isZero() ? "Auto-refresh off"
                : "Every " + (d.toSeconds() < 60 ? d.toSeconds() + " s" : d.toMinutes() + " min")));
        auto.valueProperty().bindBidirectional(vm.autoRefresh().everyProperty());
        auto.setTooltip(new Tooltip("Refresh every panel on a schedule while the dashboard is open"));
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("page-subtitle");

        Button impact = new Button("Deploy impact…");
        impact.setId("deploy-impact-open");
        impact.setTooltip(new Tooltip("Compare a service before and after a deploy: p50/p95/p99, 5xx share, throughput"));
        impact.setVisible(vm.hasDeployMarkers());
        impact.setManaged(vm.hasDeployMarkers());
        impact.setMinWidth(Region.USE_PREF_SIZE);
        impact.setOnAction(e -> openDeployImpact());
        // two rows, as the title and the demo box leave too little room for the controls at 1280 px:
        // the title row, then the time controls right-aligned with the status text on the left
        HBox titleRow = new HBox(10, back, title, demoBox, spacer, status);
        ToggleButton compare = new ToggleButton("Compare previous period");
        compare.setId("compare-previous");
        compare.setTooltip(new Tooltip("Draw the period just before this one, dashed, on every time series"));
        compare.selectedProperty().bindBidirectional(vm.comparePreviousProperty());
        compare.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton edit = new ToggleButton("Edit");
        edit.setId("edit-dashboard");
        edit.setTooltip(new Tooltip("Move (drag), resize (drag the corner), duplicate, edit and remove panels; "
                + "changes are saved at once (Ctrl+Z undoes)"));
        edit.selectedProperty().bindBidirectional(vm.editing().editingProperty());
        edit.setVisible(vm.editing().canEdit());
        edit.setManaged(vm.editing().canEdit());
        Button addPanel = new Button("Add panel");
        addPanel.setId("add-panel");
        addPanel.setOnAction(e -> {
            int id = vm.editing().addPanel("New panel", "");
            vm.dashboard().allPanels().stream().filter(p -> p.id() == id).findFirst()
                    .ifPresent(p -> PanelEditorDialog.edit(this, vm, p));
        });
        Button undo = new Button("Undo");
        undo.setId("undo-edit");
        undo.setOnAction(e -> vm.editing().undo());
        Button redo = new Button("Redo");
        redo.setId("redo-edit");
        redo.setOnAction(e -> vm.editing().redo());
        for (var b : List.of(addPanel, undo, redo)) {
            b.visibleProperty().bind(vm.editing().editingProperty());
            b.managedProperty().bind(vm.editing().editingProperty());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        vm.dashboardProperty().addListener((o, a, b) -> {
            undo.setDisable(!vm.editing().canUndo());
            redo.setDisable(!vm.editing().canRedo());
        });
        undo.setDisable(true);
        redo.setDisable(true);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        // Grafana's keys: t ←, t →, t z and Ctrl+←/→ move the range (RangeKeys); Ctrl+Z undoes,
        // Ctrl+Shift+Z (or Ctrl+Y) redoes, while editing (so Ctrl+Z never zooms out here)
        addEventHandler(KeyEvent.KEY_PRESSED, rangeKeys::handle);
        vm.whatChanged().openProperty().addListener((o, a, b) -> showWhatChanged(b));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || !vm.editing().editingProperty().get() || !e.isShortcutDown()) {
                return;
            }
            if (e.getCode() == KeyCode.Z && !e.isShiftDown()) {
                vm.editing().undo();
                e.consume();
            } else if (e.getCode() == KeyCode.Y || (e.getCode() == KeyCode.Z && e.isShiftDown())) {
                vm.editing().redo();
                e.consume();
            }
        });
        // the controls wrap onto a second line rather than widen the window
        FlowPane controls = new FlowPane(8, 4, addPanel, undo, redo, edit, impact, compare,
                range, zoomBack, zoomForward, refresh, auto);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setPrefWrapLength(900);
        controls.setMaxWidth(Double.MAX_VALUE);
        // the buttons keep their labels; the status text gives way when the window is narrow
        for (Control c : List.of(back, title, removeDemo, badge, zoomBack, refresh, auto)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        titleRow.getStyleClass().add("dashboard-toolbar");
        controls.getStyleClass().add("dashboard-toolbar");
        VBox top = new VBox(2, titleRow, controls, picker.panelNode(), new NoDataBanner(vm.whereTheData()));
        if (!vm.variables().isEmpty()) {
            FlowPane vars = new FlowPane(12, 6);
            vars.setId("dashboard-variables");
            vars.getStyleClass().add("dashboard-variables");
            for (VariableState st : vm.variables()) {
                vars.getChildren().add(VariableControl.of(st));
            }
            top.getChildren().add(vars);
        }
        setTop(top);

        VBox content = new VBox();
        content.getStyleClass().add("dashboard-content");
        this.content = content;
        this.darkTheme = dark;
        buildPanels();
        // an edit gives a new version of the dashboard: its panels are laid out again
        vm.dashboardProperty().addListener((o, a, b) -> buildPanels());
        vm.editing().editingProperty().addListener((o, a, b) -> buildPanels());
        content.widthProperty().addListener((o, a, b) -> vm.setWidth(b.doubleValue()));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dashboard-scroll");
        this.scroll = scroll;
        setCenter(scroll);
    }

    /** The dashboard's own grid, then its sections: row headers and tab panes, each with a grid. */
    private void buildPanels() {
        panels.clear();
        content.getChildren().clear();
        boolean editing = vm.editing().editingProperty().get();
        SectionsView sections = new SectionsView(p -> {
            PanelView view = new PanelView(p, vm, darkTheme);
            panels.add(view);
            return view;
        });
        content.getChildren().add(sections.grid(vm.dashboard().panels().stream().filter(p -> p.type() != PanelType.ROW).toList()));
        content.getChildren().addAll(sections.nodes(vm.sections()));
        if (editing) {
            for (PanelGrid grid : sections.grids()) {
                PanelDrag drag = new PanelDrag(vm, grid);
                for (PanelView view : grid.panels()) {
                    Panel p = view.panel();
                    view.showEditBar(() -> PanelEditorDialog.edit(view, vm, p), () -> vm.editing().duplicatePanel(p.id()),
                            () -> vm.editing().removePanel(p.id()));
                    drag.attach(view);
                }
            }
        }
        content.requestLayout();
    }

    /** "What changed here" beside the panels while a comparison is open; the rows take the focus. */
    private void showWhatChanged(WhatChangedViewModel wc) {
        if (wc == null) {
            setRight(null);
            return;
        }
        WhatChangedView v = new WhatChangedView(wc, () -> vm.whatChanged().close());
        setRight(v);
        v.focusRows();
    }

    /** The "What changed here" side panel while it is open. */
    public Optional<WhatChangedView> whatChangedView() {
        return getRight() instanceof WhatChangedView v ? Optional.of(v) : Optional.empty();
    }

    /** Shows the deploy comparison in place of the panels; Close (or Escape) comes back. */
    public void openDeployImpact() {
        impactView = new DeployImpactView(vm.deployImpact(), vm.zone(), darkTheme, () -> {
            impactView = null;
            setCenter(scroll);
        });
        setCenter(impactView);
    }

    /** The deploy comparison while it is shown. */
    public Optional<DeployImpactView> deployImpactView() {
        return Optional.ofNullable(impactView);
    }

    public DashboardViewModel viewModel() {
        return vm;
    }

    public List<PanelView> panelViews() {
        return List.copyOf(panels);
    }
}
