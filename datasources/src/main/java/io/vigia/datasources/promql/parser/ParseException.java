package io.vigia.datasources.promql.parser;

import io.vigia.datasources.promql.ast.PosRange;

/** A PromQL syntax or type error, rendered like Prometheus: {@code 1:5: parse error: ...}. */
public class ParseException extends RuntimeException {
    private final PosRange pos;
    private final String detail;

    public ParseException(String query, PosRange pos, String detail) {
        super(position(query, pos.start()) + ": parse error: " + detail);
        this.pos = pos;
        this.detail = detail;
    }

    public PosRange pos() {
        return pos;
    }

    public String detail() {
        return detail;
    }

    /** Prometheus's {@code line:column}, both 1-based, column counted in bytes of the line. */
    public static String position(String query, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, query.length());
        for (int i = 0; i < end; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }
}
