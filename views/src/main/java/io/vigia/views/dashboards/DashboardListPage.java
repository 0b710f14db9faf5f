package io.vigia.views.dashboards;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.dashboards.model.Dashboard;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.views.dashboards.time.RangeKeys;
import io.vigia.views.shell.Page;
import io.vigia.views.shortcuts.KeyHelp;
import io.vigia.views.tasks.TaskScope;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The dashboards of the workspace, with Grafana import. */
public final class DashboardListPage implements Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final DashboardListViewModel vm;
    private final TaskScope scope;
    private final DashboardContext context;
    private final BorderPane root = new BorderPane();
    private Node list;
    private DashboardView openView;
    /** The range the dashboard being opened is to show, instead of its own. */
    private RangeChoice pendingRange;

    public DashboardListPage(DashboardListViewModel vm, TaskScope scope, DashboardContext context) {
        this.vm = vm;
        this.scope = scope;
        this.context = context;
        vm.openProperty().addListener((o, a, d) -> show(d));
    }

    /** Opens a dashboard by uid (e.g. Copilot Health on first start). */
    public void open(String uid) {
        pendingRange = null;
        vm.open(uid);
    }

    /** Opens a dashboard at an absolute range (a finding's or an answer's). */
    public void open(String uid, TimeRange range) {
        var choice = new RangeChoice.Absolute(range);
        if (openView != null && openView.viewModel().dashboard().uid().equals(uid)) {
            openView.viewModel().range().rangeProperty().set(choice); // already open: only the range changes
            return;
        }
        pendingRange = choice;
        vm.open(uid);
    }

    /** The open dashboard's view, for tests and screenshots. */
    public Optional<DashboardView> openDashboard() {
        return Optional.ofNullable(openView);
    }

    private void show(Dashboard d) {
        if (openView != null) {
            openView.viewModel().close();
            openView = null;
        }
        if (d == null) {
            root.setCenter(list);
            vm.refresh();
            return;
        }
        // the view is built after the saver is set: its Edit button shows only for an editable dashboard
        DashboardViewModel dvm = new DashboardViewModel(d, context.sources(), context.cachedSources(), context.minInterval(), scope,
                context.clock(), context.zone());
        dvm.annotations().setStore(context.annotations());
        dvm.setLogSources(context.logSources());
        dvm.setRecentRanges(context.recentRanges());
        dvm.setBindings(context.bindings());
        dvm.editing().setSaver(vm::save);
        if (pendingRange != null) {
            dvm.range().rangeProperty().set(pendingRange);
            pendingRange = null;
        }
        openView = new DashboardView(dvm, context.dark(), context.demoActive(), () -> vm.openProperty().set(null),
                context.removeDemo());
        root.setCenter(openView);
        dvm.refresh();
        dvm.loadVariableOptions();
    }

    @Override
    public String id() {
        return "dashboards";
    }

    @Override
    public String title() {
        return "Dashboards";
    }

    @Override
    public String description() {
        return "Dashboards of this workspace";
    }

    /** The keys an open dashboard handles: the time range, and undo while editing. */
    @Override
    public List<KeyHelp> keyHelp() {
        List<KeyHelp> keys = new ArrayList<>(RangeKeys.HELP);
        keys.add(new KeyHelp("Ctrl+Z   /   Ctrl+Shift+Z", "Undo / redo an edit (in Edit mode)"));
        keys.add(new KeyHelp("Drag across a chart", "Zoom in; double-click to go back"));
        keys.add(new KeyHelp("Shift+drag   or   Shift+← → ↑ ↓", "Select a region of a time series chart (then its menu: What changed here)"));
        keys.add(new KeyHelp("Shift+F10   or   right click", "A time series panel's menu: the usual band, What changed here"));
        return keys;
    }

    @Override
    public Node view() {
        if (list == null) {
            Label title = new Label("Dashboards");
            title.getStyleClass().add("page-title");
            Button importButton = new Button("Import Grafana JSON…");
            importButton.setId("import-dashboard");
            importButton.setOnAction(e -> vm.chooseAndImport());
            HBox bar = new HBox(12, title, importButton);
            TableView<StoredDashboard> table = new TableView<>(vm.dashboards());
            table.setId("dashboard-table");
            TableColumn<StoredDashboard, String> name = new TableColumn<>("Title");
            name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().title()));
            name.setPrefWidth(420);
            TableColumn<StoredDashboard, String> uid = new TableColumn<>("UID");
            uid.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().uid()));
            uid.setPrefWidth(260);
            TableColumn<StoredDashboard, String> updated = new TableColumn<>("Updated");
            updated.setCellValueFactory(c -> new SimpleStringProperty(DashboardListViewModel.isBuiltIn(c.getValue())
                    ? "built-in" : WHEN.format(Instant.ofEpochMilli(c.getValue().updatedAt()))));
            updated.setPrefWidth(180);
            table.getColumns().setAll(name, uid, updated);
            Label message = new Label();
            message.textProperty().bind(vm.messageProperty());
            message.getStyleClass().add("page-subtitle");
            table.setPlaceholder(new Label("No dashboards in this workspace yet."));
            table.setRowFactory(tv -> {
                TableRow<StoredDashboard> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty()) {
                        vm.open(row.getItem().uid());
                    }
                });
                return row;
            });
            table.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                    vm.open(table.getSelectionModel().getSelectedItem().uid());
                }
            });
            Button openButton = new Button("Open");
            openButton.setId("open-dashboard");
            openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            openButton.setOnAction(e -> vm.open(table.getSelectionModel().getSelectedItem().uid()));
            bar.getChildren().add(openButton);
            VBox page = new VBox(bar, message, table);
            VBox.setVgrow(table, Priority.ALWAYS);
            page.getStyleClass().add("page");
            list = page;
            if (root.getCenter() == null) {
                root.setCenter(list);
            }
        }
        return root;
    }

    @Override
    public void shown() {
        if (openView != null) {
            openView.viewModel().refresh();
        } else {
            vm.refresh();
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
