package io.vigia.views.shortcuts;

/**
 * A key a page handles itself (not a window-wide {@link Shortcut}), in words for the help
 * overlay: e.g. "t z", "Zoom out".
 */
public record KeyHelp(String keys, String description) {
}
