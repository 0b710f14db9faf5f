package io.vigia.datasources.logs;

import io.vigia.datasources.promql.parser.GoStrings;

import io.vigia.datasources.api.QueryException;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The subset of LogQL the embedded workspace answers: a stream selector with {@code =},
 * {@code !=}, {@code =~}, {@code !~} matchers (regexes anchored, as in Loki), followed by line
 * filters {@code |=}, {@code !=}, {@code |~}, {@code !~} (substring or unanchored regex). Strings
 * are double-quoted with Go's escapes or backtick-quoted raw. Parsers ({@code | json}), formatting,
 * label filters, {@code or} in filters and metric queries are refused with a message that names
 * what is not supported and points to a Loki source.
 *
 * <p>Written by hand: no Java LogQL parser exists, and this grammar is a dozen rules.
 */
public record EmbeddedLogQuery(List<LabelMatcher> selector, List<LineFilter> filters) {
    public static final String USE_LOKI = "not supported by the embedded workspace; use a Loki source";

    public EmbeddedLogQuery {
        selector = List.copyOf(selector);
        filters = List.copyOf(filters);
    }

    public enum FilterOp {
        CONTAINS("|="), NOT_CONTAINS("!="), MATCHES("|~"), NOT_MATCHES("!~");

        private final String symbol;

        FilterOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One line filter; {@code pattern} is set for the regex operators. */
    public record LineFilter(FilterOp op, String value, Pattern pattern) {
        public boolean matches(String line) {
            return switch (op) {
                case CONTAINS -> line.contains(value);
                case NOT_CONTAINS -> !line.contains(value);
                case MATCHES -> pattern.matcher(line).find();
                case NOT_MATCHES -> !pattern.matcher(line).find();
            };
        }
    }

    /** Whether a line of a stream with these labels is selected. */
    public boolean matches(Labels labels, String line) {
        for (LabelMatcher m : selector) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        for (LineFilter f : filters) {
            if (!f.matches(line)) {
                return false;
            }
        }
        return true;
    }

    /** @throws QueryException ({@code bad_data}) naming the position and what is wrong or unsupported */
    public static EmbeddedLogQuery parse(String query) {
        return new Parser(query == null ? "" : query).parse();
    }

    private static final class Parser {
        private final String q;
        private int pos;

        Parser(String q) {
            this.q = q;
        }

        EmbeddedLogQuery parse() {
            skipSpace();
            if (pos >= q.length()) {
                throw error("empty query: write a stream selector such as {app=\"chat-assistant\"}");
            }
            if (q.charAt(pos) != '{') {
                String word = word();
                if (!word.isEmpty()) {
                    throw error("\"" + word + "\": metric queries and functions are " + USE_LOKI
                            + " (the embedded workspace answers log queries: a stream selector and line filters)");
                }
                throw error("a log query starts with a stream selector such as {app=\"chat-assistant\"}");
            }
            pos++;
            List<LabelMatcher> matchers = new ArrayList<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    matchers.add(matcher());
                    skipSpace();
                    char c = peek();
                    pos++;
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        pos--;
                        throw error("expected , or } in the stream selector");
                    }
                    skipSpace();
                }
            }
            if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
                throw error("the stream selector needs at least one matcher that does not match the empty string, "
                        + "e.g. {job=\"guardrail\"} (as Loki requires)");
            }
            List<LineFilter> filters = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= q.length()) {
                    break;
                }
                int start = pos;
                String op = q.substring(pos, Math.min(q.length(), pos + 2));
                FilterOp fop = switch (op) {
                    case "|=" -> FilterOp.CONTAINS;
                    case "!=" -> FilterOp.NOT_CONTAINS;
                    case "|~" -> FilterOp.MATCHES;
                    case "!~" -> FilterOp.NOT_MATCHES;
                    default -> null;
                };
                if (fop == null) {
                    if (q.charAt(pos) == '|') {
                        pos++;
                        skipSpace();
                        String stage = word();
                        pos = start;
                        throw error("the pipeline stage \"| " + (stage.isEmpty() ? rest() : stage) + "\" is " + USE_LOKI
                                + " (supported: line filters |=, !=, |~, !~)");
                    }
                    throw error("unexpected \"" + rest() + "\" after the stream selector (supported: line filters |=, !=, |~, !~)");
                }
                pos += 2;
                skipSpace();
                if (peek() != '"' && peek() != '`') {
                    String w = word();
                    pos = start;
                    throw error(w.isEmpty() ? "a line filter takes a quoted string"
                            : "the line filter function \"" + w + "\" is " + USE_LOKI);
                }
                int valuePos = pos;
                String value = string();
                Pattern pattern = null;
                if (fop == FilterOp.MATCHES || fop == FilterOp.NOT_MATCHES) {
                    pattern = compile(value, valuePos);
                }
                skipSpace();
                if (q.startsWith("or", pos) && (pos + 2 >= q.length() || !Character.isLetterOrDigit(q.charAt(pos + 2)))) {
                    throw error("\"or\" between line filters is " + USE_LOKI);
                }
                filters.add(new LineFilter(fop, value, pattern));
            }
            return new EmbeddedLogQuery(matchers, filters);
        }

        private LabelMatcher matcher() {
            int start = pos;
            String name = word();
            if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                pos = start;
                throw error("expected a label name");
            }
            skipSpace();
            LabelMatcher.Type type;
            if (q.startsWith("=~", pos)) {
                type = LabelMatcher.Type.REGEX;
                pos += 2;
            } else if (q.startsWith("!~", pos)) {
                type = LabelMatcher.Type.NOT_REGEX;
                pos += 2;
            } else if (q.startsWith("!=", pos)) {
                type = LabelMatcher.Type.NOT_EQUAL;
                pos += 2;
            } else if (q.startsWith("=", pos)) {
                type = LabelMatcher.Type.EQUAL;
                pos += 1;
            } else {
                throw error("expected =, !=, =~ or !~ after the label " + name);
            }
            skipSpace();
            int valuePos = pos;
            String value = string();
            if (type == LabelMatcher.Type.REGEX || type == LabelMatcher.Type.NOT_REGEX) {
                compile(value, valuePos); // the message with its position; LabelMatcher anchors it
            }
            return LabelMatcher.of(type, name, value);
        }

        private Pattern compile(String regex, int at) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                pos = at;
                throw error("invalid regular expression: " + e.getDescription());
            }
        }

        /**
         * A double-quoted string with Go's escapes, or a backtick-quoted raw one, decoded as the
         * PromQL lexer decodes them ({@link GoStrings#unquote}): the same text means the same.
         */
        private String string() {
            char open = peek();
            if (open != '"' && open != '`') {
                throw error("expected a quoted string");
            }
            try {
                GoStrings.Literal s = GoStrings.unquote(q, pos);
                pos = s.end();
                return s.value();
            } catch (GoStrings.BadLiteral e) {
                throw error(e.getMessage());
            }
        }

        private String word() {
            int start = pos;
            while (pos < q.length() && (Character.isLetterOrDigit(q.charAt(pos)) || q.charAt(pos) == '_')) {
                pos++;
            }
            return q.substring(start, pos);
        }

        private String rest() {
            String r = q.substring(pos).strip();
            return r.length() > 40 ? r.substring(0, 40) + "…" : r;
        }

        private char peek() {
            return pos < q.length() ? q.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < q.length() && Character.isWhitespace(q.charAt(pos))) {
                pos++;
            }
        }

        private QueryException error(String message) {
            return new QueryException("bad_data", "parse error at column " + (pos + 1) + ": " + message);
        }
    }
}
