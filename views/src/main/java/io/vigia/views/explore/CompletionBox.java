package io.vigia.views.explore;

import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The completion list shown under the caret: candidates with their kind, and the selected one's
 * signature and description below. A node in the page's own scene (not a popup window), so that the
 * theme applies and focus stays in the editor.
 */
final class CompletionBox extends VBox {
    private final ListView<Completion> list = new ListView<>();
    private final Label signature = new Label();
    private final Label doc = new Label();

    CompletionBox(ObservableList<Completion> items, String paneId) {
        getStyleClass().add("completion-box");
        setId("explore-completions-" + paneId);
        list.setItems(items);
        list.getStyleClass().add("completion-list");
        list.setFocusTraversable(false);
        list.setPrefHeight(220);
        list.setFixedCellSize(26);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Completion c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                // label values come from the source: shown inert (control and bidi characters escaped)
                Label name = new Label(io.vigia.dashboards.chart.InertText.of(c.label()));
                name.getStyleClass().add("completion-name");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Label kind = new Label(c.kind());
                kind.getStyleClass().addAll("completion-kind", "completion-kind-" + c.kind());
                name.setMinWidth(0);
                kind.setMinWidth(USE_PREF_SIZE);
                HBox row = new HBox(6, name, gap, kind);
                row.setMinWidth(0);
                row.prefWidthProperty().bind(list.widthProperty().subtract(28));
                row.maxWidthProperty().bind(row.prefWidthProperty());
                setText(null);
                setGraphic(row);
            }
        });
        signature.getStyleClass().add("completion-signature");
        doc.getStyleClass().add("completion-doc");
        doc.setWrapText(true);
        signature.setWrapText(true);
        getChildren().addAll(list, signature, doc);
        setPrefWidth(480);
        setMaxHeight(USE_PREF_SIZE);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> showDoc(c));
        items.addListener((javafx.collections.ListChangeListener<Completion>) ch -> {
            list.setPrefHeight(Math.min(8, Math.max(1, items.size())) * list.getFixedCellSize() + 4);
            if (!items.isEmpty()) {
                list.getSelectionModel().selectFirst();
                list.scrollTo(0);
            }
            showDoc(list.getSelectionModel().getSelectedItem());
        });
    }

    private void showDoc(Completion c) {
        boolean has = c != null && !c.description().isEmpty();
        signature.setText(has ? c.signature() : "");
        doc.setText(has ? c.description() : "");
        signature.setVisible(has);
        signature.setManaged(has);
        doc.setVisible(has);
        doc.setManaged(has);
    }

    ListView<Completion> list() {
        return list;
    }

    Completion selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    void move(int delta) {
        int n = list.getItems().size();
        if (n == 0) {
            return;
        }
        int i = Math.floorMod(list.getSelectionModel().getSelectedIndex() + delta, n);
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 3));
    }
}
