package io.vigia.views.reports;

import io.vigia.dashboards.report.write.Paper;
import io.vigia.dashboards.report.write.ReportFormat;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.persistence.reports.GeneratedReport;
import io.vigia.persistence.reports.GeneratedReportRepository;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.shell.Page;
import io.vigia.views.tasks.TaskScope;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import io.vigia.dashboards.report.write.PdfPreview;
import javafx.beans.binding.Bindings;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Reports page: choose a dashboard, an ISO week, a time zone and formats; preview page 1 of
 * the PDF; export with progress and cancel; the history of generated reports; the weekly schedule
 * (checked every minute while the app runs).
 */
public final class ReportsPage implements Page {
    static final String STYLESHEET = Objects.requireNonNull(ReportsPage.class.getResource("reports.css")).toExternalForm();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private final ReportsViewModel vm;
    private final ZoneId displayZone;
    private Timeline scheduleTimer;
    private Node view;

    public ReportsPage(ReportsViewModel vm, ZoneId displayZone) {
        this.vm = vm;
        this.displayZone = displayZone;
    }

    /** The page as the app wires it: the workspace's dashboards and history, reports from {@code source}. */
    public static ReportsPage create(Workspace workspace, Supplier<MetricsSource> source, java.time.Duration scrapeInterval,
                                     TaskScope tasks, Clock clock) {
        ZoneId zone = ZoneId.systemDefault();
        return new ReportsPage(new ReportsViewModel(new DashboardStore(workspace), source, scrapeInterval,
                new GeneratedReportRepository(workspace), new SettingsRepository(workspace), tasks, clock, zone,
                defaultDirectory(), Platform::runLater), zone);
    }

    /** ~/Documents/Vigia reports where there is a Documents folder, else ~/Vigia reports. */
    static Path defaultDirectory() {
        Path home = Path.of(System.getProperty("user.home"));
        Path docs = home.resolve("Documents");
        return (Files.isDirectory(docs) ? docs : home).resolve("Vigia reports");
    }

