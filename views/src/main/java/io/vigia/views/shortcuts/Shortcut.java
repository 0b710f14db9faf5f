package io.vigia.views.shortcuts;

import javafx.scene.input.KeyCombination;

/** A keyboard shortcut, what it does in words, and the action. */
public record Shortcut(KeyCombination keys, String description, Runnable action) {
    public String keysText() {
        return keys.getDisplayText();
    }
}
