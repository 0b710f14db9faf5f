package io.vigia.dashboards.chart;

/**
 * Makes untrusted text (log lines, prompts, label values) safe to draw: every control, format
 * and bidirectional-override character becomes a visible escape such as {@code \n} or
 * {@code \u202E}, so a string can neither reorder the text around it nor hide part of itself.
 * Written by hand because the rule is about what a chart may show, not about any markup; markup
 * escaping (SVG, HTML) happens on top of this, in the writer.
 */
public final class InertText {

    private InertText() {
    }

    /**
     * The most characters shown of one text. A megabyte-long log line or label value would
     * otherwise be laid out in full by every table cell and label that shows it, freezing the window;
     * nobody reads past this on screen, and exports keep the whole text.
     */
    public static final int MAX_SHOWN = 10_000;

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_SHOWN) {
            int cut = Character.isHighSurrogate(text.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
            return of(text.substring(0, cut)) + "… (" + (text.length() - cut) + " more characters)";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = replacement(cp, text, i);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(int cp, String text, int index) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (Character.isSurrogate(text.charAt(index)) && !Character.isSupplementaryCodePoint(cp)) {
            return escape(cp); // lone surrogate
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return escape(cp);
        }
        return null;
    }

    private static String escape(int cp) {
        return cp <= 0xffff ? String.format("\\u%04X", cp) : String.format("\\U%06X", cp);
    }

    /** Cuts {@code text} to fit {@code maxWidth} pixels in the surface's current font, ending with an ellipsis. */
    public static String fit(DrawingSurface surface, String text, double maxWidth) {
        if (maxWidth <= 0) {
            return "";
        }
        // no glyph of a chart font is narrower than half a pixel: what lies past this many
        // characters cannot be shown, and measuring it (a megabyte-long line) would take seconds
        int visible = (int) Math.min(Integer.MAX_VALUE - 1, 2 * maxWidth + 8);
        boolean cut = text.length() > visible;
        if (cut) {
            text = text.substring(0, safeCut(text, visible));
        }
        if (!cut && surface.measureText(text).width() <= maxWidth) {
            return text;
        }
        String ellipsis = "…";
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (surface.measureText(text.substring(0, safeCut(text, mid)) + ellipsis).width() <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? (surface.measureText(ellipsis).width() <= maxWidth ? ellipsis : "")
                : text.substring(0, safeCut(text, lo)) + ellipsis;
    }

    private static int safeCut(String text, int end) {
        return end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }
}
