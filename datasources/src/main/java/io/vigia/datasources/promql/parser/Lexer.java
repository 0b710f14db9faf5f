package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.PosRange;

import java.util.ArrayList;
import java.util.List;

/**
 * PromQL tokenizer. Written by hand (no parser generator in the dependency set) so that error
 * messages and byte positions match Prometheus's own lexer closely.
 */
final class Lexer {
    private final String in;
    private int pos;
    private int braceDepth;
    private int bracketDepth;
    private int parenDepth;

    Lexer(String in) {
        this.in = in;
    }

    static List<Token> tokenize(String in) {
        Lexer l = new Lexer(in);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = l.next();
            out.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return out;
    }

    private ParseException error(int at, String msg) {
        return new ParseException(in, new PosRange(at, at), msg);
    }

    private Token tok(Token.Kind k, int start) {
        return new Token(k, in.substring(start, pos), start, pos);
    }

    Token next() {
        skipSpace();
        int start = pos;
        if (pos >= in.length()) {
            if (braceDepth > 0) {
                throw error(pos, "unexpected end of input inside braces");
            }
            if (bracketDepth > 0) {
                throw error(pos, "unexpected end of input in duration expression");
            }
            if (parenDepth > 0) {
                throw error(pos, "unclosed left parenthesis");
            }
            return new Token(Token.Kind.EOF, "", pos, pos);
        }
        char c = in.charAt(pos);
        if (braceDepth > 0) {
            return insideBraces(c, start);
        }
        switch (c) {
            case '(' -> { parenDepth++; pos++; return tok(Token.Kind.LPAREN, start); }
            case ')' -> {
                pos++;
                if (parenDepth == 0) {
                    throw error(pos, "unexpected right parenthesis ')'");
                }
                parenDepth--;
                return tok(Token.Kind.RPAREN, start);
            }
            case '{' -> {
                if (braceDepth > 0) {
                    throw error(pos, "unexpected left brace '{' inside braces");
                }
                braceDepth++; pos++; return tok(Token.Kind.LBRACE, start);
            }
            case '}' -> throw error(pos, "unexpected character: '}'");
            case '[' -> {
                if (bracketDepth > 0) {
                    throw error(pos, "unexpected left bracket '['");
                }
                bracketDepth++; pos++; return tok(Token.Kind.LBRACKET, start);
            }
            case ']' -> {
                if (bracketDepth == 0) {
                    throw error(pos, "unexpected right bracket ']'");
                }
                bracketDepth--; pos++; return tok(Token.Kind.RBRACKET, start);
            }
            case ',' -> { pos++; return tok(Token.Kind.COMMA, start); }
            case ':' -> {
                if (bracketDepth == 0) {
                    throw error(pos, "unexpected colon ':'");
                }
                pos++; return tok(Token.Kind.COLON, start);
            }
            case '@' -> { pos++; return tok(Token.Kind.AT, start); }
            case '+' -> { pos++; return tok(Token.Kind.ADD, start); }
            case '-' -> { pos++; return tok(Token.Kind.SUB, start); }
            case '*' -> { pos++; return tok(Token.Kind.MUL, start); }
            case '/' -> { pos++; return tok(Token.Kind.DIV, start); }
            case '%' -> { pos++; return tok(Token.Kind.MOD, start); }
            case '^' -> { pos++; return tok(Token.Kind.POW, start); }
            case '=' -> {
                pos++;
                if (peek('=')) { pos++; return tok(Token.Kind.EQLC, start); }
                if (peek('~')) {
                    throw error(start, "unexpected character after '=': '~'");
                }
                return tok(Token.Kind.ASSIGN, start);
            }
            case '!' -> {
                pos++;
                if (peek('=')) { pos++; return tok(Token.Kind.NEQ, start); }
                throw error(start, "unexpected character after '!': " + describeChar(pos));
            }
            case '<' -> {
                pos++;
                if (peek('=')) { pos++; return tok(Token.Kind.LTE, start); }
                return tok(Token.Kind.LSS, start);
            }
            case '>' -> {
                pos++;
                if (peek('=')) { pos++; return tok(Token.Kind.GTE, start); }
                return tok(Token.Kind.GTR, start);
            }
            case '"', '\'', '`' -> { return lexString(c); }
            default -> { }
        }
        if (isDigit(c) || (c == '.' && pos + 1 < in.length() && isDigit(in.charAt(pos + 1)))) {
            return lexNumberOrDuration();
        }
        if (isAlpha(c)) {
            while (pos < in.length() && (isAlphaNum(in.charAt(pos)) || in.charAt(pos) == ':')) {
                pos++;
            }
            String word = in.substring(start, pos);
            if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("nan")) {
                return tok(Token.Kind.NUMBER, start);
            }
            return tok(word.indexOf(':') >= 0 ? Token.Kind.METRIC_IDENT : Token.Kind.IDENT, start);
        }
        throw error(start, "unexpected character: " + describeChar(start));
    }

    /** Inside braces only label names, strings, matching operators and commas may appear. */
    private Token insideBraces(char c, int start) {
        switch (c) {
            case ',' -> { pos++; return tok(Token.Kind.COMMA, start); }
            case '}' -> { braceDepth--; pos++; return tok(Token.Kind.RBRACE, start); }
            case '"', '\'', '`' -> { return lexString(c); }
            case '=' -> {
                pos++;
                if (peek('~')) { pos++; return tok(Token.Kind.EQL_REGEX, start); }
                return tok(Token.Kind.ASSIGN, start);
            }
            case '!' -> {
                pos++;
                if (peek('=')) { pos++; return tok(Token.Kind.NEQ, start); }
                if (peek('~')) { pos++; return tok(Token.Kind.NEQ_REGEX, start); }
                throw error(start, "unexpected character inside braces: '!'");
            }
            case '{' -> throw error(pos, "unexpected left brace '{' inside braces");
            default -> { }
        }
        if (isAlpha(c)) {
            while (pos < in.length() && isAlphaNum(in.charAt(pos))) {
                pos++;
            }
            return tok(Token.Kind.IDENT, start);
        }
        throw error(start, "unexpected character inside braces: " + describeChar(start));
    }

    private String describeChar(int at) {
        if (at >= in.length()) {
            return "end of input";
        }
        return "'" + new String(Character.toChars(in.codePointAt(at))) + "'";
    }

    private boolean peek(char c) {
        return pos < in.length() && in.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '#') {
                while (pos < in.length() && in.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
    }

    private Token lexNumberOrDuration() {
        int start = pos;
        if (in.startsWith("0x", pos) || in.startsWith("0X", pos)) {
            pos += 2;
            while (pos < in.length() && Character.digit(in.charAt(pos), 16) >= 0) {
                pos++;
            }
            checkNumberEnd(start);
            return tok(Token.Kind.NUMBER, start);
        }
        digits();
        boolean isFloat = false;
        if (peek('.')) {
            pos++;
            digits();
            isFloat = true;
        }
        if (peek('e') || peek('E')) {
            int save = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (pos < in.length() && isDigit(in.charAt(pos))) {
                digits();
                isFloat = true;
            } else {
                pos = save;
            }
        }
        if (!isFloat && pos < in.length() && isDurationUnitStart(in.charAt(pos))) {
            if (!acceptRemainingDuration()) {
                pos = Math.min(pos + 1, in.length()); // the duration may end the input ("x[2y2")
                throw new ParseException(in, new PosRange(start, pos),
                        "bad number or duration syntax: \"" + in.substring(start, pos) + "\"");
            }
            String text = in.substring(start, pos);
            if (Durations.parseMillisOrNull(text) == null) {
                String unit = unknownUnit(text);
                throw new ParseException(in, new PosRange(start, pos), unit != null
                        ? "unknown unit \"" + unit + "\" in duration \"" + text + "\""
                        : "not a valid duration string: \"" + text + "\"");
            }
            return tok(Token.Kind.DURATION, start);
        }
        checkNumberEnd(start);
        return tok(Token.Kind.NUMBER, start);
    }

    private void checkNumberEnd(int start) {
        if (pos < in.length() && (isAlphaNum(in.charAt(pos)) || in.charAt(pos) == '.')) {
            pos++;
            throw new ParseException(in, new PosRange(start, pos),
                    "bad number or duration syntax: \"" + in.substring(start, pos) + "\"");
        }
    }

    /** Scans units and further number-unit pairs after the first number, as Prometheus's lexer does. */
    private boolean acceptRemainingDuration() {
        if (!accept("nsuµmhdwy")) {
            return false;
        }
        accept("s");
        while (accept("0123456789")) {
            while (accept("0123456789")) {
                // digits
            }
            if (!accept("nsuµmhdw")) {
                return false;
            }
            accept("s");
        }
        return pos >= in.length() || !isAlphaNum(in.charAt(pos));
    }

    private boolean accept(String chars) {
        if (pos < in.length() && chars.indexOf(in.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private static String unknownUnit(String text) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < text.length() && !Character.isDigit(text.charAt(j))) {
                j++;
            }
            String u = text.substring(i, j);
            if (!java.util.List.of("y", "w", "d", "h", "m", "s", "ms").contains(u)) {
                return u;
            }
            i = j;
        }
        return null;
    }

    private static boolean isDurationUnitStart(char c) {
        return c == 'y' || c == 'w' || c == 'd' || c == 'h' || c == 'm' || c == 's';
    }

    private void digits() {
        while (pos < in.length() && (isDigit(in.charAt(pos)) || in.charAt(pos) == '_')) {
            pos++;
        }
    }

    private Token lexString(char quote) {
        int start = pos;
        try {
            GoStrings.Literal s = GoStrings.unquote(in, start);
            pos = s.end();
            return new Token(Token.Kind.STRING, s.value(), start, pos);
        } catch (GoStrings.BadLiteral e) {
            throw error(start, e.getMessage());
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphaNum(char c) {
        return isAlpha(c) || isDigit(c);
    }
}
