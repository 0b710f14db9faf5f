package io.vigia.datasources.promql.parser;

/** One lexical item: its kind, its text (unquoted for strings) and its offsets. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        IDENT, METRIC_IDENT, NUMBER, DURATION, STRING,
        LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, COLON,
        ASSIGN, EQL_REGEX, NEQ_REGEX,
        ADD, SUB, MUL, DIV, MOD, POW, EQLC, NEQ, LTE, LSS, GTE, GTR, AT,
        EOF
    }

    /** How Prometheus's parser names the item in "unexpected ..." errors. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case IDENT, METRIC_IDENT -> isKeyword() ? "<" + text.toLowerCase(java.util.Locale.ROOT) + ">"
                    : "identifier \"" + text + "\"";
            case NUMBER -> "number \"" + text + "\"";
            case DURATION -> "duration \"" + text + "\"";
            case STRING -> "string";
            case ASSIGN -> "\"=\"";
            case LPAREN -> "\"(\"";
            case RPAREN -> "\")\"";
            case LBRACE -> "\"{\"";
            case RBRACE -> "\"}\"";
            case LBRACKET -> "\"[\"";
            case RBRACKET -> "\"]\"";
            case COMMA -> "\",\"";
            case COLON -> "\":\"";
            case AT -> "<op:@>";
            default -> "<op:" + text + ">";
        };
    }

    boolean isKeyword() {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "and", "or", "unless", "atan2", "by", "without", "on", "ignoring", "group_left", "group_right",
                 "bool", "offset", "start", "end", "sum", "avg", "min", "max", "count", "group", "stddev",
                 "stdvar", "topk", "bottomk", "quantile", "count_values", "limitk", "limit_ratio" -> true;
            default -> false;
        };
    }

    boolean is(String keyword) {
        return (kind == Kind.IDENT) && text.equalsIgnoreCase(keyword);
    }
}
