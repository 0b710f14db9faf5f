package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forgiving tokenizer of PromQL and LogQL for the editor: it never fails, whatever is typed, and
 * says what each piece of text is (metric, function, label, string, ...) for highlighting and
 * where the caret stands for completion. Written by hand because the engine's own lexer stops at
 * the first error and knows no LogQL; validity is the engine's parser's business, not this one's.
 */
public final class QueryLexer {

    /** What a piece of query text is; {@link #styleClass()} is its CSS class in the editor. */
    public enum Kind {
        METRIC("query-metric"), FUNCTION("query-function"), AGGREGATION("query-aggregation"),
        KEYWORD("query-keyword"), LABEL("query-label"), STRING("query-string"), NUMBER("query-number"),
        DURATION("query-duration"), VARIABLE("query-variable"), OPERATOR("query-operator"), PAREN("query-paren"), COMMENT("query-comment"),
        OTHER("query-other");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public record Token(Kind kind, int start, int end, String text) {
    }

    /**
     * The tokens, and where the end of the text stands: inside braces, in a label list such as
     * {@code by (}, in a range's brackets, or in a string that is not closed yet (its opening
     * quote's offset, else -1).
     */
    public record Scan(List<Token> tokens, boolean inBraces, boolean inLabelList, boolean inBrackets,
                       int openStringStart) {
    }

    private static final Set<String> PROMQL_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "atan2");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "keep", "drop");
    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d|w|y))+");
    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]+|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final String[] OPERATORS = {"|=", "|~", "!=", "!~", "=~", "==", "<=", ">=", "|>", "=", "<", ">",
            "+", "-", "*", "/", "%", "^", "|", "@", ",", ":"};

    private QueryLexer() {
    }

    public static Scan scan(String text, QueryLanguage language) {
        FunctionDocs docs = FunctionDocs.of(language);
        List<Token> out = new ArrayList<>();
        Deque<Boolean> parens = new ArrayDeque<>(); // true: a label list's parenthesis
        int braces = 0;
        int brackets = 0;
        boolean labelListNext = false;
        int openString = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                out.add(new Token(Kind.COMMENT, start, i, text.substring(start, i)));
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && c != '`' && i + 1 < n) {
                        i += 2;
                        continue;
                    }
                    i++;
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    if (d == '\n' && c != '`') {
                        break;
                    }
                }
                if (!closed && i >= n) {
                    openString = start;
                }
                out.add(new Token(Kind.STRING, start, i, text.substring(start, i)));
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                Matcher d = DURATION.matcher(text).region(i, n);
                Matcher num = NUMBER.matcher(text).region(i, n);
                if (d.lookingAt() && !(d.end() < n && isIdentPart(text.charAt(d.end())))) {
                    i = d.end();
                    out.add(new Token(Kind.DURATION, start, i, text.substring(start, i)));
                } else if (num.lookingAt()) {
                    i = num.end();
                    out.add(new Token(Kind.NUMBER, start, i, text.substring(start, i)));
                } else {
                    i++;
                    out.add(new Token(Kind.OTHER, start, i, text.substring(start, i)));
                }
                continue;
            }
            if (c == '$' && i + 1 < n && (isIdentStart(text.charAt(i + 1)) || text.charAt(i + 1) == '{')) {
                // a Grafana variable such as $__rate_interval or ${job}
                i++;
                if (text.charAt(i) == '{') {
                    int close = text.indexOf('}', i);
                    i = close < 0 ? n : close + 1;
                } else {
                    while (i < n && isIdentPart(text.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Token(Kind.VARIABLE, start, i, text.substring(start, i)));
                continue;
            }
            if (isIdentStart(c)) {
                while (i < n && (isIdentPart(text.charAt(i)) || (language == QueryLanguage.LOGQL && braces == 0
                        && text.charAt(i) == '.' && i + 1 < n && isIdentPart(text.charAt(i + 1))))) {
                    i++;
                }
                String word = text.substring(start, i);
                Kind kind = classify(word, text, i, language, docs, braces > 0, Boolean.TRUE.equals(parens.peek()));
                if (kind == Kind.KEYWORD && LABEL_LIST_KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                    labelListNext = !word.equalsIgnoreCase("keep") && !word.equalsIgnoreCase("drop");
                }
                out.add(new Token(kind, start, i, word));
                continue;
            }
            switch (c) {
                case '(' -> {
                    parens.push(labelListNext);
                    labelListNext = false;
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, "("));
                    continue;
                }
                case ')' -> {
                    if (!parens.isEmpty()) {
                        parens.pop();
                    }
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, ")"));
                    continue;
                }
                case '{' -> {
                    braces++;
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, "{"));
                    continue;
                }
                case '}' -> {
                    braces = Math.max(0, braces - 1);
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, "}"));
                    continue;
                }
                case '[' -> {
                    brackets++;
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, "["));
                    continue;
                }
                case ']' -> {
                    brackets = Math.max(0, brackets - 1);
                    i++;
                    out.add(new Token(Kind.PAREN, start, i, "]"));
                    continue;
                }
                default -> {
                    // an operator, or a character no query has
                }
            }
            String op = operatorAt(text, i);
            if (op != null) {
                i += op.length();
                out.add(new Token(Kind.OPERATOR, start, i, op));
            } else {
                i++;
                out.add(new Token(Kind.OTHER, start, i, text.substring(start, i)));
            }
        }
        return new Scan(List.copyOf(out), braces > 0, Boolean.TRUE.equals(parens.peek()), brackets > 0, openString);
    }

    private static Kind classify(String word, String text, int after, QueryLanguage language, FunctionDocs docs,
                                 boolean inBraces, boolean inLabelList) {
        if (inBraces || inLabelList) {
            return Kind.LABEL;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("nan")) {
            return Kind.NUMBER;
        }
        if (docs.isKind(lower, "aggregation") && (nextIs(text, after, '(') || nextWordIsGrouping(text, after))) {
            return Kind.AGGREGATION;
        }
        if (docs.isKind(word, "function") && nextIs(text, after, '(')) {
            return Kind.FUNCTION;
        }
        if (language == QueryLanguage.PROMQL) {
            return PROMQL_KEYWORDS.contains(lower) ? Kind.KEYWORD : Kind.METRIC;
        }
        if (docs.isKind(lower, "keyword") || docs.isKind(lower, "parser")) {
            return Kind.KEYWORD;
        }
        // in LogQL, a bare word after a parser is a label extracted from the line (| status >= 500)
        return Kind.LABEL;
    }

    private static boolean nextIs(String text, int from, char wanted) {
        int i = skipSpace(text, from);
        return i < text.length() && text.charAt(i) == wanted;
    }

    private static boolean nextWordIsGrouping(String text, int from) {
        int i = skipSpace(text, from);
        String rest = text.substring(i).toLowerCase(Locale.ROOT);
        return (rest.startsWith("by") || rest.startsWith("without"))
                && nextIs(text, i + (rest.startsWith("by") ? 2 : 7), '(');
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) && c < 128 || c == '_' || c == ':';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
