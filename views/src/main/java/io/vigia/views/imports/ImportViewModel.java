package io.vigia.views.imports;

import io.vigia.dashboards.chart.InertText;
import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportDetector;
import io.vigia.datasources.imports.ImportFailedException;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.datasources.imports.ImportPreview;
import io.vigia.datasources.imports.ImportProblem;
import io.vigia.datasources.imports.ImportProgress;
import io.vigia.datasources.imports.ImportReport;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.ProgressSink;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Import page without its controls: a file (chosen or dropped), its kind (detected, can be
 * overridden), a preview (first records, counts, rejected lines), then the import with progress
 * and cancel, and its report. All reading and writing runs as background tasks; every text that
 * comes from the file is made inert ({@link InertText}) before it reaches a property, and prompts
 * arrive already redacted by the parser.
 */
public final class ImportViewModel {

    /** The import operations, over a workspace; {@link #of(FileImporter)} in the app. */
    public interface Importer {
        Optional<ImportKind> detect(Path file) throws IOException;

        ImportPreview preview(Path file, ImportKind kind, String scope, ImportProgress progress)
                throws IOException, ImportFailedException;

        ImportReport importFile(Path file, ImportKind kind, String scope, ImportProgress progress)
                throws IOException, ImportFailedException;
    }

    public static Importer of(FileImporter importer) {
        return new Importer() {
            @Override
            public Optional<ImportKind> detect(Path file) throws IOException {
                return ImportDetector.detect(file);
            }

            @Override
            public ImportPreview preview(Path file, ImportKind kind, String scope, ImportProgress progress)
                    throws IOException, ImportFailedException {
                return importer.preview(file, kind, scope, progress);
            }

            @Override
            public ImportReport importFile(Path file, ImportKind kind, String scope, ImportProgress progress)
                    throws IOException, ImportFailedException {
                return importer.importFile(file, kind, scope, progress);
            }
        };
    }

    private final Importer importer;
    private final TaskScope tasks;
    private final Consumer<Runnable> ui;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>();
    private final StringProperty detected = new SimpleStringProperty("");
    private final StringProperty scope = new SimpleStringProperty("");
    private final ObservableList<String> previewRecords = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("Choose a file, or drop one onto the window.");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty previewOk = new SimpleBooleanProperty(false);
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final BooleanBinding canImport;
    private final BooleanBinding scopeNeeded;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private TaskHandle current;
    private boolean settingKind;

    /**
     * @param ui runs a progress update on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     */
    public ImportViewModel(Importer importer, TaskScope tasks, Consumer<Runnable> ui) {
        this.importer = importer;
        this.tasks = tasks;
        this.ui = ui;
        scopeNeeded = kind.isEqualTo(ImportKind.COPILOT);
        canImport = Bindings.createBooleanBinding(() -> file.get() != null && kind.get() != null && previewOk.get()
                && !running.get() && (kind.get() != ImportKind.COPILOT || !scope.get().isBlank()), file, kind, previewOk, running, scope);
        kind.addListener((o, a, b) -> {
            if (!settingKind && b != null && file.get() != null) {
                preview();
            }
        });
    }

    /** A file was chosen or dropped: detect its kind, then preview it. */
    public void open(Path f) {
        if (running.get()) {
            return;
        }
        cancelCurrent(); // a detection or preview of the previous file must not land on this one
        file.set(f);
        report.set(null);
        clearPreview();
        summary.set("Reading " + InertText.of(f.getFileName().toString()) + " …");
        if (scope.get().isBlank()) {
            String name = f.getFileName().toString();
            int dot = name.indexOf('.');
            scope.set(dot > 0 ? name.substring(0, dot) : name);
        }
        current = tasks.submit(BackgroundTask.of("Detecting " + f.getFileName(), sink -> importer.detect(f))
                .quiet()
                .onSuccess(k -> {
                    setKind(k.orElse(null));
                    detected.set(k.map(x -> "Detected: " + x.displayName()).orElse("Could not tell what this file holds: choose its kind."));
                    if (k.isPresent()) {
                        preview();
                    } else {
                        summary.set("Choose the kind of file to preview it.");
                    }
                })
                .onFailure(e -> summary.set("Cannot read " + InertText.of(f.getFileName().toString()) + ": " + message(e))));
    }

