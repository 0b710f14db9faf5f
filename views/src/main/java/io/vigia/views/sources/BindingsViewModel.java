package io.vigia.views.sources;

import io.vigia.datasources.bindings.Binding;
import io.vigia.datasources.bindings.BindingOrigin;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * "What Vigia found" for one data source: for each input of the built-in dashboards, the binding in
 * use and where it came from, every candidate with its score, and what is missing with what was
 * found nearest. The user can pick another candidate (an override, kept across probes), clear
 * the override, or probe again. Reads and writes run in the background.
 */
public final class BindingsViewModel {

    /** What the view needs from the workspace; blocking, called off the UI thread. */
    public interface Access {
        /** The kept bindings (probing a source never probed). */
        SourceBindings current(String source);

        /** Probes the source again and keeps the result; overrides stay. */
        SourceBindings probe(String source);

        void override(String source, Binding binding);

        void clearOverride(String source, SemanticInput input);
    }

    /** One candidate as listed: its description, convention, score explained, whether it had data, and whether it is in use. */
    public record CandidateRow(Binding binding, String describe, String convention, String score, boolean hasData, boolean inUse) {
    }

    /** One input as listed. */
    public record InputRow(SemanticInput input, String need, String chosen, BindingOrigin origin, String convention, String missing,
                           List<String> notes, List<CandidateRow> candidates) {
        public InputRow {
            notes = List.copyOf(notes);
            candidates = List.copyOf(candidates);
        }

        public boolean overridden() {
            return origin == BindingOrigin.OVERRIDE;
        }

        /** "bound by probe (prometheus-self)", "set by you", "missing". */
        public String originText() {
            return switch (origin) {
                case PROBE -> "found" + (convention == null ? "" : " (" + convention + ")");
                case OVERRIDE -> "set by you";
                case NONE -> "missing";
            };
        }
    }

    private final Access access;
    private final TaskScope tasks;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ObservableList<InputRow> inputs = FXCollections.observableArrayList();
    private final ObjectProperty<InputRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper probedAt = new ReadOnlyStringWrapper("");

    public BindingsViewModel(Access access, TaskScope tasks) {
        this.access = access;
        this.tasks = tasks;
    }

    /** Shows what is kept for {@code name} (probing it if it never was). */
    public void load(String name) {
        source.set(name);
        run("Reading what Vigia found in " + name, () -> access.current(name));
    }

    /** Probes the source again; the user's choices stay. */
    public void reprobe() {
        String name = source.get();
        if (!name.isEmpty()) {
            run("Probing " + name, () -> access.probe(name));
        }
    }

    /** Uses {@code c} for its input from now on (kept across probes). */
    public void choose(CandidateRow c) {
        String name = source.get();
        run("Using " + c.describe(), () -> {
            access.override(name, c.binding());
            return access.current(name);
        });
    }

    /** Goes back to what probing finds for the selected input. */
    public void clearOverride() {
        InputRow row = selected.get();
        String name = source.get();
        if (row == null || !row.overridden()) {
            return;
        }
        run("Clearing your choice for " + row.input(), () -> {
            access.clearOverride(name, row.input());
            return access.current(name);
        });
    }

    private void run(String title, java.util.concurrent.Callable<SourceBindings> work) {
        status.set(title + "…");
        tasks.submit(BackgroundTask.of(title, p -> work.call())
                .onSuccess(b -> {
                    show(b);
                    status.set("");
                })
                .onFailure(e -> status.set(title + " failed: " + e.getMessage())));
    }

    void show(SourceBindings b) {
        SemanticInput keep = selected.get() == null ? null : selected.get().input();
        List<InputRow> rows = new ArrayList<>();
        for (SemanticInput i : SemanticInput.values()) {
            rows.add(row(b.input(i)));
        }
        inputs.setAll(rows);
        probedAt.set(b.probedAt() == null ? "never probed" : "probed " + b.probedAt());
        selected.set(rows.stream().filter(r -> r.input() == keep).findFirst().orElse(rows.getFirst()));
    }

    private static InputRow row(BoundInput in) {
        List<CandidateRow> cs = new ArrayList<>();
        for (Candidate c : in.candidates()) {
            cs.add(new CandidateRow(c.binding(), c.binding().describe(), c.conventionTitle() == null ? c.conventionId() : c.conventionTitle(),
                    c.score().explain(), c.hasData(), c.binding().equals(in.chosen())));
        }
        return new InputRow(in.input(), in.input().need(), in.chosen() == null ? "" : in.chosen().describe(), in.origin(),
                in.conventionId(), in.missing() == null ? "" : in.missing(), in.notes(), cs);
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ObservableList<InputRow> inputs() {
        return inputs;
    }

    public ObjectProperty<InputRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty probedAtProperty() {
        return probedAt.getReadOnlyProperty();
    }
}
