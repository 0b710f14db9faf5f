package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.render.Tooltip;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.PanelData;
import io.vigia.views.chart.ChartCanvas;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One query pane: source picker, editor, Run, "Add to dashboard", the error under the editor, and
 * the graph, table and logs views of the result.
 */
final class QueryPaneView extends StackPane {
    private final QueryPaneViewModel vm;
    private final ExploreViewModel explore;
    private final ObservableBooleanValue dark;
    private final ChartCanvas graph = new ChartCanvas();
    private final TableView<ExploreResult.Row> table = new TableView<>();
    private final TableView<ExploreResult.LogRow> logs = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final Tab graphTab = new Tab("Graph");
    private final Tab tableTab = new Tab("Table");
    private final Tab logsTab = new Tab("Logs");
    private final Label error = new Label();
    private final Label status = new Label();
    private final Label graphEmpty = new Label("Run a query to see it here.");
    private final QueryEditor editor;
    private LegendState legend = LegendState.ALL_VISIBLE;
    private TimeSeriesLayout layout;
    private double hoverX = Double.NaN;

    QueryPaneView(QueryPaneViewModel vm, ExploreViewModel explore, ObservableBooleanValue dark, Runnable addToDashboard) {
        this.vm = vm;
        this.explore = explore;
        this.dark = dark;
        getStyleClass().add("explore-pane");
        setId("explore-pane-" + vm.id());
        Pane overlay = new Pane();
        overlay.setPickOnBounds(false);
        editor = new QueryEditor(vm, overlay);

        ComboBox<SourceChoice> source = new ComboBox<>(explore.sources());
        source.setId("explore-source-" + vm.id());
        source.setPromptText("Data source");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        Button run = new Button("Run");
        run.setId("explore-run-" + vm.id());
        run.getStyleClass().add("accent");
        run.setTooltip(new javafx.scene.control.Tooltip("Run the query (Shift+Enter)"));
        run.setOnAction(e -> vm.run());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("explore-spinner");
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        Button add = new Button("Add to dashboard…");
        add.setId("explore-add-" + vm.id());
        add.setOnAction(e -> addToDashboard.run());
        Label name = new Label("Query " + vm.id());
        name.getStyleClass().add("explore-pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        name.setMinWidth(USE_PREF_SIZE);
        run.setMinWidth(USE_PREF_SIZE);
        add.setMinWidth(USE_PREF_SIZE);
        source.setMinWidth(110);
        HBox bar = new HBox(8, name, source, run, spinner, gap, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("explore-pane-toolbar");

        error.getStyleClass().add("query-error-message");
        error.setId("explore-error-" + vm.id());
        error.setWrapText(true);
        status.getStyleClass().add("explore-status");
        status.setId("explore-status-" + vm.id());
        status.textProperty().bind(vm.statusProperty());
        vm.errorProperty().addListener((o, a, b) -> showError(b));
        showError(vm.errorProperty().get());

        graph.setId("explore-graph-" + vm.id());
        graph.setPrefSize(600, 320);
        graph.setPainter(s -> {
            ExploreResult r = vm.resultProperty().get();
            layout = null;
            if (r == null || r.series().isEmpty()) {
                return;
            }
            ChartTheme theme = dark.get() ? ChartTheme.dark() : ChartTheme.light();
            PanelData data = new PanelData(r.series(), Collections.nCopies(r.series().size(), vm.id()), r.step(), r.notices(), List.of());
            layout = PanelPainter.paint(s, GRAPH_PANEL, data, new PanelPainter.Context(r.range().from().toEpochMilli(),
                    r.range().to().toEpochMilli(), explore.zone(), theme, legend, List.of())).orElse(null);
            if (layout != null && !Double.isNaN(hoverX)) {
                Optional<Tooltip> tip = Tooltip.at(layout, r.series(), hoverX, Unit.NONE);
                TimeSeriesRenderer.paintCrosshair(s, layout, tip, theme, explore.zone());
            }
        });
        graph.widthProperty().addListener((o, a, w) -> vm.graphWidthProperty().set(Math.max(100, w.intValue())));
        wireGraphMouse();
        graphEmpty.getStyleClass().add("empty-state");
        graphEmpty.setMouseTransparent(true);
        StackPane graphBox = new StackPane(graph, graphEmpty);
        graphTab.setContent(graphBox);
        table.setId("explore-table-" + vm.id());
        table.setPlaceholder(new Label("Run a query: its value at the end of the range shows here, one row per series."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tableTab.setContent(table);
        logs.setId("explore-logs-" + vm.id());
        logs.setPlaceholder(new Label("Log lines of a LogQL query on a Loki source show here."));
        logs.getStyleClass().add("explore-logs");
        logsTab.setContent(logs);
        tabs.getTabs().addAll(graphTab, tableTab, logsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("explore-tabs-" + vm.id());
        VBox.setVgrow(tabs, Priority.ALWAYS);

        vm.resultProperty().addListener((o, a, r) -> show(r));
        dark.addListener((o, a, b) -> graph.requestRepaint());

        VBox column = new VBox(8, bar, editor, error, status, tabs);
        column.getStyleClass().add("explore-pane-column");
        getChildren().addAll(column, overlay);
    }

    private static final Panel GRAPH_PANEL = Panel.of(1, PanelType.TIME_SERIES, "", new GridPos(0, 0, 24, 8), List.of(),
            FieldConfig.DEFAULT);

    private void showError(QueryError e) {
        boolean has = e != null;
        error.setText(has ? (e.fromServer() ? "Server: " : "") + e.message() : "");
        error.setVisible(has);
        error.setManaged(has);
    }

    private void show(ExploreResult r) {
        legend = LegendState.ALL_VISIBLE;
        graphEmpty.setVisible(r == null || r.series().isEmpty());
        graphEmpty.setText(r == null ? "Run a query to see it here." : r.logs().isEmpty() ? "No series to draw." : "Log lines: see the Logs tab.");
        if (r == null) {
            table.getItems().clear();
            logs.getItems().clear();
        } else {
            ResultTables.fillTable(table, r, explore.zone());
            ResultTables.fillLogs(logs, r, explore.zone());
            if (!r.logs().isEmpty()) {
                tabs.getSelectionModel().select(logsTab);
            } else if (vm.language() == QueryLanguage.LOGQL || tabs.getSelectionModel().getSelectedItem() == logsTab) {
                tabs.getSelectionModel().select(graphTab);
            }
        }
        graph.requestRepaint();
    }

    private void wireGraphMouse() {
        graph.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            graph.requestRepaint();
        });
        graph.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            graph.requestRepaint();
        });
        graph.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            ExploreResult r = vm.resultProperty().get();
            if (layout == null || r == null) {
                return;
            }
            List<String> names = r.series().stream().map(s -> s.name()).toList();
            layout.legendItemAt(e.getX(), e.getY()).ifPresent(n -> {
                legend = e.isShortcutDown() ? legend.toggle(n) : legend.isolate(n, names);
                graph.requestRepaint();
            });
        });
    }

    QueryEditor editor() {
        return editor;
    }

    ChartCanvas graph() {
        return graph;
    }
}
