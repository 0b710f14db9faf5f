package io.vigia.dashboards.report.write;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.util.Locale;

/** Page sizes of PDF reports. */
public enum Paper {
    A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

    private final PDRectangle size;

    Paper(PDRectangle size) {
        this.size = size;
    }

    PDRectangle size() {
        return size;
    }

    public static Paper parse(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter", "us-letter" -> LETTER;
            default -> throw new IllegalArgumentException("unknown paper \"" + s + "\"; use a4 or letter");
        };
    }
}
