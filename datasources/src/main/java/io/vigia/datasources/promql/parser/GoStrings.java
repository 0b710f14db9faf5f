package io.vigia.datasources.promql.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Go strings are byte strings and may hold invalid UTF-8 (PromQL's {@code "\xff"}). Such bytes are kept
 * as lone low surrogates U+DC80..U+DCFF (Python's "surrogateescape"), so that they can be told apart
 * from real text, rejected where Prometheus rejects invalid UTF-8, and printed back as {@code \xNN}.
 */
public final class GoStrings {
    private GoStrings() {
    }

    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (0xDC00 + (in.get() & 0xff)));
                }
                continue;
            }
            break;
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }

    /** True when the text came from valid UTF-8 (no escaped raw bytes). */
    public static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Go's strconv.Quote. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                i++;
                if (Character.isDefined(cp) && !Character.isISOControl(cp)) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append(String.format("\\U%08x", cp));
                }
                continue;
            }
            if (c >= 0xDC80 && c <= 0xDCFF) {
                sb.append(String.format("\\x%02x", c - 0xDC00));
                continue;
            }
            switch (c) {
                case '\u0007' -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u000b' -> sb.append("\\v");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isISOControl(c) || !Character.isDefined(c) || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
