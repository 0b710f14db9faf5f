package io.vigia.views.dashboards.deploys;

import io.vigia.dashboards.chart.DrawingSurface;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.model.Thresholds;
import io.vigia.views.chart.LogScroll;
import java.util.Arrays;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.query.PanelData;
import io.vigia.views.chart.ChartCanvas;
import io.vigia.views.controls.ChoiceText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The deploy comparison: deploy and window pickers, the table of measures (before, after, change,
 * change %, p-value, significant), and the chosen measure's two windows overlaid with the after
 * window's clock on the axis and the before window shifted onto it.
 */
public final class DeployImpactView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);
    private final DeployImpactViewModel vm;
    private final ZoneId zone;
    private final ChartCanvas chart = new ChartCanvas();
    private final ComboBox<DeployImpact.Measure> shown = new ComboBox<>();

    public DeployImpactView(DeployImpactViewModel vm, ZoneId zone, ObservableBooleanValue dark, Runnable onClose) {
        this.vm = vm;
        this.zone = zone;
        getStyleClass().add("deploy-impact");
        setId("deploy-impact");

        Label title = new Label("Deploy impact");
        title.getStyleClass().add("page-title");
        ComboBox<Deploy> deploy = new ComboBox<>(vm.deploys());
        deploy.setId("deploy-choice");
        deploy.setConverter(ChoiceText.of(d -> d.service() + " " + d.version() + " — " + WHEN.format(Instant.ofEpochMilli(d.timeMillis()).atZone(zone))));
        deploy.valueProperty().bindBidirectional(vm.deployProperty());
        ComboBox<Duration> window = new ComboBox<>(FXCollections.observableArrayList(DeployImpactViewModel.WINDOWS));
        window.setId("deploy-window");
        window.setConverter(ChoiceText.of(w -> (w.toMinutes() < 60 ? w.toMinutes() + " min" : w.toHours() + " h") + " before and after"));
        window.valueProperty().bindBidirectional(vm.windowProperty());
        shown.setId("deploy-measure");
        shown.getItems().setAll(DeployImpact.Measure.values());
        shown.setValue(DeployImpact.Measure.P95);
        shown.setConverter(ChoiceText.of(DeployImpact.Measure::label));
        shown.valueProperty().addListener((o, a, b) -> chart.requestRepaint());
        Button close = new Button("Close");
        close.setId("deploy-impact-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, deploy, window, spacer, close);
        bar.getStyleClass().add("dashboard-toolbar");
        for (var c : List.of(title, close)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        setTop(bar);

        TableView<DeployImpact.Row> table = table();
        Label status = new Label();
        status.getStyleClass().add("page-subtitle");
        status.textProperty().bind(vm.statusProperty());
        Label note = new Label("Medians of the values at each step; p-value: Mann–Whitney U on the steps before vs after "
                + "(the steps within one rate window after the deploy mix both versions and are not counted). Significant: p < 0.05.");
        note.getStyleClass().add("page-subtitle");
        note.setWrapText(true);
        chart.setPrefHeight(300);
        chart.setMinHeight(220);
        chart.setPainter(s -> paintOverlay(s, dark.get()));
        dark.addListener((o, a, b) -> chart.requestRepaint());
        vm.resultProperty().addListener((o, a, r) -> {
            table.getItems().setAll(r == null ? List.of() : r.rows());
            chart.requestRepaint();
        });
        HBox chartBar = new HBox(8, new Label("Overlay"), shown);
        chartBar.getStyleClass().add("dashboard-toolbar");
        VBox body = new VBox(10, status, table, note, chartBar, chart, logsSection(dark));
        VBox.setVgrow(chart, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("deploy-impact-scroll");
        setCenter(scroll);
    }

    /** The log lines around the deploy, newest first, under the comparison: window, query, lines. */
    private VBox logsSection(ObservableBooleanValue dark) {
        Label heading = new Label("Log lines around the deploy");
        heading.getStyleClass().add("section-title");
        ComboBox<Duration> logWindow = new ComboBox<>(FXCollections.observableArrayList(DeployImpactViewModel.LOG_WINDOWS));
        logWindow.setId("deploy-log-window");
        logWindow.setConverter(ChoiceText.of(w -> "± " + (w.toMinutes() < 60 ? w.toMinutes() + " min" : w.toHours() + " h")));
        logWindow.valueProperty().bindBidirectional(vm.logWindowProperty());
        TextField query = new TextField();
        query.setId("deploy-log-query");
        query.setPromptText("LogQL, e.g. {service=\"$service\"} |= \"error\"");
        query.textProperty().bindBidirectional(vm.logQueryProperty());
        query.setOnAction(e -> vm.loadLogs());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button run = new Button("Show lines");
        run.setId("deploy-log-run");
        run.setOnAction(e -> vm.loadLogs());
        HBox bar = new HBox(8, heading, logWindow, query, run);
        bar.getStyleClass().add("dashboard-toolbar");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Label logStatus = new Label();
        logStatus.setId("deploy-log-status");
        logStatus.getStyleClass().add("page-subtitle");
        logStatus.textProperty().bind(vm.logStatusProperty());
        ChartCanvas lines = new ChartCanvas();
        lines.setId("deploy-log-lines");
        lines.setPrefHeight(260);
        lines.setMinHeight(160);
        LogScroll scroll = LogScroll.attach(lines, () -> vm.logLines().size(),
                i -> i < vm.logLines().size() ? vm.logLines().get(i) : null);
        Panel logsPanel = Panel.of(2, PanelType.LOGS, "", new GridPos(0, 0, 24, 8), List.of(), FieldConfig.DEFAULT);
        lines.setPainter(s -> {
            ChartTheme theme = dark.get() ? ChartTheme.dark() : ChartTheme.light();
            PanelData data = PanelData.ofLogs(vm.logLines(), List.of(), List.of());
            scroll.painted(PanelPainter.paintLogs(s, logsPanel.withTitle(vm.logSourceNameProperty().get().isEmpty() ? "Logs"
                    : "Logs from " + vm.logSourceNameProperty().get()), data,
                    new PanelPainter.Context(0, 1, zone, theme, LegendState.ALL_VISIBLE, List.of()), scroll.first()));
        });
        vm.logLines().addListener((ListChangeListener<LogLine>) c -> {
            scroll.reset();
            lines.requestRepaint();
        });
        dark.addListener((o, a, b) -> lines.requestRepaint());
        VBox box = new VBox(6, bar, logStatus, lines);
        box.setId("deploy-logs");
        return box;
    }

    public DeployImpactViewModel viewModel() {
        return vm;
    }

    private TableView<DeployImpact.Row> table() {
        TableView<DeployImpact.Row> t = new TableView<>();
        t.setId("deploy-impact-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // five measures, no scrolling
        t.setFixedCellSize(32);
        t.setPrefHeight(5 * 32 + 44);
        t.setMinHeight(Region.USE_PREF_SIZE);
        t.getColumns().add(column("Measure", r -> r.measure().label()));
        t.getColumns().add(column("Before", r -> fmt(r, r.before())));
        t.getColumns().add(column("After", r -> fmt(r, r.after())));
        t.getColumns().add(column("Change", r -> Double.isNaN(r.change()) ? "—" : (r.change() > 0 ? "+" : "") + fmt(r, r.change())));
        t.getColumns().add(column("Change %", r -> Double.isNaN(r.changePercent()) ? "—"
                : String.format(Locale.ROOT, "%+.1f %%", r.changePercent())));
        t.getColumns().add(column("p-value", r -> Double.isNaN(r.pValue()) ? "—"
                : r.pValue() < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", r.pValue())));
        t.getColumns().add(column("Significant", r -> Double.isNaN(r.pValue()) ? "no data"
                : r.significant() ? "yes" : "no"));
        return t;
    }

    private static String fmt(DeployImpact.Row r, double v) {
        return Double.isNaN(v) ? "—" : Unit.fromGrafanaId(r.measure().unit()).format(v);
    }

    private static TableColumn<DeployImpact.Row, String> column(String name, Function<DeployImpact.Row, String> value) {
        TableColumn<DeployImpact.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** The before window shifted forward by the window length onto the after window's axis. */
    private void paintOverlay(DrawingSurface s, boolean dark) {
        DeployImpact.Result r = vm.resultProperty().get();
        ChartTheme theme = dark ? ChartTheme.dark() : ChartTheme.light();
        DeployImpact.Measure m = shown.getValue();
        // the axis starts at zero, so that a wobble of a few microseconds does not look like a regression
        Panel panel = Panel.of(1, PanelType.TIME_SERIES, m == null ? "" : m.label() + ": both windows aligned at the deploy",
                new GridPos(0, 0, 24, 8), List.of(), new FieldConfig(m == null ? "" : m.unit(), 0.0, null, null, Thresholds.NONE));
        if (r == null || m == null) {
            PanelPainter.paint(s, panel, null, new PanelPainter.Context(0, 1, zone, theme, LegendState.ALL_VISIBLE, List.of()));
            return;
        }
        DeployImpact.Row row = r.row(m);
        long at = r.deploy().timeMillis();
        long w = r.window().toMillis();
        int n = row.offsetsMs().length;
        long[] beforeTs = new long[n];
        double[] beforeVs = new double[n];
        long[] afterTs = new long[n];
        double[] afterVs = new double[n];
        int nb = 0;
        int na = 0;
        for (int i = 0; i < n; i++) {
            long off = row.offsetsMs()[i];
            if (off <= 0) {
                beforeTs[nb] = at + off + w;
                beforeVs[nb++] = row.values()[i];
            }
            if (off >= 0) {
                afterTs[na] = at + off;
                afterVs[na++] = row.values()[i];
            }
        }
        String version = r.deploy().version();
        var data = new PanelData(List.of(
                new TimeSeriesData("before " + version + " (shifted +" + r.window().toMinutes() + " min)",
                        Arrays.copyOf(beforeTs, nb), Arrays.copyOf(beforeVs, nb)),
                new TimeSeriesData("after: " + version, Arrays.copyOf(afterTs, na), Arrays.copyOf(afterVs, na))),
                List.of("before", "after"), r.step(), List.of(), List.of());
        PanelPainter.paint(s, panel, data, new PanelPainter.Context(at, at + w, zone, theme, LegendState.ALL_VISIBLE,
                List.of(new Annotation(at, at, "deploy " + r.deploy().service() + " " + version, DeployMarkers.COLOR))));
    }
}
