package io.vigia.views.dashboards.time;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeSyntaxException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time picker's two parts: in the toolbar, the current range between the arrows that shift
 * it and the zoom out; below the toolbar when opened, Grafana's picker: From and To (typed, or
 * picked as date and time) with the error under each, recently used ranges, the quick ranges
 * with their search, and the time zone.
 */
public final class RangePickerView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final RangePickerViewModel vm;
    private final HBox toolbar;
    private final VBox panel;

    public RangePickerView(RangePickerViewModel vm) {
        this.vm = vm;
        this.toolbar = toolbar();
        this.panel = panel();
        panel.visibleProperty().bind(vm.openProperty());
        panel.managedProperty().bind(vm.openProperty());
    }

    /** The arrows, the range button and the zoom out, for the dashboard's toolbar. */
    public Node toolbarNode() {
        return toolbar;
    }

    /** The opened picker, shown under the toolbar while open. */
    public Node panelNode() {
        return panel;
    }

    private HBox toolbar() {
        Button back = small("◀", "range-shift-back", "Move the range back by its length (t ←, Ctrl+←)");
        back.setOnAction(e -> vm.shiftBack());
        Button forward = small("▶", "range-shift-forward", "Move the range forward by its length, up to now (t →, Ctrl+→)");
        forward.setOnAction(e -> vm.shiftForward());
        Button zoomOut = small("Zoom out", "range-zoom-out", "Twice the range around its middle (t z)");
        zoomOut.setOnAction(e -> vm.zoomOut());
        Button range = new Button();
        range.setId("time-range");
        range.getStyleClass().add("time-range-button");
        range.textProperty().bind(vm.labelProperty()); // no clock emoji: the fonts a Linux desktop has may lack it (drawn as a box)
        range.setMinWidth(Region.USE_PREF_SIZE);
        range.setTooltip(new Tooltip("Time range: type one (now-30d, 2025-04-01 to 2025-04-30), pick dates, or choose a quick range. "
                + "Drag across a chart to zoom, double-click to go back; Ctrl+click a chart to annotate."));
        range.setOnAction(e -> vm.toggle());
        HBox box = new HBox(2, back, range, forward, zoomOut);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("time-range-controls");
        return box;
    }

    private VBox panel() {
        Label title = new Label("Absolute time range");
        title.getStyleClass().add("time-picker-title");
        VBox form = new VBox(4, title,
                bound("From", "range-from", vm.from(), true),
                bound("To", "range-to", vm.to(), false));
        Label order = errorLabel("range-order-error");
        order.textProperty().bind(vm.orderErrorProperty());
        Button apply = new Button("Apply time range");
        apply.setId("range-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> apply());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.openProperty().set(false));
        Label hint = new Label("now-7d · now/w · now-1M/M · 2025-04-01 · 2025-04-01 08:00 · 2025-04-01 to 2025-04-30");
        hint.getStyleClass().add("time-picker-hint");
        form.getChildren().addAll(order, new HBox(6, apply, cancel), hint);

        Label recentTitle = new Label("Recently used");
        recentTitle.getStyleClass().add("time-picker-title");
        ListView<RangeChoice> recent = choices(vm.recentRanges(), "range-recent");
        recent.setPrefHeight(130);
        recent.setPlaceholder(new Label("Ranges you apply here are listed for this workspace."));
        form.getChildren().addAll(recentTitle, recent);

        TextField search = new TextField();
        search.setId("range-quick-filter");
        search.setPromptText("Search quick ranges");
        search.textProperty().bindBidirectional(vm.filterProperty());
        ListView<RangeChoice> quick = choices(vm.quickRanges(), "range-quick");
        quick.setPrefHeight(330);
        VBox quickBox = new VBox(4, search, quick);
        quickBox.setPrefWidth(240);
        VBox.setVgrow(quick, Priority.ALWAYS);

        HBox columns = new HBox(16, form, quickBox);
        HBox.setHgrow(form, Priority.ALWAYS);
        Label zone = new Label("Time zone: " + vm.zoneText());
        zone.setId("range-zone");
        zone.getStyleClass().add("time-picker-hint");
        VBox box = new VBox(8, columns, zone);
        box.setId("time-picker");
        box.getStyleClass().add("time-picker");
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.openProperty().set(false);
                e.consume();
            }
        });
        vm.openProperty().addListener((o, a, open) -> {
            if (open) {
                search.clear();
            }
        });
        return box;
    }

    /** One end: the typed text with its error under it, and a date and time to pick instead. */
    private VBox bound(String name, String id, BoundText bound, boolean start) {
        Label label = new Label(name);
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(22);
        text.textProperty().bindBidirectional(bound.textProperty());
        text.setOnAction(e -> apply());
        DatePicker date = new DatePicker();
        date.setId(id + "-date");
        date.setPrefWidth(130);
        date.setPromptText("Pick a date");
        TextField time = new TextField(start ? "00:00:00" : "23:59:59");
        time.setId(id + "-time");
        time.setPrefColumnCount(6);
        time.setTooltip(new Tooltip("Time of day for the picked date (HH:mm:ss)"));
        Runnable write = () -> {
            LocalDate d = date.getValue();
            LocalTime t = parseTime(time.getText());
            if (d != null && t != null) {
                vm.pick(start, d, t);
            }
        };
        date.valueProperty().addListener((o, a, b) -> write.run());
        time.textProperty().addListener((o, a, b) -> {
            if (date.getValue() != null) {
                write.run();
            }
        });
        vm.openProperty().addListener((o, a, open) -> {
            if (open) {
                date.setValue(null);
                time.setText(TIME.format(start ? vm.shownStart() : vm.shownEnd()));
            }
        });
        Label error = errorLabel(id + "-error");
        error.textProperty().bind(bound.messageProperty());
        HBox row = new HBox(6, text, date, time);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        return new VBox(2, label, row, error);
    }

    private void apply() {
        if (!vm.apply()) {
            pointAtError("range-from", vm.from());
            pointAtError("range-to", vm.to());
        }
    }

    /** Selects the character where the text stops being a time. */
    private void pointAtError(String id, BoundText bound) {
        TimeSyntaxException e = bound.errorProperty().get();
        if (e != null && panel.lookup("#" + id) instanceof TextField f) {
            int at = Math.min(e.position(), f.getLength());
            f.requestFocus();
            f.selectRange(at, Math.min(f.getLength(), at + 1));
        }
    }

    private ListView<RangeChoice> choices(javafx.collections.ObservableList<RangeChoice> items, String id) {
        ListView<RangeChoice> list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RangeChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : vm.describe(c));
            }
        });
        list.setOnMouseClicked(e -> {
            RangeChoice c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                list.getSelectionModel().clearSelection();
                vm.choose(c);
            }
        });
        list.setOnKeyPressed(e -> {
            RangeChoice c = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && c != null) {
                vm.choose(c);
            }
        });
        return list;
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("time-picker-error");
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private static Button small(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static LocalTime parseTime(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return LocalTime.parse(t.length() == 5 ? t + ":00" : t, TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
