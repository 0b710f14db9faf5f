package io.vigia.views.shortcuts;

import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every keyboard shortcut of the window in one place, so that the help overlay lists exactly what
 * works. Pages add theirs when they are built. Handled as an event filter: a text field with
 * focus does not swallow Ctrl+1.
 */
public final class ShortcutRegistry {
    private final List<Shortcut> shortcuts = new ArrayList<>();

    public void register(KeyCombination keys, String description, Runnable action) {
        shortcuts.add(new Shortcut(keys, description, action));
    }

    public List<Shortcut> all() {
        return Collections.unmodifiableList(shortcuts);
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Shortcut s : shortcuts) {
                if (s.keys().match(e)) {
                    s.action().run();
                    e.consume();
                    return;
                }
            }
        });
    }
}
