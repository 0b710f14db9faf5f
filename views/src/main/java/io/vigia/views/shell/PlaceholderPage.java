package io.vigia.views.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A navigation entry whose page is not built yet: it says so plainly and what to use meanwhile. */
public final class PlaceholderPage implements Page {
    private final String id;
    private final String title;
    private final String description;
    private final String notYet;
    private Node view;

    public PlaceholderPage(String id, String title, String description, String notYet) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.notYet = notYet;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Node view() {
        if (view == null) {
            Label t = new Label(title);
            t.getStyleClass().add("page-title");
            Label d = new Label(description);
            d.getStyleClass().add("page-subtitle");
            Label empty = new Label(notYet);
            empty.getStyleClass().add("empty-state");
            empty.setId("placeholder-" + id);
            VBox page = new VBox(t, d, empty);
            page.getStyleClass().add("page");
            view = page;
        }
        return view;
    }
}
