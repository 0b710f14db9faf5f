package io.vigia.datasources.ingest;

/**
 * The comment lines of the text format as promlex.l at v2.42.0 reads them: {@code #}, blanks,
 * {@code HELP} or {@code TYPE}, blanks, a metric name, and as text the rest of the line less its
 * first character (normally the blank after the name). Any other comment is ignored; a HELP or
 * TYPE without a valid name, a type other than the five of the format (trailing blanks
 * included), and a HELP text that is not valid UTF-8 fail, as they fail the scrape there.
 */
final class TextMetadata {
    private TextMetadata() {
    }

    /** {@code from} is just past the '#'. */
    static void read(String s, int from, boolean malformed, ExpositionParser parser) throws ExpositionParseException {
        int i = skipBlanks(s, from);
        if (i == from) {
            return; // "#HELP ..." is a comment
        }
        String kind = s.startsWith("HELP", i) ? "HELP" : s.startsWith("TYPE", i) ? "TYPE" : null;
        int afterKind = i + 4;
        if (kind == null || afterKind >= s.length() || !isBlank(s.charAt(afterKind))) {
            return;
        }
        int nameStart = skipBlanks(s, afterKind);
        int nameEnd = nameStart;
        if (nameEnd < s.length() && SampleLine.isNameStart(s.charAt(nameEnd))) {
            nameEnd++;
            while (nameEnd < s.length() && SampleLine.isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
        }
        if (nameEnd == nameStart) {
            throw parser.error("expected a metric name after # " + kind + " in \"" + SampleLine.abbreviate(s) + "\"");
        }
        if (malformed && kind.equals("HELP")) {
            throw parser.error("help text is not valid UTF-8");
        }
        String text = nameEnd + 1 < s.length() ? s.substring(nameEnd + 1) : "";
        parser.onTextMetadata(kind, s.substring(nameStart, nameEnd), text);
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
