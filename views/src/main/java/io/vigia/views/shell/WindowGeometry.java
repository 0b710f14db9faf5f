package io.vigia.views.shell;

import java.util.Map;
import java.util.Optional;

/** Where the main window was, remembered in the workspace settings. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    static final String KEY = "ui.window";

    public Map<String, String> toSettings() {
        return Map.of(KEY, x + "," + y + "," + width + "," + height + "," + maximized);
    }

    public static Optional<WindowGeometry> fromSettings(Map<String, String> settings) {
        String v = settings.get(KEY);
        if (v == null) {
            return Optional.empty();
        }
        String[] p = v.split(",");
        try {
            return Optional.of(new WindowGeometry(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), Double.parseDouble(p[3]), Boolean.parseBoolean(p[4])));
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged value: start with the default size
        }
    }
}
