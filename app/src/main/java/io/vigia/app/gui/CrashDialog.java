package io.vigia.app.gui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** Tells the user, in the app, that something failed unexpectedly and where its crash report is. */
final class CrashDialog {
    // one dialog at a time: a second failure while it is open is in the log and its own report
    private final AtomicBoolean showing = new AtomicBoolean();

    /** Shown later on the JavaFX thread (never blocking the handler); nothing if the toolkit is not running. */
    void show(Path report) {
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle("Vigia: unexpected error");
            alert.setHeaderText("Something went wrong inside Vigia");
            TextArea text = new TextArea(report != null
                    ? "A crash report was written to\n" + report + "\n\nPasswords and tokens in it are masked; look it over, then "
                    + "attach it to a bug report. "
                    + "Your workspace is saved; restart Vigia if a view stops answering."
                    : "No crash report could be written; the log file has the details.");
            text.setEditable(false);
            text.setWrapText(true);
            alert.getDialogPane().setContent(text);
            alert.setOnHidden(e -> showing.set(false));
            alert.show();
        });
    }
}
