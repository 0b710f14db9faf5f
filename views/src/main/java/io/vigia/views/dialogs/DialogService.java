package io.vigia.views.dialogs;

import java.nio.file.Path;
import java.util.Optional;

/** How view models talk to the user, so that tests can stand in for the dialogs. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    Optional<Path> chooseFileToOpen(String title, String description, String... extensions);

    Optional<Path> chooseFileToSave(String title, String suggestedName);
}
