package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Variable;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolbar control of one variable, as in Grafana: a drop-down for one value, a menu of check
 * boxes for several ("All" first when the variable allows it), a text field for a text box.
 */
final class VariableControl {
    private static final String ALL_LABEL = "All";

    private VariableControl() {
    }

    static Node of(VariableState st) {
        Label label = new Label(st.label());
        label.getStyleClass().add("variable-label");
        Node control = switch (st.variable()) {
            case Variable.TextVariable t -> text(st);
            default -> st.variable().multi() ? multi(st) : single(st);
        };
        control.setId("variable-" + st.variable().name());
        HBox box = new HBox(6, label, control);
        box.getStyleClass().add("dashboard-variable");
        return box;
    }

    private static Node text(VariableState st) {
        TextField f = new TextField(st.selected().isEmpty() ? "" : st.selected().getFirst());
        f.setPrefColumnCount(12);
        f.setOnAction(e -> st.selected().setAll(f.getText()));
        return f;
    }

    private static Node single(VariableState st) {
        ComboBox<String> box = new ComboBox<>();
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            if (st.variable().includeAll()) {
                items.add(ALL_LABEL);
            }
            items.addAll(st.options());
            box.getItems().setAll(items);
            box.setValue(shown(st));
        };
        fill.run();
        st.options().addListener((ListChangeListener<String>) c -> fill.run());
        st.selected().addListener((ListChangeListener<String>) c -> box.setValue(shown(st)));
        box.setOnAction(e -> {
            String v = box.getValue();
            if (v != null && !v.equals(shown(st))) {
                st.selected().setAll(v.equals(ALL_LABEL) ? Variable.ALL : v);
            }
        });
        return box;
    }

    private static Node multi(VariableState st) {
        MenuButton menu = new MenuButton();
        Runnable fill = () -> {
            menu.getItems().clear();
            List<String> items = new ArrayList<>();
            if (st.variable().includeAll()) {
                items.add(ALL_LABEL);
            }
            items.addAll(st.options());
            for (String item : items) {
                CheckMenuItem check = new CheckMenuItem(item);
                check.setSelected(item.equals(ALL_LABEL) ? st.selected().contains(Variable.ALL) : st.selected().contains(item));
                check.setOnAction(e -> toggle(st, item, check.isSelected()));
                menu.getItems().add(check);
            }
            menu.setText(shown(st));
        };
        fill.run();
        st.options().addListener((ListChangeListener<String>) c -> fill.run());
        st.selected().addListener((ListChangeListener<String>) c -> fill.run());
        return menu;
    }

    private static void toggle(VariableState st, String item, boolean on) {
        if (item.equals(ALL_LABEL)) {
            if (on) {
                st.selected().setAll(Variable.ALL);
            }
            return;
        }
        List<String> now = new ArrayList<>(st.selected());
        now.remove(Variable.ALL);
        if (on) {
            now.add(item);
        } else {
            now.remove(item);
        }
        if (now.isEmpty()) {
            now.add(st.variable().includeAll() ? Variable.ALL : item);
        }
        st.selected().setAll(now);
    }

    /** What the control shows for the selection. */
    static String shown(VariableState st) {
        if (st.selected().isEmpty()) {
            return "";
        }
        if (st.selected().contains(Variable.ALL)) {
            return ALL_LABEL;
        }
        return String.join(" + ", st.selected());
    }
}
