package io.vigia.views.theme;

/** The theme the user picked; SYSTEM follows the operating system's light or dark setting. */
public enum ThemeChoice {
    SYSTEM("Follow the system"), LIGHT("Light"), DARK("Dark");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    public static ThemeChoice parse(String s) {
        for (ThemeChoice t : values()) {
            if (t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        return SYSTEM;
    }
}
