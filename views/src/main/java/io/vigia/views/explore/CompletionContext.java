package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.views.explore.QueryLexer.Kind;
import io.vigia.views.explore.QueryLexer.Token;

import java.util.List;
import java.util.Set;

/**
 * What the caret is on, for completion: an expression (functions, metric names, keywords), a label
 * name (in braces or a {@code by (...)} list) or a label value (after {@code label="}); the text to
 * replace, the typed prefix, and the metric and label the candidates depend on.
 *
 * @param quote the quote to close a label value with, or 0 when none is needed; {@code "} is also
 *              opened when the caret is right after {@code label=}
 */
public record CompletionContext(Type type, int replaceStart, int replaceEnd, String prefix, String metric,
                                String label, boolean openQuote, char quote) {

    public enum Type { NONE, EXPRESSION, LABEL_NAME, LABEL_VALUE }

    private static final Set<String> MATCH_OPS = Set.of("=", "!=", "=~", "!~");

    public static CompletionContext none(int caret) {
        return new CompletionContext(Type.NONE, caret, caret, "", "", "", false, (char) 0);
    }

    public static CompletionContext at(String text, int caret, QueryLanguage language) {
        int at = Math.clamp(caret, 0, text.length());
        String before = text.substring(0, at);
        QueryLexer.Scan s = QueryLexer.scan(before, language);
        List<Token> tokens = s.tokens();
        if (s.openStringStart() >= 0) {
            return inString(text, at, s, language);
        }
        if (s.inBrackets()) {
            return none(at);
        }
        Token last = tokens.isEmpty() ? null : tokens.getLast();
        boolean typing = last != null && last.end() == at && isWord(last);
        String prefix = typing ? last.text() : "";
        int start = typing ? last.start() : at;
        int end = wordEnd(text, at);
        Token previous = previous(tokens, typing);
        if (s.inBraces()) {
            if (previous != null && previous.kind() == Kind.OPERATOR && MATCH_OPS.contains(previous.text()) && !typing) {
                Token label = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) : null;
                if (label != null && label.kind() == Kind.LABEL) {
                    return new CompletionContext(Type.LABEL_VALUE, at, at, "", braceMetric(tokens, language), label.text(),
                            true, '"');
                }
                return none(at);
            }
            if (previous == null || previous.text().equals("{") || previous.text().equals(",")) {
                return new CompletionContext(Type.LABEL_NAME, start, end, prefix, braceMetric(tokens, language), "", false, (char) 0);
            }
            return none(at);
        }
        if (s.inLabelList()) {
            return new CompletionContext(Type.LABEL_NAME, start, end, prefix, firstMetric(text, language), "", false, (char) 0);
        }
        if (!typing && last != null && last.end() == at && (last.kind() == Kind.NUMBER || last.kind() == Kind.DURATION
                || last.kind() == Kind.STRING)) {
            return none(at);
        }
        return new CompletionContext(Type.EXPRESSION, start, end, prefix, "", "", false, (char) 0);
    }

    private static CompletionContext inString(String text, int at, QueryLexer.Scan s, QueryLanguage language) {
        List<Token> tokens = s.tokens();
        if (!s.inBraces() || tokens.size() < 3) {
            return none(at);
        }
        Token op = tokens.get(tokens.size() - 2);
        Token label = tokens.get(tokens.size() - 3);
        if (op.kind() != Kind.OPERATOR || !MATCH_OPS.contains(op.text()) || label.kind() != Kind.LABEL) {
            return none(at);
        }
        int open = s.openStringStart();
        char quote = text.charAt(open);
        boolean closed = at < text.length() && text.charAt(at) == quote;
        String prefix = text.substring(open + 1, at);
        return new CompletionContext(Type.LABEL_VALUE, open + 1, at, prefix, braceMetric(tokens.subList(0, tokens.size() - 3),
                language), label.text(), false, closed ? (char) 0 : quote);
    }

    private static boolean isWord(Token t) {
        return switch (t.kind()) {
            case METRIC, FUNCTION, AGGREGATION, KEYWORD, LABEL -> true;
            default -> false;
        };
    }

    private static Token previous(List<Token> tokens, boolean typing) {
        int i = tokens.size() - (typing ? 2 : 1);
        return i >= 0 ? tokens.get(i) : null;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i < text.length() && QueryLexer.isIdentPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The metric the open brace belongs to ({@code up} in {@code up{job="x",}}), else "". */
    private static String braceMetric(List<Token> tokens, QueryLanguage language) {
        if (language != QueryLanguage.PROMQL) {
            return "";
        }
        int depth = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i).text();
            if (tokens.get(i).kind() != Kind.PAREN) {
                continue;
            }
            if (t.equals("}")) {
                depth++;
            } else if (t.equals("{")) {
                if (depth == 0) {
                    return i > 0 && tokens.get(i - 1).kind() == Kind.METRIC && tokens.get(i - 1).end() == tokens.get(i).start()
                            ? tokens.get(i - 1).text() : "";
                }
                depth--;
            }
        }
        return "";
    }

    /**
     * For {@code sum by (} the labels of the aggregated metric: the first metric name in the whole
     * query, which is the one meant in all but unusual queries.
     */
    private static String firstMetric(String text, QueryLanguage language) {
        if (language != QueryLanguage.PROMQL) {
            return "";
        }
        return QueryLexer.scan(text, language).tokens().stream().filter(t -> t.kind() == Kind.METRIC).map(Token::text)
                .findFirst().orElse("");
    }
}
