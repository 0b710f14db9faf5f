package io.vigia.views.explore;

import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.views.shell.Page;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Explore page: ad-hoc PromQL and LogQL with a shared time range, one pane or two side by side,
 * and the history of queries run on the right.
 */
public final class ExplorePage implements Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private final ExploreViewModel vm;
    private final ExploreSources sources;
    private final TaskScope scope;
    private final ObservableBooleanValue dark;
    private BorderPane root;
    private QueryPaneView left;
    private QueryPaneView right;
    private QueryPaneViewModel lastFocused;

    public ExplorePage(ExploreViewModel vm, ExploreSources sources, TaskScope scope, ObservableBooleanValue dark) {
        this.vm = vm;
        this.sources = sources;
        this.scope = scope;
        this.dark = dark;
        this.lastFocused = vm.left();
    }

    /** Explore over the workspace's sources, history and dashboards; {@code minInterval} as the dashboards' (the local store's sample interval). */
    public static ExplorePage create(DataSourceCatalog catalog, Workspace workspace, TaskScope scope,
                                     ObservableBooleanValue dark, Clock clock, java.time.Duration minInterval) {
        ExploreSources sources = new CatalogExploreSources(catalog);
        ExploreViewModel vm = new ExploreViewModel(sources, new QueryHistory(new SettingsRepository(workspace)),
                new DashboardAppender(new DashboardStore(workspace)), scope, clock, ZoneId.systemDefault(), minInterval);
        return new ExplorePage(vm, sources, scope, dark);
    }

    @Override
    public String id() {
        return "explore";
    }

    @Override
    public String title() {
        return "Explore";
    }

    @Override
    public String description() {
        return "Ad-hoc PromQL and LogQL queries";
    }

    public ExploreViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        if (root == null) {
            root = build();
            vm.load();
        }
        return root;
    }

    @Override
    public void shown() {
        if (root != null) {
            vm.load(); // a source may have been added since
        }
    }

    private BorderPane build() {
        left = new QueryPaneView(vm.left(), vm, dark, () -> addToDashboard(vm.left()));
        right = new QueryPaneView(vm.right(), vm, dark, () -> addToDashboard(vm.right()));
        left.editor().area().focusedProperty().addListener((o, a, f) -> {
            if (f) {
                lastFocused = vm.left();
            }
        });
        right.editor().area().focusedProperty().addListener((o, a, f) -> {
            if (f) {
                lastFocused = vm.right();
            }
        });

        Label title = new Label("Explore");
        title.getStyleClass().add("page-title");
        ComboBox<RangeChoice> range = new ComboBox<>();
        range.getItems().setAll(RangeChoice.QUICK);
        range.setId("explore-range");
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        ToggleButton split = new ToggleButton("Split");
        split.setId("explore-split");
        split.setTooltip(new javafx.scene.control.Tooltip("Compare two queries side by side over the same time range"));
        split.selectedProperty().bindBidirectional(vm.splitProperty());
        ToggleButton showHistory = new ToggleButton("History");
        showHistory.setId("explore-history-toggle");
        showHistory.setSelected(true);
        Label message = new Label();
        message.getStyleClass().add("explore-message");
        message.setId("explore-message");
        message.textProperty().bind(vm.messageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, range, split, message, gap, showHistory);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("explore-toolbar");

        SplitPane panes = new SplitPane(left);
        panes.getStyleClass().add("explore-panes");
        vm.splitProperty().addListener((o, a, on) -> {
            if (on) {
                panes.getItems().setAll(left, right);
                // after the layout pass that gives the new pane its size, or the half is of the old width
                javafx.application.Platform.runLater(() -> panes.setDividerPositions(0.5));
            } else {
                panes.getItems().setAll(left);
            }
        });

        // two panes need the room: the history steps aside (the toggle brings it back)
        vm.splitProperty().addListener((o, a, on) -> showHistory.setSelected(!on));
        VBox history = historyView();
        history.visibleProperty().bind(showHistory.selectedProperty());
        history.managedProperty().bind(showHistory.selectedProperty());

        BorderPane page = new BorderPane();
        page.setId("explore-page");
        page.getStyleClass().addAll("page", "explore-page");
        page.setTop(toolbar);
        page.setCenter(panes);
        page.setRight(history);
        BorderPane.setMargin(panes, new javafx.geometry.Insets(8, 0, 0, 0));
        return page;
    }

    private VBox historyView() {
        Label heading = new Label("History");
        heading.getStyleClass().add("explore-history-title");
        ListView<HistoryEntry> list = new ListView<>(vm.history());
        list.setId("explore-history");
        list.getStyleClass().add("explore-history-list");
        list.setPlaceholder(new Label("Queries you run are kept here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label expr = new Label(e.expr().replaceAll("\\s+", " "));
                expr.getStyleClass().add("explore-history-expr");
                expr.setMinWidth(0);
                Label meta = new Label(e.source() + " · " + WHEN.format(Instant.ofEpochMilli(e.ranAt()).atZone(vm.zone())));
                meta.getStyleClass().add("explore-history-meta");
                VBox box = new VBox(2, expr, meta);
                box.setMinWidth(0);
                box.prefWidthProperty().bind(list.widthProperty().subtract(30));
                box.maxWidthProperty().bind(box.prefWidthProperty());
                setText(null);
                setGraphic(box);
                setTooltip(new javafx.scene.control.Tooltip(e.expr()));
            }
        });
        list.setOnMouseClicked(ev -> {
            HistoryEntry e = list.getSelectionModel().getSelectedItem();
            if (e == null || ev.getButton() != MouseButton.PRIMARY) {
                return;
            }
            QueryPaneViewModel pane = vm.panes().contains(lastFocused) ? lastFocused : vm.left();
            vm.reuse(e, pane);
            if (ev.getClickCount() == 2) {
                pane.run();
            }
        });
        Label hint = new Label("Click to reuse, double-click to run.");
        hint.getStyleClass().add("explore-history-meta");
        VBox box = new VBox(6, heading, hint, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("explore-history");
        box.setPrefWidth(280);
        return box;
    }

    private void addToDashboard(QueryPaneViewModel pane) {
        String expr = pane.expressionProperty().get().strip();
        if (expr.isEmpty()) {
            vm.messageProperty().set("Nothing to add: type a query first.");
            return;
        }
        vm.dashboards(list -> AddToDashboardDialog.ask(root.getScene().getWindow(), list, expr)
                .ifPresent(c -> vm.addToDashboard(pane, c.target(), c.newTitle(), c.panelTitle(), d -> { })));
    }

    @Override
    public void close() {
        vm.close();
        scope.close();
        sources.close();
    }
}
