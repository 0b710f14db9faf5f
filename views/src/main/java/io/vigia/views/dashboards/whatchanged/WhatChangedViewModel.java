package io.vigia.views.dashboards.whatchanged;

import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.findings.PanelWhatChanged;
import io.vigia.dashboards.findings.WhatChanged;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "What changed here" for a region of one panel, free of controls: the comparison runs in the
 * background (cancelled by a newer one or by closing); its rows come back ranked, as text ready
 * for the table (label and value made inert), or its failure as one clear message.
 */
public final class WhatChangedViewModel {

    /** Runs the panel's comparison over a region, blocking (off the UI thread). */
    @FunctionalInterface
    public interface Comparison {
        PanelWhatChanged.Answer compare(TimeRange region) throws Exception;
    }

    /** One row as the table shows it. */
    public record Row(String label, String value, String baselineShare, String regionShare, String change, String qValue,
                      boolean significant) {
        static Row of(WhatChanged.Row r) {
            return new Row(InertText.of(r.label()), r.value().isEmpty() ? "(none)" : InertText.of(r.value()),
                    share(r.baselineShare()), share(r.regionShare()), String.format(Locale.ROOT, "%+.1f pp", r.changePoints()),
                    q(r.qValue()), r.significant());
        }
    }

    private final String panelTitle;
    private final Comparison comparison;
    private final TaskScope tasks;
    private final DateTimeFormatter when;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private TaskHandle running;

    public WhatChangedViewModel(String panelTitle, Comparison comparison, TaskScope tasks, ZoneId zone) {
        this.panelTitle = InertText.of(panelTitle);
        this.comparison = comparison;
        this.tasks = tasks;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(zone);
    }

    /** Compares the region with the time before it, in the background; the rows of an earlier run are cleared. */
    public void run(TimeRange region) {
        cancel();
        rows.clear();
        error.set("");
        busy.set(true);
        title.set("What changed in " + panelTitle + ", " + when.format(region.from()) + " – " + when.format(region.to()));
        status.set("Comparing each label's share in the region with the time before it…");
        running = tasks.submit(BackgroundTask.of("What changed: " + panelTitle, p -> comparison.compare(region))
                .onSuccess(a -> {
                    busy.set(false);
                    a.rows().stream().map(Row::of).forEach(rows::add);
                    status.set(summary(a));
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set("");
                    error.set(InertText.of(e.getMessage() == null ? e.toString() : e.getMessage()));
                })
                .onCancelled(() -> {
                    busy.set(false);
                    status.set("Cancelled.");
                }));
    }

    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    private String summary(PanelWhatChanged.Answer a) {
        long n = a.significant();
        return (n == 0 ? "No label value changed its share significantly" : n + (n == 1 ? " label value" : " label values")
                + " changed share significantly (q < " + WhatChanged.ALPHA + ")") + ", of " + a.rows().size() + ". "
                + a.reading().label() + " of "
                + InertText.of(a.selector()) + (a.firstOfSeveral() ? " (the query's first series)" : "") + " per "
                + a.step().toSeconds() + " s, against " + when.format(a.baseline().from()) + " – " + when.format(a.baseline().to())
                + ".";
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What was compared, or that it is running. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why nothing could be compared (empty when it could). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    static String share(double s) {
        return Double.isFinite(s) ? String.format(Locale.ROOT, "%.1f%%", 100 * s) : "–";
    }

    static String q(double q) {
        return !Double.isFinite(q) ? "–" : q < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", q);
    }
}
