package io.vigia.views.reports;

import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.report.IsoWeek;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportBuilder;
import io.vigia.dashboards.report.write.Paper;
import io.vigia.dashboards.report.write.PdfPreview;
import io.vigia.dashboards.report.write.ReportExporter;
import io.vigia.dashboards.report.write.ReportFormat;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.persistence.reports.GeneratedReport;
import io.vigia.persistence.reports.GeneratedReportRepository;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.ProgressSink;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * State and behaviour of the Reports page, free of controls: what to report (dashboard, ISO
 * week, time zone, formats, paper, folder), a preview of the PDF's first page, the export with
 * progress and cancel, the history of generated reports, and the weekly schedule. All work runs
 * in the background through the page's task scope; {@code ui} hands progress back to the UI
 * thread ({@code Platform::runLater} in the app, {@code Runnable::run} in tests).
 */
public final class ReportsViewModel {
    static final int HISTORY = 50;
    static final float PREVIEW_DPI = 110;

    /** A dashboard to choose from. */
    public record DashboardChoice(String uid, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final DashboardStore store;
    private final Supplier<MetricsSource> source;
    /** What the source has for the built-ins' inputs; Vigia's own contract until the app sets the workspace's. */
    private volatile Supplier<SourceBindings> bindings = () -> ContractBindings.of("");
    private final Duration scrapeInterval;
    private final GeneratedReportRepository history;
    private final SettingsRepository settings;
    private final TaskScope tasks;
    private final Clock clock;
    private final Consumer<Runnable> ui;

    private final ObservableList<DashboardChoice> dashboards = FXCollections.observableArrayList();
    private final ObjectProperty<DashboardChoice> dashboard = new SimpleObjectProperty<>();
    private final StringProperty week = new SimpleStringProperty();
    private final StringProperty zone = new SimpleStringProperty();
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);
    private final Map<ReportFormat, BooleanProperty> formats = new java.util.EnumMap<>(ReportFormat.class);
    private final ObjectProperty<Path> directory = new SimpleObjectProperty<>();
    private final ObjectProperty<PdfPreview> preview = new SimpleObjectProperty<>();
    private final StringProperty previewInfo = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<GeneratedReport> generated = FXCollections.observableArrayList();
    private final ObjectProperty<ReportSchedule> schedule = new SimpleObjectProperty<>(ReportSchedule.DEFAULT);
    private TaskHandle running;

    public ReportsViewModel(DashboardStore store, Supplier<MetricsSource> source, Duration scrapeInterval,
                            GeneratedReportRepository history, SettingsRepository settings, TaskScope tasks, Clock clock,
                            ZoneId defaultZone, Path defaultDirectory, Consumer<Runnable> ui) {
        this.store = store;
        this.source = source;
        this.scrapeInterval = scrapeInterval;
        this.history = history;
        this.settings = settings;
        this.tasks = tasks;
        this.clock = clock;
        this.ui = ui;
        for (ReportFormat f : ReportFormat.values()) {
            formats.put(f, new SimpleBooleanProperty(f != ReportFormat.PNG));
        }
        zone.set(defaultZone.getId());
        week.set(IsoWeek.of(LocalDate.now(clock.withZone(defaultZone)).minusWeeks(1)).toString());
        directory.set(defaultDirectory);
    }

    /** The source's bindings, read (and probed on first use) off the UI thread when a report is built. */
    public void setBindings(Supplier<SourceBindings> b) {
        this.bindings = b;
    }

    public ObservableList<DashboardChoice> dashboards() {
        return dashboards;
    }

    public ObjectProperty<DashboardChoice> dashboardProperty() {
        return dashboard;
    }

