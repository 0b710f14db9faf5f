package io.vigia.views.settings;

import io.vigia.views.shell.Page;
import io.vigia.views.theme.ThemeChoice;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Theme, where the workspace lives, and the OTLP receiver toggle. */
public final class SettingsPage implements Page {
    private final ObjectProperty<ThemeChoice> theme;
    private final String workspaceFile;
    private final String version;
    private final OtlpReceiverViewModel otlp;
    private Node view;

    public SettingsPage(ObjectProperty<ThemeChoice> theme, String workspaceFile, String version, OtlpReceiverViewModel otlp) {
        this.theme = theme;
        this.workspaceFile = workspaceFile;
        this.version = version;
        this.otlp = otlp;
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public String description() {
        return "Theme, workspace and assistant telemetry";
    }

    @Override
    public Node view() {
        if (view == null) {
            Label title = new Label("Settings");
            title.getStyleClass().add("page-title");
            ComboBox<ThemeChoice> themeBox = new ComboBox<>();
            themeBox.setId("theme-choice");
            themeBox.getItems().setAll(ThemeChoice.values());
            themeBox.valueProperty().bindBidirectional(theme);
            Label workspace = new Label(workspaceFile);
            workspace.setId("workspace-file");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("settings-grid");
            grid.addRow(0, new Label("Theme"), themeBox);
            grid.addRow(1, new Label("Workspace file"), workspace);
            grid.addRow(2, new Label("Version"), new Label(version));
            grid.addRow(3, new Label("Assistant telemetry"), OtlpReceiverView.create(otlp));
            VBox page = new VBox(title, grid);
            page.getStyleClass().add("page");
            view = page;
        }
        return view;
    }
}
