package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Variable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * One dashboard variable as the toolbar shows it: the values it offers (loaded from the source)
 * and those selected ({@link Variable#ALL} for "All"). Changed on the UI thread only.
 */
public final class VariableState {
    private final Variable variable;
    private final ObservableList<String> options = FXCollections.observableArrayList();
    private final ObservableList<String> selected = FXCollections.observableArrayList();

    VariableState(Variable variable) {
        this.variable = variable;
        selected.setAll(variable.current());
    }

    public Variable variable() {
        return variable;
    }

    public String label() {
        return variable.label().isBlank() ? variable.name() : variable.label();
    }

    public ObservableList<String> options() {
        return options;
    }

    public ObservableList<String> selected() {
        return selected;
    }

    /** New options; a selection no longer offered falls back to All (when allowed) or the first option. */
    void offer(List<String> values) {
        options.setAll(values);
        boolean valid = !selected.isEmpty() && selected.stream().allMatch(s -> s.equals(Variable.ALL) || values.contains(s));
        if (!valid && !(variable instanceof Variable.TextVariable)) {
            if (variable.includeAll()) {
                selected.setAll(Variable.ALL);
            } else if (!values.isEmpty()) {
                selected.setAll(values.getFirst());
            }
        }
    }
}
