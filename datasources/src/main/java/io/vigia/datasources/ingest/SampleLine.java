package io.vigia.datasources.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one sample line, {@code name{labels} value [timestamp] [# {labels} value [ts]]},
 * before their meaning is checked. The two grammars are those of Prometheus 2.42's lexers
 * (model/textparse/promlex.l and openmetricslex.l at v2.42.0): OpenMetrics takes single spaces
 * between tokens and nothing else; the text format takes runs of blanks around every token
 * but before the name, no blank before the value after a label set, no comma between two labels,
 * a trailing comma, and a raw line feed inside a label value.
 */
final class SampleLine {
    /** {@link #parseText} needs the next line: the line ends inside a label value. */
    static final String NEEDS_NEXT_LINE = "a label value runs past the end of the line";

    String name;
    final List<String> labelNames = new ArrayList<>();
    final List<String> labelValues = new ArrayList<>();
    /** The raw text up to the end of the label set, used to cache label sets of repeated series. */
    String seriesKey;
    String value;
    String timestamp;
    boolean hasExemplar;
    final List<String> exemplarNames = new ArrayList<>();
    final List<String> exemplarValues = new ArrayList<>();
    String exemplarValue;
    String exemplarTimestamp;

    private String s;
    private int pos;
    private boolean text;

    /** Splits a text-format 0.0.4 sample line; an error message, {@link #NEEDS_NEXT_LINE}, or null. */
    String parseText(String line) {
        start(line, true);
        if (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            // promparse.go takes the metric name from the start of the line, blanks included
            return "white space before the metric name (Prometheus refuses the name with it)";
        }
        String err = name();
        if (err != null) {
            return err;
        }
        skipBlanks();
        if (pos < s.length() && s.charAt(pos) == '{') {
            err = labels(labelNames, labelValues);
            if (err != null) {
                return err;
            }
            skipBlanks();
        }
        seriesKey = s.substring(0, pos);
        value = textValueToken();
        if (value.isEmpty()) {
            return "sample " + name + " has no value";
        }
        skipBlanks();
        if (pos >= s.length()) {
            return null;
        }
        int from = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (from == pos) {
            return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the value of " + name
                    + (s.charAt(pos) == '#' ? " (exemplars are an OpenMetrics feature)" : "");
        }
        timestamp = s.substring(from, pos);
        skipBlanks();
        if (pos < s.length()) {
            return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the timestamp of " + name
                    + " (the text format takes integer milliseconds)";
        }
        return null;
    }

    /** Splits an OpenMetrics sample line; an error message, or null when the line is well formed. */
    String parseOpenMetrics(String line) {
        start(line, false);
        String err = name();
        if (err != null) {
            return err;
        }
        if (pos < s.length() && s.charAt(pos) == '{') {
            err = labels(labelNames, labelValues);
            if (err != null) {
                return err;
            }
        }
        seriesKey = s.substring(0, pos);
        value = spaceAndToken();
        if (value == null) {
            return pos >= s.length() ? "sample " + name + " has no value" : "expected a single space before the value of " + name;
        }
        if (pos >= s.length()) {
            return null;
        }
        if (!s.startsWith(" # {", pos)) {
            timestamp = spaceAndToken();
            if (timestamp == null) {
                return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the value of " + name;
            }
            if (pos >= s.length()) {
                return null;
            }
            if (!s.startsWith(" # {", pos)) {
                return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the timestamp of " + name;
            }
        }
        return exemplar();
    }

    private void start(String line, boolean textFormat) {
        s = line;
        pos = 0;
        text = textFormat;
        labelNames.clear();
        labelValues.clear();
        exemplarNames.clear();
        exemplarValues.clear();
        timestamp = null;
        hasExemplar = false;
        exemplarValue = null;
        exemplarTimestamp = null;
    }

    private String name() {
        int from = pos;
        if (pos < s.length() && isNameStart(s.charAt(pos))) {
            pos++;
            while (pos < s.length() && isNameChar(s.charAt(pos))) {
                pos++;
            }
        }
        name = s.substring(from, pos);
        return name.isEmpty() ? "invalid metric name at \"" + abbreviate(s) + "\"" : null;
    }

    private String exemplar() {
        // at " # {": "# {labels} value[ timestamp]" follows
        hasExemplar = true;
        pos += 3;
        String err = labels(exemplarNames, exemplarValues);
        if (err != null) {
            return "malformed exemplar: " + err;
        }
        exemplarValue = spaceAndToken();
        if (exemplarValue == null) {
            return "malformed exemplar: expected a space and a value after its labels";
        }
        if (pos >= s.length()) {
            return null;
        }
        exemplarTimestamp = spaceAndToken();
        if (exemplarTimestamp == null || pos < s.length()) {
            return "malformed exemplar: unexpected text after its " + (exemplarTimestamp == null ? "value" : "timestamp");
        }
        return null;
    }

    /**
     * From '{' to past '}'. OpenMetrics: labels separated by single commas, nothing else. Text:
     * blanks around every token, an optional trailing comma, and no comma needed between two
     * labels (promparse.go's parseLVals at v2.42.0 skips one optional comma after each value).
     */
    private String labels(List<String> names, List<String> values) {
        pos++; // '{'
        boolean first = true;
        boolean afterComma = false;
        while (true) {
            skipBlanksInText();
            if (pos >= s.length()) {
                return "unterminated label set";
            }
            char c = s.charAt(pos);
            if (c == '}') {
                if (afterComma && !text) {
                    return "trailing comma in label set";
                }
                pos++;
                return null;
            }
            if (c == ',') {
                if (first || afterComma) {
                    return first ? "label set starts with a comma" : "two commas in label set";
                }
                pos++;
                afterComma = true;
                continue;
            }
            if (!first && !afterComma && !text) {
                return "expected ',' or '}' after a label value";
            }
            String err = label(names, values);
            if (err != null) {
                return err;
            }
            first = false;
            afterComma = false;
        }
    }

    private String label(List<String> names, List<String> values) {
        int from = pos;
        if (pos < s.length() && isLabelStart(s.charAt(pos))) {
            pos++;
            while (pos < s.length() && isLabelChar(s.charAt(pos))) {
                pos++;
            }
        }
        if (from == pos) {
            return "invalid label name in \"" + abbreviate(s) + "\"";
        }
        String labelName = s.substring(from, pos);
        skipBlanksInText();
        if (pos >= s.length() || s.charAt(pos) != '=') {
            return "expected '=' after label name " + labelName;
        }
        pos++;
        skipBlanksInText();
        if (pos >= s.length() || s.charAt(pos) != '"') {
            return "label " + labelName + " needs a value in double quotes";
        }
        String labelValue = quoted();
        if (labelValue == null) {
            return text && pos == s.length() ? NEEDS_NEXT_LINE : "unterminated value of label " + labelName;
        }
        if (labelName.equals(io.vigia.persistence.series.Labels.METRIC_NAME) || names.contains(labelName)) {
            // Prometheus's head refuses a series with two labels of one name ("label name is not unique")
            return "label " + labelName + " appears twice";
        }
        names.add(labelName);
        values.add(labelValue);
        return null;
    }

    /**
     * A double-quoted label value from its opening quote, unescaped as textparse does ({@code \"},
     * {@code \\}, {@code \n}; any other escape stays as written); null when it does not end on
     * this line, with {@link #pos} at the end of the line, or past it where a backslash escapes
     * a line feed, which no grammar allows.
     */
    private String quoted() {
        int from = ++pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(from, pos++);
            }
            if (c == '\\') {
                return escaped(from);
            }
            pos++;
        }
        return null;
    }

    private String escaped(int from) {
        StringBuilder v = new StringBuilder(s.length() - from).append(s, from, pos);
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return v.toString();
            }
            if (c != '\\') {
                v.append(c);
                continue;
            }
            if (pos >= s.length()) {
                return null;
            }
            char e = s.charAt(pos++);
            if (e == '\n') {
                // promlex.l's \\. takes any character after a backslash but a line feed
                pos = s.length() + 1;
                return null;
            }
            switch (e) {
                case '\\' -> v.append('\\');
                case '"' -> v.append('"');
                case 'n' -> v.append('\n');
                default -> v.append('\\').append(e);
            }
        }
        return null;
    }

    /** The text format's value: {@code [^{ \t\n]+} (promlex.l), or empty. */
    private String textValueToken() {
        int from = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '{' || c == '\0') {
                break;
            }
            pos++;
        }
        return s.substring(from, pos);
    }

    /** OpenMetrics' {@code " "[^ \n]+}: one space and a token, or null. */
    private String spaceAndToken() {
        if (pos + 1 >= s.length() || s.charAt(pos) != ' ' || s.charAt(pos + 1) == ' ') {
            return null;
        }
        int from = ++pos;
        while (pos < s.length() && s.charAt(pos) != ' ') {
            pos++;
        }
        return s.substring(from, pos);
    }

    private void skipBlanksInText() {
        if (text) {
            skipBlanks();
        }
    }

    private void skipBlanks() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    static boolean isLabelStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isLabelChar(char c) {
        return isLabelStart(c) || c >= '0' && c <= '9';
    }

    static boolean isMetricName(String n) {
        if (n.isEmpty() || !isNameStart(n.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n.length(); i++) {
            if (!isNameChar(n.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