    public StringProperty weekProperty() {
        return week;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public BooleanProperty formatProperty(ReportFormat f) {
        return formats.get(f);
    }

    public ObjectProperty<Path> directoryProperty() {
        return directory;
    }

    public ObjectProperty<PdfPreview> previewProperty() {
        return preview;
    }

    public StringProperty previewInfoProperty() {
        return previewInfo;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<GeneratedReport> generated() {
        return generated;
    }

    public ObjectProperty<ReportSchedule> scheduleProperty() {
        return schedule;
    }

    /** Loads the dashboards, the history and the schedule. */
    public void refresh() {
        tasks.submit(BackgroundTask.of("Loading reports", p -> {
            List<DashboardChoice> all = new ArrayList<>();
            for (StoredDashboard d : store.list()) {
                all.add(new DashboardChoice(d.uid(), d.title()));
            }
            for (Dashboard d : BuiltInDashboards.all()) {
                if (all.stream().noneMatch(c -> c.uid().equals(d.uid()))) {
                    all.add(new DashboardChoice(d.uid(), d.title()));
                }
            }
            return new Loaded(all, history.recent(HISTORY), ReportSchedule.fromSettings(settings.all()));
        }).quiet().onSuccess(l -> {
            DashboardChoice keep = dashboard.get();
            dashboards.setAll(l.dashboards());
            dashboard.set(l.dashboards().stream().filter(c -> keep != null ? c.uid().equals(keep.uid())
                    : c.uid().equals(BuiltInDashboards.COPILOT_HEALTH)).findFirst().orElse(l.dashboards().isEmpty() ? null
                    : l.dashboards().getFirst()));
            generated.setAll(l.history());
            schedule.set(l.schedule());
        }).onFailure(e -> status.set("Could not load the reports: " + e.getMessage())));
    }

    private record Loaded(List<DashboardChoice> dashboards, List<GeneratedReport> history, ReportSchedule schedule) {
    }

    /** What the form asks for, checked; an IllegalArgumentException with the message to show when it is not valid. */
    Request request() {
        Set<ReportFormat> f = EnumSet.noneOf(ReportFormat.class);
        formats.forEach((k, v) -> {
            if (v.get()) {
                f.add(k);
            }
        });
        return Request.check(dashboard.get() == null ? null : dashboard.get().uid(), week.get(), zone.get(), f, paper.get(),
                directory.get());
    }

    /** Renders page 1 of the PDF the export would write. */
    public void preview() {
        Request req;
        try {
            req = request();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        start("Previewing report", sink -> {
            Report r = build(req, sink);
            sink.message("Rendering page 1");
            return new PreviewPage(PdfPreview.render(r, req.paper(), 0, PREVIEW_DPI), r);
        }, page -> {
            PdfPreview p = page.pixels();
            preview.set(p);
            previewInfo.set("Page 1 of " + p.pages() + " · " + describe(page.report()));
            status.set("Preview of " + page.report().title() + " " + page.report().week());
        });
    }

    record PreviewPage(PdfPreview pixels, Report report) {
    }

    /** Writes the chosen formats and adds the result to the history. */
    public void export() {
        Request req;
        try {
            req = request();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        export(req, GeneratedReport.MANUAL);
    }

    private void export(Request req, String trigger) {
        start("Exporting report", sink -> {
            Report r = build(req, sink);
            java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
            int steps = req.formats().size();
            List<Path> files = new ReportExporter(req.paper()).export(r, req.formats(), req.directory(), f -> {
                // the formats are written in parallel: this runs on their threads
                sink.message("Writing " + f.name());
                sink.progress(steps + started.incrementAndGet(), 2L * steps + 1);
            }, sink::isCancelled);
            return history.add(new GeneratedReport(0, r.dashboardUid(), r.title(), r.week().toString(), r.zone().getId(),
                    req.formats().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(",")),
                    req.directory(), files, r.partial(), r.noData(), trigger, clock.millis()));
        }, g -> {
            generated.addFirst(g);
            if (generated.size() > HISTORY) {
                generated.remove(HISTORY, generated.size());
            }
            status.set("Wrote " + g.files().size() + " files to " + g.directory() + (g.noData() ? " (no data in " + g.week() + ")"
                    : g.partial() ? " (partial report)" : ""));
        });
    }

    /** Cancels the preview or export under way; what was written stays, nothing is added to the history. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Forgets a history entry (its files stay). */
    public void forget(GeneratedReport g) {
        tasks.submit(BackgroundTask.of("Forgetting report", p -> history.delete(g.id())).quiet()
                .onSuccess(ok -> generated.remove(g))
                .onFailure(e -> status.set("Could not forget the report: " + e.getMessage())));
    }

    public void saveSchedule(ReportSchedule s) {
        schedule.set(s);
        tasks.submit(BackgroundTask.of("Saving the report schedule", p -> {
            settings.putAll(s.toSettings());
            return null;
        }).quiet().onFailure(e -> status.set("Could not save the schedule: " + e.getMessage())));
    }

    /**
     * Called every minute while the app runs: when the schedule is due, looks in the history (in
     * the background) whether the week's scheduled report was written, and writes it if not, with
     * the page's current choices (dashboard, formats, folder, zone).
     * @return true when the schedule was due and the check started
     */
    public boolean checkSchedule() {
        if (busy.get()) {
            return false;
        }
        Request form;
        try {
            form = request();
        } catch (IllegalArgumentException e) {
            return false;
        }
        var dueWeek = schedule.get().due(clock.instant(), form.zone());
        if (dueWeek.isEmpty()) {
            return false;
        }
        Request scheduled = new Request(form.uid(), dueWeek.get(), form.zone(), form.formats(), form.paper(), form.directory());
        tasks.submit(BackgroundTask.of("Checking the report schedule",
                        p -> history.latestScheduled(scheduled.uid(), scheduled.week().toString()).isPresent()).quiet()
                .onSuccess(done -> {
                    if (!done && !busy.get()) {
                        export(scheduled, GeneratedReport.SCHEDULE);
                    }
                })
                .onFailure(e -> status.set("Could not check the report schedule: " + e.getMessage())));
        return true;
    }

    private Report build(Request req, ProgressSink sink) {
        sink.message("Computing " + req.uid() + " " + req.week());
        sink.progress(0, -1);
        Dashboard d = store.load(req.uid()).or(() -> BuiltInDashboards.find(req.uid()))
                .orElseThrow(() -> new IllegalArgumentException("no dashboard " + req.uid()));
        return new ReportBuilder(source.get(), bindings.get(), clock, scrapeInterval).cancelledWhen(sink::isCancelled)
                .build(d, req.week(), req.zone());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(ProgressSink sink) throws Exception;
    }

    private <T> void start(String title, Work<T> work, Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(-1);
        status.set(title + "…");
        running = tasks.submit(BackgroundTask.<T>of(title, sink -> work.run(new ProgressSink() {
            @Override
            public void progress(long doneSteps, long total) {
                sink.progress(doneSteps, total);
                ui.accept(() -> progress.set(total <= 0 ? -1 : (double) doneSteps / total));
            }

            @Override
            public void message(String message) {
                sink.message(message);
                ui.accept(() -> status.set(message + "…"));
            }

            @Override
            public boolean isCancelled() {
                return sink.isCancelled();
            }
        })).onSuccess(r -> {
            busy.set(false);
            progress.set(1);
            done.accept(r);
        }).onFailure(e -> {
            busy.set(false);
            progress.set(0);
            status.set(e instanceof CancellationException ? "Cancelled" : title + " failed: " + e.getMessage());
        }).onCancelled(() -> {
            busy.set(false);
            progress.set(0);
            status.set("Cancelled");
        }));
    }

    static String describe(Report r) {
        return r.noData() ? "no data in " + r.week() : r.partial() ? "partial: " + r.problems().size() + " part(s) missing"
                : r.kpis().size() + " key numbers, " + r.sections().size() + " sections";
    }
}
