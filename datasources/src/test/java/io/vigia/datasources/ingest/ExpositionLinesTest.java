package io.vigia.datasources.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpositionLinesTest {
    @Test
    void onlyALineFeedEndsALine() throws IOException {
        String text = "a 1\r\nb 2\rc 3\n\nlast";
        assertThat(lines(new ExpositionLines.OfChars(new StringReader(text)))).containsExactly("a 1\r", "b 2\rc 3", "", "last");
        assertThat(lines(new ExpositionLines.OfBytes(new ByteArrayInputStream(text.getBytes())))).containsExactly("a 1\r", "b 2\rc 3", "", "last");
    }

    @Test
    void linesLongerThanTheBufferArriveWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        String text = "a 1\n" + longLine + "\nb 2\n";
        assertThat(lines(new ExpositionLines.OfBytes(new ByteArrayInputStream(text.getBytes())))).containsExactly("a 1", longLine, "b 2");
        assertThat(lines(new ExpositionLines.OfChars(new StringReader(text)))).containsExactly("a 1", longLine, "b 2");
    }

    @Test
    void bytesThatAreNotUtf8MarkTheirLineOnly() throws IOException {
        byte[] bytes = {'o', 'k', ' ', (byte) 0xc3, (byte) 0xa9, '\n', 'b', 'a', 'd', (byte) 0xff, '\n', 'o', 'k', '\n'};
        ExpositionLines lines = new ExpositionLines.OfBytes(new ByteArrayInputStream(bytes));
        List<Boolean> malformed = new ArrayList<>();
        List<String> read = new ArrayList<>();
        String s;
        while ((s = lines.next()) != null) {
            read.add(s);
            malformed.add(lines.malformed());
        }
        assertThat(read).containsExactly("ok é", "bad\uFFFD", "ok");
        assertThat(malformed).containsExactly(false, true, false);
    }

    private static List<String> lines(ExpositionLines lines) throws IOException {
        List<String> out = new ArrayList<>();
        String s;
        while ((s = lines.next()) != null) {
            out.add(s);
        }
        return out;
    }
}
