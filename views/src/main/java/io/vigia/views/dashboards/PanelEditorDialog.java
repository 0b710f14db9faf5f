package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;

/** A panel's title, PromQL query, legend format and unit: the editor behind a panel's "Edit…". */
final class PanelEditorDialog {
    static final List<String> UNITS = List.of("", "short", "percentunit", "percent", "s", "ms", "bytes", "reqps", "ops");

    private PanelEditorDialog() {
    }

    static void edit(Node owner, DashboardViewModel vm, Panel p) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Edit panel");
        d.setHeaderText(p.title().isBlank() ? "Panel " + p.id() : p.title());
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        TextField title = new TextField(p.title());
        title.setId("panel-title-field");
        TextArea expr = new TextArea(p.queries().isEmpty() ? "" : p.queries().getFirst().expr());
        expr.setId("panel-query-field");
        expr.setPrefRowCount(4);
        expr.setPromptText("PromQL, e.g. sum by (service) (rate(http_server_request_duration_seconds_count[$__rate_interval]))");
        TextField legend = new TextField(p.queries().isEmpty() ? "" : p.queries().getFirst().legendFormat());
        legend.setPromptText("e.g. {{service}}");
        ComboBox<String> unit = new ComboBox<>();
        unit.getItems().setAll(UNITS);
        unit.setEditable(true);
        unit.setValue(p.fieldConfig().unit());
        GridPane g = new GridPane();
        g.getStyleClass().add("settings-grid");
        g.addRow(0, new Label("Title"), title);
        g.addRow(1, new Label("Query"), expr);
        g.addRow(2, new Label("Legend"), legend);
        g.addRow(3, new Label("Unit"), unit);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.updatePanel(p.id(), title.getText(), expr.getText(),
                legend.getText(), unit.getValue() == null ? "" : unit.getValue()));
    }
}
