package io.vigia.datasources.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one sample line, {@code name{labels} value [timestamp] [# {labels} value [ts]]},
 * before their meaning is checked. Strict mode is OpenMetrics (single spaces, no trailing comma,
 * no trailing white space); lenient mode is the classic text format, which allows runs of blanks.
 */
final class SampleLine {
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
    private boolean strict;

    /** Splits {@code line}; returns an error message, or null when the line is well formed. */
    String parse(String line, boolean strict) {
        this.s = line;
        this.pos = 0;
        this.strict = strict;
        labelNames.clear();
        labelValues.clear();
        exemplarNames.clear();
        exemplarValues.clear();
        timestamp = null;
        hasExemplar = false;
        exemplarValue = null;
        exemplarTimestamp = null;
        if (!strict) {
            skipBlanks();
        }
        int start = pos;
        if (pos < s.length() && isNameStart(s.charAt(pos))) {
            pos++;
            while (pos < s.length() && isNameChar(s.charAt(pos))) {
                pos++;
            }
        }
        name = s.substring(start, pos);
        if (name.isEmpty()) {
            return "invalid metric name at \"" + abbreviate(s) + "\"";
        }
        if (!strict) {
            int afterName = pos;
            skipBlanks();
            if (pos >= s.length() || s.charAt(pos) != '{') {
                pos = afterName; // the blanks separate the value
            }
        }
        if (pos < s.length() && s.charAt(pos) == '{') {
            String err = labels(labelNames, labelValues);
            if (err != null) {
                return err;
            }
        }
        seriesKey = s.substring(0, pos);
        if (!separator()) {
            return pos >= s.length() ? "sample " + name + " has no value" : "expected a space before the value of " + name;
        }
        value = token();
        if (value.isEmpty()) {
            return "sample " + name + " has no value";
        }
        if (pos >= s.length()) {
            return null;
        }
        if (!separator()) {
            return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the value of " + name;
        }
        if (pos >= s.length()) {
            return strict ? "trailing white space after the value of " + name : null;
        }
        if (s.charAt(pos) != '#') {
            timestamp = token();
            if (pos >= s.length()) {
                return null;
            }
            if (!separator()) {
                return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the timestamp of " + name;
            }
            if (pos >= s.length()) {
                return strict ? "trailing white space after the timestamp of " + name : null;
            }
            if (s.charAt(pos) != '#') {
                return "unexpected \"" + abbreviate(s.substring(pos)) + "\" after the timestamp of " + name;
            }
        }
        if (!strict) {
            return "exemplars are an OpenMetrics feature, not valid in the text format 0.0.4";
        }
        return exemplar();
    }

    private String exemplar() {
        // at '#': exactly "# {labels} value[ timestamp]"
        if (!s.startsWith("# {", pos)) {
            return "malformed exemplar: expected \"# {\"";
        }
        hasExemplar = true;
        pos += 2;
        String err = labels(exemplarNames, exemplarValues);
        if (err != null) {
            return "malformed exemplar: " + err;
        }
        if (!separator()) {
            return "malformed exemplar: expected a space and a value after its labels";
        }
        exemplarValue = token();
        if (exemplarValue.isEmpty()) {
            return "malformed exemplar: no value";
        }
        if (pos >= s.length()) {
            return null;
        }
        if (!separator()) {
            return "malformed exemplar: unexpected text after its value";
        }
        exemplarTimestamp = token();
        if (exemplarTimestamp.isEmpty()) {
            return "malformed exemplar: trailing white space";
        }
        if (pos < s.length()) {
            return "malformed exemplar: unexpected text after its timestamp";
        }
        return null;
    }

    private String labels(List<String> names, List<String> values) {
        pos++; // '{'
        if (!strict) {
            skipBlanks();
        }
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return null;
        }
        while (true) {
            if (!strict) {
                skipBlanks();
            }
            int start = pos;
            if (pos < s.length() && isLabelStart(s.charAt(pos))) {
                pos++;
                while (pos < s.length() && isLabelChar(s.charAt(pos))) {
                    pos++;
                }
            }
            if (start == pos) {
                if (!strict && pos < s.length() && s.charAt(pos) == '}' && !names.isEmpty()) {
                    pos++; // the text format tolerates a trailing comma
                    return null;
                }
                return "invalid label name in \"" + abbreviate(s) + "\"";
            }
            String labelName = s.substring(start, pos);
            if (!strict) {
                skipBlanks();
            }
            if (pos >= s.length() || s.charAt(pos) != '=') {
                return "expected '=' after label name " + labelName;
            }
            pos++;
            if (!strict) {
                skipBlanks();
            }
            if (pos >= s.length() || s.charAt(pos) != '"') {
                return "label " + labelName + " needs a value in double quotes";
            }
            pos++;
            StringBuilder v = new StringBuilder();
            boolean closed = false;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '\\' -> v.append('\\');
                        case '"' -> v.append('"');
                        case 'n' -> v.append('\n');
                        default -> v.append('\\').append(e); // kept as written, as the reference parsers do
                    }
                } else {
                    v.append(c);
                }
            }
            if (!closed) {
                return "unterminated value of label " + labelName;
            }
            if (names.contains(labelName)) {
                return "label " + labelName + " appears twice";
            }
            names.add(labelName);
            values.add(v.toString());
            if (!strict) {
                skipBlanks();
            }
            if (pos >= s.length()) {
                return "unterminated label set";
            }
            char c = s.charAt(pos++);
            if (c == '}') {
                return null;
            }
            if (c != ',') {
                return "expected ',' or '}' after the value of label " + labelName;
            }
            if (strict && pos < s.length() && s.charAt(pos) == '}') {
                return "trailing comma in label set";
            }
        }
    }

    /** One separator: a single space in strict mode, a run of blanks otherwise. */
    private boolean separator() {
        if (pos >= s.length() || !(s.charAt(pos) == ' ' || (!strict && s.charAt(pos) == '\t'))) {
            return false;
        }
        pos++;
        if (!strict) {
            skipBlanks();
        } else if (pos < s.length() && s.charAt(pos) == ' ') {
            return false;
        }
        return true;
    }

    private String token() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
            pos++;
        }
        return s.substring(start, pos);
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
