package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Note;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A dashboard's sections as Grafana shows them: a row is a header that expands and collapses its
 * panels, a group of tabs a tab pane showing one at a time; sections nest. A section's notes (what
 * the source had that Vigia does not do) show as a marker whose tooltip lists them.
 */
final class SectionsView {
    private final Function<Panel, PanelView> panelView;
    private final List<PanelGrid> grids = new ArrayList<>();

    /** @param panelView makes (and registers) the view of one panel */
    SectionsView(Function<Panel, PanelView> panelView) {
        this.panelView = panelView;
    }

    /** Every grid made, the dashboard's own first. */
    List<PanelGrid> grids() {
        return grids;
    }

    PanelGrid grid(List<Panel> panels) {
        PanelGrid grid = new PanelGrid();
        panels.forEach(p -> grid.add(panelView.apply(p)));
        grids.add(grid);
        return grid;
    }

    /** The nodes of a list of sections: one per row, one tab pane per group of consecutive tabs. */
    List<Node> nodes(List<SectionState> states) {
        List<Node> out = new ArrayList<>();
        TabPane tabs = null;
        for (SectionState st : states) {
            if (st.section().kind() == Section.Kind.TAB) {
                if (tabs == null) {
                    tabs = new TabPane();
                    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
                    tabs.getStyleClass().add("dashboard-tabs");
                    out.add(tabs);
                }
                tabs.getTabs().add(tab(st, tabs));
            } else {
                tabs = null;
                out.add(row(st));
            }
        }
        return out;
    }

    private Tab tab(SectionState st, TabPane pane) {
        Tab tab = new Tab(st.section().title().isBlank() ? "Tab" : st.section().title(), body(st));
        tab.setId("section-" + st.section().title());
        if (!st.section().notes().isEmpty()) {
            Label marker = notesMarker(st.section().notes());
            tab.setGraphic(marker);
        }
        if (st.openProperty().get()) {
            pane.getSelectionModel().select(tab);
        }
        tab.selectedProperty().addListener((o, was, now) -> st.openProperty().set(now));
        return tab;
    }

    private Node row(SectionState st) {
        ToggleButton header = new ToggleButton(st.section().title().isBlank() ? "Row" : st.section().title());
        header.setId("section-" + st.section().title());
        header.getStyleClass().add("section-header");
        header.setSelected(st.openProperty().get());
        header.setText((header.isSelected() ? "▾ " : "▸ ") + header.getText());
        String title = header.getText().substring(2);
        header.selectedProperty().addListener((o, was, now) -> {
            header.setText((now ? "▾ " : "▸ ") + title);
            st.openProperty().set(now);
        });
        HBox line = new HBox(8, header);
        line.getStyleClass().add("section-row");
        if (!st.section().notes().isEmpty()) {
            line.getChildren().add(notesMarker(st.section().notes()));
        }
        Node body = body(st);
        body.visibleProperty().bind(st.openProperty());
        body.managedProperty().bind(st.openProperty());
        VBox box = new VBox(line, body);
        box.getStyleClass().add("dashboard-section");
        return box;
    }

    private Node body(SectionState st) {
        VBox body = new VBox(grid(st.section().panels()));
        body.getChildren().addAll(nodes(st.children()));
        return body;
    }

    /** "ⓘ n notes", with each note in the tooltip. */
    static Label notesMarker(List<Note> notes) {
        Label marker = new Label("ⓘ " + notes.size() + (notes.size() == 1 ? " note" : " notes"));
        marker.getStyleClass().add("section-notes");
        StringBuilder text = new StringBuilder("Not carried over into Vigia:");
        notes.forEach(n -> text.append("\n• ").append(n.text()));
        marker.setTooltip(new Tooltip(text.toString()));
        marker.setAccessibleText(text.toString());
        return marker;
    }
}
