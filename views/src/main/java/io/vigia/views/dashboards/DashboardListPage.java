package io.vigia.views.dashboards;

import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.views.shell.Page;
import io.vigia.views.tasks.TaskScope;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The dashboards of the workspace, with Grafana import. */
public final class DashboardListPage implements Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final DashboardListViewModel vm;
    private final TaskScope scope;
    private Node view;

    public DashboardListPage(DashboardListViewModel vm, TaskScope scope) {
        this.vm = vm;
        this.scope = scope;
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

    @Override
    public Node view() {
        if (view == null) {
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
            updated.setCellValueFactory(c -> new SimpleStringProperty(WHEN.format(Instant.ofEpochMilli(c.getValue().updatedAt()))));
            updated.setPrefWidth(180);
            table.getColumns().setAll(name, uid, updated);
            Label message = new Label();
            message.textProperty().bind(vm.messageProperty());
            message.getStyleClass().add("page-subtitle");
            table.setPlaceholder(new Label("No dashboards in this workspace yet."));
            VBox page = new VBox(bar, message, table);
            VBox.setVgrow(table, Priority.ALWAYS);
            page.getStyleClass().add("page");
            view = page;
        }
        return view;
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    @Override
    public void close() {
        scope.close();
    }
}