    public ReportsViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "reports";
    }

    @Override
    public String title() {
        return "Reports";
    }

    @Override
    public String description() {
        return "Weekly PDF, HTML, CSV and PNG reports";
    }

    @Override
    public void shown() {
        vm.refresh();
    }

    @Override
    public void close() {
        if (scheduleTimer != null) {
            scheduleTimer.stop();
        }
        vm.cancel();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
            scheduleTimer = new Timeline(new KeyFrame(Duration.minutes(1), e -> vm.checkSchedule()));
            scheduleTimer.setCycleCount(Timeline.INDEFINITE);
            scheduleTimer.play();
        }
        return view;
    }

    private Node build() {
        Label title = new Label("Reports");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("A dashboard's week as PDF, HTML, CSV and PNG files, as `vigia report` writes them.");
        subtitle.getStyleClass().add("page-subtitle");

        ComboBox<ReportsViewModel.DashboardChoice> dashboard = new ComboBox<>(vm.dashboards());
        dashboard.setId("report-dashboard");
        dashboard.valueProperty().bindBidirectional(vm.dashboardProperty());
        TextField week = new TextField();
        week.setId("report-week");
        week.setPromptText("2026-W47");
        week.setPrefColumnCount(9);
        week.textProperty().bindBidirectional(vm.weekProperty());
        TextField zone = new TextField();
        zone.setId("report-zone");
        zone.setPrefColumnCount(16);
        zone.textProperty().bindBidirectional(vm.zoneProperty());
        HBox formats = new HBox(12);
        for (ReportFormat f : ReportFormat.values()) {
            CheckBox box = new CheckBox(f.name());
            box.setId("report-format-" + f.name().toLowerCase(Locale.ROOT));
            box.selectedProperty().bindBidirectional(vm.formatProperty(f));
            formats.getChildren().add(box);
        }
        ComboBox<Paper> paper = new ComboBox<>();
        paper.getItems().setAll(Paper.values());
        paper.valueProperty().bindBidirectional(vm.paperProperty());
        Label folder = new Label();
        folder.setId("report-folder");
        folder.textProperty().bind(vm.directoryProperty().asString());
        Button chooseFolder = new Button("Choose…");
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the report files");
            Path current = vm.directoryProperty().get();
            if (current != null && Files.isDirectory(current)) {
                chooser.setInitialDirectory(current.toFile());
            }
            File chosen = chooser.showDialog(chooseFolder.getScene().getWindow());
            if (chosen != null) {
                vm.directoryProperty().set(chosen.toPath());
            }
        });
        GridPane form = new GridPane();
        form.getStyleClass().add("settings-grid");
        form.addRow(0, new Label("Dashboard"), dashboard);
        form.addRow(1, new Label("ISO week"), week);
        form.addRow(2, new Label("Time zone"), zone);
        form.addRow(3, new Label("Formats"), formats);
        form.addRow(4, new Label("Paper"), paper);
        form.addRow(5, new Label("Folder"), new HBox(8, folder, chooseFolder));

        Button preview = new Button("Preview");
        preview.setId("report-preview");
        preview.setOnAction(e -> vm.preview());
        Button export = new Button("Export");
        export.setId("report-export");
        export.getStyleClass().add("accent");
        export.setOnAction(e -> vm.export());
        Button cancel = new Button("Cancel");
        cancel.setId("report-cancel");
        cancel.setOnAction(e -> vm.cancel());
        preview.disableProperty().bind(vm.busyProperty());
        export.disableProperty().bind(vm.busyProperty());
        cancel.disableProperty().bind(vm.busyProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("report-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox buttons = new HBox(8, preview, export, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox actions = new VBox(6, buttons, status);
        keepWidth(preview, export, cancel, chooseFolder);
        for (Node n : form.getChildren()) {
            if (n instanceof Label l) {
                keepWidth(l);
            }
        }

        ImageView page = new ImageView();
        page.setId("report-preview-image");
        page.setPreserveRatio(true);
        page.setFitWidth(460);
        // the view model holds the page's pixels; the image is the view's
        page.imageProperty().bind(Bindings.createObjectBinding(() -> image(vm.previewProperty().get()), vm.previewProperty()));
        Label previewInfo = new Label();
        previewInfo.textProperty().bind(vm.previewInfoProperty());
        previewInfo.getStyleClass().add("page-subtitle");
        VBox previewBox = new VBox(6, previewInfo, page);
        previewBox.getStyleClass().add("report-preview");

        VBox left = new VBox(14, form, actions, schedule());
        left.setMinWidth(440);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox columns = new HBox(24, left, previewBox);
        VBox content = new VBox(14, new VBox(title, subtitle), columns, history());
        content.getStyleClass().addAll("page", "reports-page");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStylesheets().add(STYLESHEET);
        return scroll;
    }

    private Node schedule() {
        CheckBox enabled = new CheckBox("Every");
        enabled.setId("report-schedule-enabled");
        ComboBox<DayOfWeek> day = new ComboBox<>();
        day.getItems().setAll(DayOfWeek.values());
        day.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DayOfWeek d) {
                return d == null ? "" : d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            }

            @Override
            public DayOfWeek fromString(String text) {
                return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
            }
        });
        TextField time = new TextField();
        time.setPrefColumnCount(5);
        Button save = new Button("Save schedule");
        Runnable load = () -> {
            ReportSchedule s = vm.scheduleProperty().get();
            enabled.setSelected(s.enabled());
            day.setValue(s.day());
            time.setText(s.time().toString());
        };
        vm.scheduleProperty().addListener((o, a, b) -> load.run());
        load.run();
        save.setOnAction(e -> {
            try {
                vm.saveSchedule(new ReportSchedule(enabled.isSelected(), day.getValue(), LocalTime.parse(time.getText().strip())));
            } catch (DateTimeParseException ex) {
                vm.statusProperty().set("\"" + time.getText() + "\" is not a time; write it like 08:00");
            }
        });
        Label hint = new Label("write last week's report with the choices above, while the app runs");
        hint.getStyleClass().add("page-subtitle");
        hint.setTooltip(new Tooltip("When the app is closed, schedule `vigia report` with cron or the Task Scheduler (see the README)."));
        Label heading = new Label("Schedule");
        heading.getStyleClass().add("report-heading");
        Label at = new Label("at");
        keepWidth(enabled, at, save);
        HBox row = new HBox(8, enabled, day, at, time, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading, row, hint);
    }

    private Node history() {
        TableView<GeneratedReport> table = new TableView<>(vm.generated());
        table.setId("report-history");
        table.setPlaceholder(new Label("No report generated yet."));
        table.setPrefHeight(200);
        table.getColumns().add(column("Generated", g -> WHEN.format(Instant.ofEpochMilli(g.generatedAt()).atZone(displayZone))));
        table.getColumns().add(column("Dashboard", GeneratedReport::dashboardTitle));
        table.getColumns().add(column("Week", GeneratedReport::week));
        table.getColumns().add(column("Formats", GeneratedReport::formats));
        table.getColumns().add(column("State", g -> g.noData() ? "no data" : g.partial() ? "partial" : "complete"));
        table.getColumns().add(column("By", GeneratedReport::trigger));
        table.getColumns().add(column("Folder", g -> g.directory().toString()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button forget = new Button("Forget");
        forget.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        forget.setOnAction(e -> vm.forget(table.getSelectionModel().getSelectedItem()));
        Label heading = new Label("History");
        heading.getStyleClass().add("report-heading");
        return new VBox(6, heading, table, forget);
    }

    /** Labels and buttons keep their text whole; the fields give up width first. */
    private static void keepWidth(javafx.scene.layout.Region... regions) {
        for (javafx.scene.layout.Region r : regions) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    private static TableColumn<GeneratedReport, String> column(String name, java.util.function.Function<GeneratedReport, String> f) {
        TableColumn<GeneratedReport, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    private static Image image(PdfPreview p) {
        if (p == null) {
            return null;
        }
        WritableImage image = new WritableImage(p.width(), p.height());
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
        return image;
    }
}
