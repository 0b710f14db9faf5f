package io.vigia.dashboards.report.write;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TrueType fonts a PDF report embeds (as subsets, so text stays selectable and searchable).
 * DejaVu Sans first: it is what Java's logical "SansSerif" resolves to on Linux desktops, so the
 * charts' AWT text metrics match the embedded glyphs. Where DejaVu is not installed (Windows,
 * macOS), Liberation Sans from PDFBox's own jar, which is metric-compatible with Arial.
 */
final class ReportFonts implements java.io.Closeable {
    private static final List<Path> DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"), Path.of("/usr/local/share/fonts"),
            Path.of("/Library/Fonts"), Path.of(System.getProperty("user.home"), ".fonts"));
    private static final String LIBERATION = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    final PDFont regular;
    final PDFont bold;
    private final Map<Integer, Boolean> regularGlyphs = new HashMap<>();
    private final Map<Integer, Boolean> boldGlyphs = new HashMap<>();

    private final List<TrueTypeFont> open;

    private ReportFonts(PDFont regular, PDFont bold, List<TrueTypeFont> open) {
        this.regular = regular;
        this.bold = bold;
        this.open = open;
    }

    /** Closes the font files; call after the document is saved (subsetting reads them then). */
    @Override
    public void close() throws IOException {
        for (TrueTypeFont f : open) {
            f.close();
        }
    }

    /**
     * Without GSUB: PDFBox would otherwise apply the font's Latin ligatures ("fl" to U+FB02), and
     * copied or extracted text would no longer read "flagged".
     */
    private static TrueTypeFont parse(RandomAccessRead in) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(in);
        ttf.setEnableGsub(false);
        return ttf;
    }

    static ReportFonts load(PDDocument doc) throws IOException {
        Path r = find("DejaVuSans.ttf");
        Path b = find("DejaVuSans-Bold.ttf");
        if (r != null && b != null) {
            TrueTypeFont tr = parse(new RandomAccessReadBufferedFile(r.toFile()));
            TrueTypeFont tb = parse(new RandomAccessReadBufferedFile(b.toFile()));
            return new ReportFonts(PDType0Font.load(doc, tr, true), PDType0Font.load(doc, tb, true), List.of(tr, tb));
        }
        try (InputStream in = ReportFonts.class.getResourceAsStream(LIBERATION)) {
            if (in == null) {
                throw new IOException("no font to embed: neither DejaVu Sans nor PDFBox's Liberation Sans was found");
            }
            TrueTypeFont t = parse(new RandomAccessReadBuffer(in.readAllBytes()));
            PDFont f = PDType0Font.load(doc, t, true);
            return new ReportFonts(f, f, List.of(t));
        }
    }

    private static Path find(String file) {
        for (Path dir : DIRS) {
            Path p = dir.resolve(file);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * {@code text} with what the font cannot show replaced by "?", and line breaks and other
     * control characters by spaces: telemetry may hold any code point, and PDFBox refuses to
     * encode a glyph the font lacks rather than dropping it.
     */
    String printable(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> cache = font == bold && bold != regular ? boldGlyphs : regularGlyphs;
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (cache.computeIfAbsent(cp, c -> encodable(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