    /** Parses the file as the chosen kind without writing anything. */
    public void preview() {
        Path f = file.get();
        ImportKind k = kind.get();
        if (f == null || k == null || running.get()) {
            return;
        }
        cancelCurrent();
        clearPreview();
        String sc = scope.get();
        current = tasks.submit(BackgroundTask.of("Previewing " + f.getFileName(), sink -> importer.preview(f, k, sc, progressOf(sink)))
                .quiet()
                .onSuccess(p -> {
                    previewRecords.setAll(p.firstRecords().stream().map(InertText::of).toList());
                    problems.setAll(lines(p.rejected()));
                    previewOk.set(p.records() > 0);
                    summary.set(String.format(Locale.ROOT, "%s: %d %s%s%s", InertText.of(p.fileName()), p.records(),
                            p.records() == 1 ? "record" : "records",
                            p.rejected().isEmpty() ? "" : ", " + p.rejected().size() + " lines rejected",
                            p.records() > FileImporter.PREVIEW_RECORDS ? " (first " + FileImporter.PREVIEW_RECORDS + " shown)" : ""));
                })
                .onFailure(this::failed));
    }

    /** Imports the file in one transaction, off the UI thread; {@link #cancel()} stops it before it writes. */
    public void importNow() {
        if (!canImport.get()) {
            return;
        }
        Path f = file.get();
        ImportKind k = kind.get();
        String sc = scope.get();
        cancelRequested.set(false);
        running.set(true);
        progress.set(0);
        report.set(null);
        summary.set("Importing " + InertText.of(f.getFileName().toString()) + " …");
        current = tasks.submit(BackgroundTask.of("Importing " + f.getFileName(), sink -> importer.importFile(f, k, sc, progressOf(sink)))
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    report.set(r);
                    problems.setAll(lines(r.rejected()));
                    summary.set(String.format(Locale.ROOT, "Imported %d, duplicates skipped %d, rejected %d (of %d records in %s)",
                            r.imported(), r.duplicates(), r.rejected().size(), r.records(), InertText.of(r.fileName())));
                })
                .onFailure(e -> {
                    running.set(false);
                    progress.set(0);
                    failed(e);
                })
                .onCancelled(() -> {
                    running.set(false);
                    progress.set(0);
                    summary.set("Cancelled: nothing was imported.");
                }));
    }

    private void cancelCurrent() {
        TaskHandle h = current;
        if (h != null && !h.isDone()) {
            h.cancel();
        }
    }

    public void cancel() {
        cancelRequested.set(true);
        TaskHandle h = current;
        if (h != null) {
            h.cancel();
        }
    }

    private ImportProgress progressOf(ProgressSink sink) {
        return new ImportProgress() {
            @Override
            public void progress(long done, long total) {
                sink.progress(done, total);
                double p = total > 0 ? (double) done / total : -1;
                ui.accept(() -> progress.set(p));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get() || sink.isCancelled();
            }
        };
    }

    private void failed(Throwable e) {
        if (e instanceof CancellationException) {
            summary.set("Cancelled: nothing was imported.");
            return;
        }
        previewOk.set(false);
        if (e instanceof ImportFailedException f) {
            problems.setAll(lines(f.rejected()));
        }
        summary.set(message(e));
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return InertText.of(m);
    }

    private static List<String> lines(List<ImportProblem> rejected) {
        return rejected.stream().map(p -> InertText.of(p.toString())).toList();
    }

    private void clearPreview() {
        previewRecords.clear();
        problems.clear();
        previewOk.set(false);
    }

    private void setKind(ImportKind k) {
        settingKind = true;
        try {
            kind.set(k);
        } finally {
            settingKind = false;
        }
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The kind to import as: detected, or chosen by the user (which previews again). */
    public ObjectProperty<ImportKind> kindProperty() {
        return kind;
    }

    public ReadOnlyStringProperty detectedProperty() {
        return detected;
    }

    /** For Copilot metrics: the organization, enterprise or team the file is about. */
    public StringProperty scopeProperty() {
        return scope;
    }

    public BooleanBinding scopeNeededBinding() {
        return scopeNeeded;
    }

    public ObservableList<String> previewRecords() {
        return previewRecords;
    }

    /** Rejected lines with their numbers, from the preview or the import. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** 0..1 while importing, -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public BooleanBinding canImportBinding() {
        return canImport;
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report;
    }
}
