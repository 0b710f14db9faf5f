package io.vigia.views.settings;

import io.vigia.views.shell.Page;
import io.vigia.views.theme.ThemeChoice;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Theme and where the workspace lives. */
public final class SettingsPage implements Page {
    private final ObjectProperty<ThemeChoice> theme;
    private final String workspaceFile;
    private final String version;
    private Node view;

    public SettingsPage(ObjectProperty<ThemeChoice> theme, String workspaceFile, String version) {
        this.theme = theme;
        this.workspaceFile = workspaceFile;
        this.version = version;
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
        return "Theme and workspace";
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
            VBox page = new VBox(title, grid);
            page.getStyleClass().add("page");
            view = page;
        }
        return view;
    }
}
