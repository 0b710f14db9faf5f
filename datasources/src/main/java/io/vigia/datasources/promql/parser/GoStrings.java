package io.vigia.datasources.promql.parser;

import java.io.ByteArrayOutputStream;
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
    /** Marks a byte from a \\x or octal escape until the string is decoded as UTF-8, as Go does. */
    private static final char RAW_BYTE = '\uF700';

    private GoStrings() {
    }

    /** A string literal read from query text: its value and the offset just past its closing quote. */
    public record Literal(String value, int end) {
    }

    /** A string literal Go would refuse, with Go's message; the caller names its position. */
    public static final class BadLiteral extends IllegalArgumentException {
        public BadLiteral(String message) {
            super(message);
        }
    }

    /**
     * Go's {@code strconv.Unquote} of the literal whose opening quote is at {@code start}, as the
     * PromQL and LogQL lexers read strings: in {@code "..."} and {@code '...'} the escapes
     * {@code \a \b \f \n \r \t \v \\}, the literal's own quote, {@code \xNN}, three octal digits,
     * &#92;uNNNN and &#92;UNNNNNNNN (no surrogates, nothing past U+10FFFF), no newline;
     * {@code `...`} is raw. Bytes from {@code \x} and octal escapes are decoded as UTF-8 together.
     */
    public static Literal unquote(CharSequence in, int start) {
        char quote = in.charAt(start);
        int pos = start + 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw new BadLiteral(quote == '`' ? "unterminated raw string" : "unterminated quoted string");
            }
            char c = in.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (quote != '`' && c == '\n') {
                throw new BadLiteral("unterminated quoted string");
            }
            if (c != '\\' || quote == '`') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= in.length()) {
                throw new BadLiteral("escape sequence not terminated");
            }
            char e = in.charAt(pos++);
            switch (e) {
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '\\' -> sb.append('\\');
                case '"', '\'' -> {
                    if (e != quote) {
                        throw new BadLiteral(unknownEscape(e));
                    }
                    sb.append(e);
                }
                case 'x' -> {
                    sb.append((char) (RAW_BYTE + hex(in, pos, 2)));
                    pos += 2;
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int v = hex(in, pos, digits); // eight hex digits may overflow to a negative int
                    if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000)) {
                        throw new BadLiteral("escape sequence is an invalid Unicode code point");
                    }
                    sb.appendCodePoint(v);
                    pos += digits;
                }
                default -> {
                    if (e < '0' || e > '7') {
                        throw new BadLiteral(unknownEscape(e));
                    }
                    pos--;
                    int v = 0;
                    for (int i = 0; i < 3; i++) {
                        if (pos >= in.length() || in.charAt(pos) < '0' || in.charAt(pos) > '7') {
                            throw new BadLiteral(illegalEscapeChar(in, pos));
                        }
                        v = v * 8 + (in.charAt(pos++) - '0');
                    }
                    sb.append((char) (RAW_BYTE + (v & 0xff)));
                }
            }
        }
        return new Literal(decodeRawBytes(sb), pos);
    }

    private static int hex(CharSequence in, int pos, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = pos + i < in.length() ? Character.digit(in.charAt(pos + i), 16) : -1;
            if (d < 0) {
                throw new BadLiteral(illegalEscapeChar(in, pos + i));
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static String unknownEscape(char e) {
        return String.format("unknown escape sequence U+%04X '%c'", (int) e, e);
    }

    private static String illegalEscapeChar(CharSequence in, int pos) {
        if (pos >= in.length()) {
            return "escape sequence not terminated";
        }
        char c = in.charAt(pos);
        return String.format("illegal character U+%04X '%c' in escape sequence", (int) c, c);
    }

    private static String decodeRawBytes(StringBuilder sb) {
        if (sb.chars().noneMatch(c -> c >= RAW_BYTE && c <= RAW_BYTE + 0xff)) {
            return sb.toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c >= RAW_BYTE && c <= RAW_BYTE + 0xff) {
                out.write(c - RAW_BYTE);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < sb.length() ? i + 2 : i + 1;
                byte[] b = sb.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return decodeUtf8(out.toByteArray());
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
