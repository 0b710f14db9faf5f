package io.vigia.views.findings;

import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.findings.EvidenceChart;
import io.vigia.dashboards.findings.Finding;
import io.vigia.views.chart.ChartCanvas;
import io.vigia.views.shell.Page;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The Findings page: what the rules found in the chosen span (severity, what, when, the change
 * just before it), the selected finding's evidence as a chart (the series against its usual band)
 * and in words, and a link to its dashboard range.
 * The rules run when the page is first shown and on Run.
 */
public final class FindingsPage implements Page {
    public static final String ID = "findings";

    private final FindingsViewModel vm;
    private final ObservableBooleanValue dark;
    private Node view;

    /** In the light theme. */
    public FindingsPage(FindingsViewModel vm) {
        this(vm, new SimpleBooleanProperty(false));
    }

    /** @param dark whether the evidence chart is drawn in the dark theme */
    public FindingsPage(FindingsViewModel vm, ObservableBooleanValue dark) {
        this.vm = vm;
        this.dark = dark;
    }

    public FindingsViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Findings";
    }

    @Override
    public String description() {
        return "Series that left their usual band, with the deploy or change just before";
    }

    @Override
    public void shown() {
        if (!vm.started()) {
            vm.run();
        }
    }

    @Override
    public void close() {
        vm.cancel();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        Label title = new Label("Findings");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Each watched series against the same time in the 4 weeks before; a deploy, model change "
                + "or guardrail spike just before is named as what came before it, not as its proof.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);

        ComboBox<FindingsViewModel.Span> span = new ComboBox<>();
        span.setId("findings-span");
        span.getItems().setAll(FindingsViewModel.Span.values());
        span.valueProperty().bindBidirectional(vm.spanProperty());
        Button run = new Button("Run");
        run.setId("findings-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("findings-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty().not());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("findings-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox controls = new HBox(8, span, run, cancel, progress, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<Finding> table = new TableView<>(vm.findings());
        table.setId("findings-table");
        table.setPlaceholder(new Label("No finding in this span."));
        table.getColumns().add(column("Severity", f -> f.severity().name(), 90));
        table.getColumns().add(column("Finding", f -> InertText.of(f.title()), 260));
        table.getColumns().add(column("When", vm::when, 240));
        table.getColumns().add(column("After", vm::cause, 360));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> vm.selectedProperty().set(f));

        TextArea evidence = new TextArea();
        evidence.setId("findings-evidence");
        evidence.setEditable(false);
        evidence.setWrapText(true);
        evidence.setPromptText("Select a finding to see its evidence.");
        evidence.textProperty().bind(vm.evidenceProperty());
        VBox.setVgrow(evidence, Priority.ALWAYS);
        Button open = new Button("Open dashboard at this range");
        open.setId("findings-open");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.setOnAction(e -> vm.openSelected());
        VBox detail = new VBox(6, evidenceChart(), evidence, open);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(12, new VBox(title, subtitle), controls, split);
        content.getStyleClass().addAll("page", "findings-page");
        return content;
    }

    /** The selected finding's series against its usual band, above the words; hidden when its evidence is not a series. */
    private ChartCanvas evidenceChart() {
        ChartCanvas chart = new ChartCanvas();
        chart.setId("findings-evidence-chart");
        chart.getStyleClass().add("findings-evidence-chart");
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        chart.setPainter(s -> EvidenceChart.paint(s, vm.selectedProperty().get(), vm.zone(),
                dark.get() ? ChartTheme.dark() : ChartTheme.light()));
        chart.visibleProperty().bind(vm.hasChartProperty());
        chart.managedProperty().bind(vm.hasChartProperty());
        vm.selectedProperty().addListener((o, a, b) -> chart.requestRepaint());
        dark.addListener((o, a, b) -> chart.requestRepaint());
        return chart;
    }

    private static TableColumn<Finding, String> column(String name, Function<Finding, String> f, double width) {
        TableColumn<Finding, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
