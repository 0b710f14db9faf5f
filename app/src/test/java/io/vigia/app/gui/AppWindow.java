package io.vigia.app.gui;

import io.vigia.dashboards.demo.DemoLoad;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import javafx.scene.Node;
import javafx.stage.Stage;

import java.util.Map;
import java.util.Set;

/** The app's main window over a workspace, composed as the launcher composes it, for UI tests. */
final class AppWindow implements AutoCloseable {
    final Stage stage;
    final GuiComposition gui;

    private AppWindow(Stage stage, GuiComposition gui) {
        this.stage = stage;
        this.gui = gui;
    }

    /** Shows the window at the given size; {@code load} is the demo load in progress, or null. */
    static AppWindow show(Workspace workspace, SqliteSeriesStore store, Map<String, String> settings, DemoLoad load,
                          double width, double height) throws Exception {
        return FxThread.call(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            GuiComposition gui = GuiComposition.create(workspace, store, settings, load, stage);
            stage.show();
            return new AppWindow(stage, gui);
        });
    }

    /** The first node of the window matching the CSS selector, or null; on the FX thread. */
    Node lookup(String selector) {
        return stage.getScene().getRoot().lookup(selector);
    }

    Set<Node> lookupAll(String selector) {
        return stage.getScene().getRoot().lookupAll(selector);
    }

    @Override
    public void close() throws Exception {
        FxThread.run(() -> {
            gui.close();
            stage.close();
        });
    }
}
