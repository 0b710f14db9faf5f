package io.vigia.views.shell;

import io.vigia.views.shortcuts.KeyHelp;
import javafx.scene.Node;

import java.util.List;

/**
 * One entry of the navigation: a view with its view model behind it. The view is built on first
 * show; {@link #close()} releases what it holds (its task scope, listeners) when the window closes.
 */
public interface Page {
    String id();

    String title();

    /** A short description shown as the navigation entry's tooltip. */
    String description();

    Node view();

    /** Called each time the page becomes the visible one (e.g. to refresh a list). */
    default void shown() {
    }

    default void close() {
    }

    /** Keys the page handles itself, listed under its title in the help overlay. */
    default List<KeyHelp> keyHelp() {
        return List.of();
    }
}
