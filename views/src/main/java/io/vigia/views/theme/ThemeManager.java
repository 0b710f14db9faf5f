package io.vigia.views.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Applies AtlantaFX's Primer light or dark theme as the user-agent stylesheet, following the
 * operating system's colour scheme (JavaFX's platform preferences) when the choice is SYSTEM,
 * also when the OS switches while the app runs. Vigia's own stylesheet uses AtlantaFX's looked-up
 * colours, so it follows too.
 */
public final class ThemeManager {
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeManager() {
        choice.addListener((o, a, b) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> {
            if (choice.get() == ThemeChoice.SYSTEM) {
                apply();
            }
        });
    }

    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Whether the dark theme is showing now (charts pick their palette from it). */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public void apply() {
        boolean useDark = switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        dark.set(useDark);
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
