package io.vigia.datasources.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an exposition, split at line feeds only, as Prometheus's lexers read them: a
 * carriage return stays in the line (where it is no valid character), unlike
 * {@link java.io.BufferedReader#readLine()}. A final line without a line feed is still a line.
 */
sealed interface ExpositionLines permits ExpositionLines.OfBytes, ExpositionLines.OfChars {

    /** The next line without its line feed, or null at the end. */
    String next() throws IOException;

    /** Whether the line last returned was not valid UTF-8 (its bad bytes are U+FFFD in the string). */
    boolean malformed();

    /** UTF-8 bytes, e.g. a scraped response body; each line is checked to be valid UTF-8. */
    final class OfBytes implements ExpositionLines {
        private final InputStream in;
        private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buf = new byte[1 << 16];
        private int start;
        private int scanned;
        private int end;
        private int highBits;
        private boolean eof;
        private boolean malformed;

        OfBytes(InputStream in) {
            this.in = in;
        }

        @Override
        public String next() throws IOException {
            while (true) {
                for (int i = scanned; i < end; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        String line = decode(start, i);
                        start = i + 1;
                        scanned = start;
                        highBits = 0;
                        return line;
                    }
                    highBits |= b;
                }
                scanned = end;
                if (eof) {
                    if (start == end) {
                        return null;
                    }
                    String line = decode(start, end);
                    start = end;
                    return line;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }

        private String decode(int from, int to) {
            malformed = false;
            if (highBits < 0) { // some byte has its high bit set: not plain ASCII
                try {
                    return strict.decode(ByteBuffer.wrap(buf, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    malformed = true;
                }
            }
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        public boolean malformed() {
            return malformed;
        }
    }

    /** Characters already decoded, e.g. a file read through a Reader. */
    final class OfChars implements ExpositionLines {
        private final Reader in;
        private char[] buf = new char[1 << 16];
        private int start;
        private int scanned;
        private int end;
        private boolean eof;

        OfChars(Reader in) {
            this.in = in;
        }

        @Override
        public String next() throws IOException {
            while (true) {
                for (int i = scanned; i < end; i++) {
                    if (buf[i] == '\n') {
                        String line = new String(buf, start, i - start);
                        start = i + 1;
                        scanned = start;
                        return line;
                    }
                }
                scanned = end;
                if (eof) {
                    if (start == end) {
                        return null;
                    }
                    String line = new String(buf, start, end - start);
                    start = end;
                    return line;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
        }

        @Override
        public boolean malformed() {
            return false;
        }
    }
}
