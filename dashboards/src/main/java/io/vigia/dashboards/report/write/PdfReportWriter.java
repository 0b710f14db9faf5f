package io.vigia.dashboards.report.write;

import io.vigia.dashboards.model.KpiDirection;
import io.vigia.persistence.files.OwnerOnlyFiles;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.vigia.dashboards.chart.surface.ChartExport;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import io.vigia.dashboards.report.KpiTest;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportRedaction;
import io.vigia.dashboards.report.ValueFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The report as a PDF (PDFBox 3): real text in embedded TrueType fonts (selectable, searchable,
 * what {@code pdftotext} reads), charts as vector graphics painted by the app's own renderers
 * through pdfbox-graphics2d, page numbers in the footer, A4 or Letter. {@link ChartMode#RASTER}
 * embeds the charts as PNG images instead (for comparison of file sizes; vector is the default).
 */
public final class PdfReportWriter {
    /** How charts go into the PDF. */
    public enum ChartMode { VECTOR, RASTER }

    static final float MARGIN = 48;
    static final float FOOTER = 28;
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.35f;
    private static final Color TEXT = new Color(0x1F, 0x23, 0x28);
    private static final Color MUTED = new Color(0x5F, 0x66, 0x6D);
    private static final Color RULE = new Color(0xD0, 0xD4, 0xD9);
    private static final Color HEADER_FILL = new Color(0xEE, 0xF0, 0xF3);
    private static final Color ALERT = new Color(0xC4, 0x31, 0x2B);
    private static final Color ALERT_FILL = new Color(0xFD, 0xEC, 0xEA);
    private static final Color GOOD = new Color(0x1A, 0x7F, 0x37);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Paper paper;
    private final ChartMode chartMode;

    public PdfReportWriter(Paper paper, ChartMode chartMode) {
        this.paper = paper;
        this.chartMode = chartMode;
    }

    public PdfReportWriter(Paper paper) {
        this(paper, ChartMode.VECTOR);
    }

    public void write(Report report, Path file) throws IOException {
        OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = OwnerOnlyFiles.newOutputStream(file)) {
            write(report, out);
        }
    }

    public void write(Report report, OutputStream out) throws IOException {
        Report r = ReportRedaction.apply(report);
        try (PDDocument doc = new PDDocument(); ReportFonts fonts = ReportFonts.load(doc)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(r.title() + " — weekly report " + r.week());
            info.setCreator("Vigia");
            info.setProducer("Vigia (Apache PDFBox)");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            created.setTimeInMillis(r.generatedAt().toEpochMilli());
            info.setCreationDate(created);
            try (Layout l = new Layout(doc, fonts, paper.size())) {
                writeBody(r, l, doc, fonts);
            }
            footers(r, doc, fonts);
            doc.save(out);
        }
    }

    private void writeBody(Report r, Layout l, PDDocument doc, ReportFonts fonts) throws IOException {
        l.text(r.title() + " — weekly report", fonts.bold, 20, TEXT);
        l.gap(4);
        l.text(r.week() + " · " + DAY.format(r.from().atZone(r.zone())) + " to "
                + DAY.format(r.to().atZone(r.zone()).minusDays(1)) + " · " + r.zone().getId(), fonts.regular, BODY, MUTED);
        l.text("Generated " + STAMP.format(r.generatedAt()) + " by Vigia from dashboard \"" + r.dashboardUid() + "\"",
                fonts.regular, SMALL, MUTED);
        l.gap(10);
        if (r.noData()) {
            l.banner("NO DATA: no panel had a sample in " + r.week() + ".", fonts);
        } else if (r.partial()) {
            l.banner("PARTIAL REPORT: " + r.problems().size() + (r.problems().size() == 1 ? " part" : " parts")
                    + " could not be computed; see \"Problems\" at the end.", fonts);
        }
        l.heading("Summary");
        for (String s : r.summary()) {
            l.paragraph("•  " + s, fonts.regular, BODY, TEXT, 10);
        }
        l.gap(8);
        if (!r.kpis().isEmpty()) {
            l.heading("Key numbers");
            List<List<String>> rows = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            KpiSources sources = KpiSources.of(r.kpis());
            for (int i = 0; i < r.kpis().size(); i++) {
                Report.Kpi k = r.kpis().get(i);
                rows.add(List.of(k.title(), ValueFormat.format(k.current(), k.unit()), ValueFormat.format(k.previous(), k.unit()),
                        ValueFormat.format(k.change(), ValueFormat.CHANGE), k.test() == null ? "–" : k.test().changeCell(k.unit()),
                        k.test() == null ? "–" : k.test().pqCell(), sources.cells().get(i)));
                colors.add(k.tone() == KpiDirection.Tone.GOOD ? GOOD : k.tone() == KpiDirection.Tone.BAD ? ALERT : TEXT);
            }
            l.table(List.of("Number", "This week", "Week before", "Change", "Daily mean Δ [95% CI]", "p · q", "Source"),
                    List.of(false, true, true, true, true, true, false), rows, colors, 5,
                    new float[] {3.2f, 1, 1, 0.8f, 1.6f, 1, 1.6f});
            l.gap(3);
            for (String note : sources.notes()) {
                l.paragraph(note, fonts.regular, SMALL, MUTED, 10);
            }
            l.paragraph(KpiTest.NOTE, fonts.regular, SMALL, MUTED, 0);
            l.gap(10);
        }
        for (Report.Section s : r.sections()) {
            switch (s) {
                case Report.Heading h -> l.heading(h.title());
                case Report.Text t -> {
                    l.subheading(t.title());
                    for (String line : t.text().split("\n")) {
                        l.paragraph(line, fonts.regular, BODY, TEXT, 0);
                    }
                    l.gap(8);
                }
                case Report.Chart c -> chart(c, r, l, doc, fonts);
                case Report.Table t -> {
                    // the title with its header and first rows, or a new page
                    l.keepTogether(105);
                    l.subheading(t.title());
                    if (t.rows().isEmpty()) {
                        l.paragraph(t.note().isEmpty() ? "No rows this week." : t.note(), fonts.regular, BODY, MUTED, 0);
                    } else {
                        List<List<String>> rows = new ArrayList<>();
                        List<Boolean> right = new ArrayList<>();
                        for (int i = 0; i < t.rows().size(); i++) {
                            List<String> row = new ArrayList<>();
                            for (int j = 0; j < t.columns().size(); j++) {
                                row.add(t.display(i, j));
                            }
                            rows.add(row);
                        }
                        float[] weights = new float[t.columns().size()];
                        for (int j = 0; j < weights.length; j++) {
                            boolean numeric = !t.units().get(j).isEmpty();
                            right.add(numeric);
                            weights[j] = numeric ? 1 : 2;
                        }
                        l.table(t.columns(), right, rows, null, -1, weights);
                        if (!t.note().isEmpty()) {
                            l.paragraph(t.note(), fonts.regular, SMALL, MUTED, 0);
                        }
                    }
                    l.gap(12);
                }
                case Report.Missing m -> {
                    l.subheading(m.title());
                    l.paragraph("Not in this report: " + m.reason(), fonts.regular, BODY, MUTED, 0);
                    l.gap(8);
                }
            }
        }
        if (!r.problems().isEmpty()) {
            l.heading("Problems");
            for (String p : r.problems()) {
                l.paragraph("•  " + p, fonts.regular, BODY, ALERT, 10);
            }
        }
    }

    private void chart(Report.Chart c, Report r, Layout l, PDDocument doc, ReportFonts fonts) throws IOException {
        if (c.emptyWithReason()) {
            // as on the dashboard: the reason in place of an empty chart
            l.subheading(c.title());
            l.paragraph(c.source(), fonts.regular, BODY, MUTED, 0);
            l.gap(8);
            return;
        }
        float w = l.contentWidth();
        double logicalH = ReportCharts.height(c);
        float scale = (float) (w / ReportCharts.WIDTH);
        float h = (float) (logicalH * scale);
        float top = l.reserve(h + (c.source().isEmpty() ? 12 : 2));
        PDPageContentStream cs = l.stream();
        cs.saveGraphicsState();
        if (chartMode == ChartMode.VECTOR) {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(l.chartFonts());
            g.scale(scale, scale);
            ReportCharts.paint(new Java2DSurface(g, ReportCharts.WIDTH, logicalH), c, r);
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            cs.transform(Matrix.getTranslateInstance(MARGIN, l.pageHeight() - top - h));
            cs.drawForm(form);
        } else {
            byte[] png = ChartExport.png((int) ReportCharts.WIDTH, (int) logicalH, 2, s -> ReportCharts.paint(s, c, r));
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, c.title());
            cs.drawImage(img, MARGIN, l.pageHeight() - top - h, w, h);
        }
        cs.restoreGraphicsState();
        if (!c.source().isEmpty()) {
            // a caption: where the chart's numbers came from, or why it is empty
            l.paragraph(c.source(), fonts.regular, SMALL, MUTED, 0);
            l.gap(10);
        }
    }

    private static void footers(Report r, PDDocument doc, ReportFonts fonts) throws IOException {
        int n = doc.getNumberOfPages();
        String left = fonts.printable("Vigia · " + r.title() + " · " + r.week() + (r.partial() ? " · partial" : ""), fonts.regular);
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = FOOTER - 6;
                String right = "Page " + (i + 1) + " of " + n;
                cs.setNonStrokingColor(MUTED);
                cs.beginText();
                cs.setFont(fonts.regular, SMALL);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(left);
                cs.endText();
                float rw = fonts.regular.getStringWidth(right) / 1000 * SMALL;
                cs.beginText();
                cs.newLineAtOffset(page.getMediaBox().getWidth() - MARGIN - rw, y);
                cs.showText(right);
                cs.endText();
            }
        }
    }

    /** A top-to-bottom flow of blocks over as many pages as it takes. */
    private static final class Layout implements AutoCloseable {
        private final PDDocument doc;
        private final ReportFonts fonts;
        private final PDRectangle size;
        private PdfBoxGraphics2DFontTextDrawer chartFonts;
        private PDPageContentStream cs;
        private float tableFont = BODY;
        /** Distance from the top of the page to the next free line. */
        private float y;

        Layout(PDDocument doc, ReportFonts fonts, PDRectangle size) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            this.size = size;
            newPage();
        }

        float pageHeight() {
            return size.getHeight();
        }

        float contentWidth() {
            return size.getWidth() - 2 * MARGIN;
        }

        PDPageContentStream stream() {
            return cs;
        }

        /** One text drawer per document: the charts share the embedded font subsets with the text. */
        PdfBoxGraphics2DFontTextDrawer chartFonts() {
            if (chartFonts == null) {
                chartFonts = new PdfBoxGraphics2DFontTextDrawer();
                // AWT's logical fonts and their physical names, as the chart surfaces ask for them
                for (String name : List.of("SansSerif", "SansSerif.plain", "Dialog", "Dialog.plain", "DejaVu Sans")) {
                    chartFonts.registerFont(name, fonts.regular);
                }
                for (String name : List.of("SansSerif.bold", "Dialog.bold", "DejaVu Sans Bold")) {
                    chartFonts.registerFont(name, fonts.bold);
                }
            }
            return chartFonts;
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = MARGIN;
        }

        private float bottom() {
            return size.getHeight() - MARGIN - FOOTER + 8;
        }

        /** Starts a new page unless {@code height} points fit; returns the top of the block. */
        float reserve(float height) throws IOException {
            if (y + height > bottom() && y > MARGIN) {
                newPage();
            }
            float top = y;
            y += height;
            return top;
        }

        void keepTogether(float height) throws IOException {
            if (y + height > bottom()) {
                newPage();
            }
        }

        void gap(float h) {
            y += h;
        }

        void text(String s, PDFont font, float fontSize, Color color) throws IOException {
            float top = reserve(fontSize * LEADING);
            draw(fonts.printable(s, font), font, fontSize, color, MARGIN, top + fontSize);
        }

        void heading(String s) throws IOException {
            keepTogether(80);
            gap(6);
            float top = reserve(15 * LEADING);
            draw(fonts.printable(s, fonts.bold), fonts.bold, 14, TEXT, MARGIN, top + 14);
            cs.setStrokingColor(RULE);
            cs.setLineWidth(0.7f);
            cs.moveTo(MARGIN, size.getHeight() - (top + 14 * LEADING + 1));
            cs.lineTo(size.getWidth() - MARGIN, size.getHeight() - (top + 14 * LEADING + 1));
            cs.stroke();
            gap(6);
        }

        void subheading(String s) throws IOException {
            keepTogether(50);
            for (String line : wrap(fonts.printable(s, fonts.bold), fonts.bold, 11.5f, contentWidth())) {
                float top = reserve(11.5f * LEADING);
                draw(line, fonts.bold, 11.5f, TEXT, MARGIN, top + 11.5f);
            }
            gap(2);
        }

        void paragraph(String s, PDFont font, float fontSize, Color color, float hangingIndent) throws IOException {
            List<String> lines = wrap(fonts.printable(s, font), font, fontSize, contentWidth() - hangingIndent);
            for (int i = 0; i < lines.size(); i++) {
                float top = reserve(fontSize * LEADING);
                draw(lines.get(i), font, fontSize, color, MARGIN + (i == 0 ? 0 : hangingIndent), top + fontSize);
            }
        }

        void banner(String s, ReportFonts f) throws IOException {
            List<String> lines = wrap(f.printable(s, f.bold), f.bold, BODY, contentWidth() - 16);
            float h = lines.size() * BODY * LEADING + 12;
            float top = reserve(h);
            cs.setNonStrokingColor(ALERT_FILL);
            cs.addRect(MARGIN, size.getHeight() - top - h, contentWidth(), h);
            cs.fill();
            cs.setNonStrokingColor(ALERT);
            cs.addRect(MARGIN, size.getHeight() - top - h, 3, h);
            cs.fill();
            float ly = top + 6 + BODY;
            for (String line : lines) {
                draw(line, f.bold, BODY, ALERT, MARGIN + 10, ly);
                ly += BODY * LEADING;
            }
            gap(10);
        }

        /**
         * A table with a shaded header, repeated on each new page; columns share the width by
         * {@code weights}; cells too long for their column end with "…" (the CSV has them whole).
         */
        /** {@code rowColors}, when given, colour only the cells of column {@code coloredColumn}. */
        void table(List<String> header, List<Boolean> rightAligned, List<List<String>> rows, List<Color> rowColors,
                   int coloredColumn, float[] weights) throws IOException {
            // a table wider than the page is set smaller rather than cut (down to 6.5 pt)
            tableFont = BODY;
            float natural = 0;
            for (float w : naturalWidths(header, rows)) {
                natural += w;
            }
            if (natural > contentWidth()) {
                tableFont = Math.max(6.5f, BODY * contentWidth() / natural * 0.98f);
            }
            float[] widths = columnWidths(header, rightAligned, rows, weights);
            float rowH = Math.max(tableFont * 1.7f, 13);
            keepTogether(rowH * Math.min(rows.size() + 1, 4));
            headerRow(header, rightAligned, widths, rowH);
            for (int r = 0; r < rows.size(); r++) {
                if (y + rowH > bottom()) {
                    newPage();
                    headerRow(header, rightAligned, widths, rowH);
                }
                float top = reserve(rowH);
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.4f);
                cs.moveTo(MARGIN, size.getHeight() - top - rowH);
                cs.lineTo(MARGIN + contentWidth(), size.getHeight() - top - rowH);
                cs.stroke();
                Color color = rowColors == null ? TEXT : rowColors.get(r);
                cells(rows.get(r), rightAligned, widths, top, rowH, fonts.regular, color, rowColors != null ? coloredColumn : -1);
            }
        }

        /**
         * Each column as wide as its widest cell; when that is too wide for the page, text columns
         * give up width in proportion to {@code weights} (numbers are never cut).
         */
        private float[] naturalWidths(List<String> header, List<List<String>> rows) throws IOException {
            int n = header.size();
            float[] natural = new float[n];
            for (int c = 0; c < n; c++) {
                natural[c] = width(fonts.printable(header.get(c), fonts.bold), fonts.bold, tableFont) + 10;
                for (List<String> row : rows) {
                    natural[c] = Math.max(natural[c], width(fonts.printable(row.get(c), fonts.regular), fonts.regular, tableFont) + 10);
                }
            }
            return natural;
        }

        private float[] columnWidths(List<String> header, List<Boolean> right, List<List<String>> rows, float[] weights)
                throws IOException {
            int n = header.size();
            float[] natural = naturalWidths(header, rows);
            float total = 0;
            float fixed = 0;
            float flexibleWeight = 0;
            for (int c = 0; c < n; c++) {
                total += natural[c];
                if (right.get(c)) {
                    fixed += natural[c];
                } else {
                    flexibleWeight += weights[c];
                }
            }
            float[] widths = natural.clone();
            if (total <= contentWidth()) {
                // spread the spare width over the text columns (or all, when there are none)
                float spare = contentWidth() - total;
                for (int c = 0; c < n; c++) {
                    widths[c] += flexibleWeight > 0 ? (right.get(c) ? 0 : spare * weights[c] / flexibleWeight) : spare / n;
                }
                return widths;
            }
            float room = Math.max(contentWidth() - fixed, 40 * (n - 0));
            float flexibleNatural = total - fixed;
            for (int c = 0; c < n; c++) {
                if (!right.get(c)) {
                    widths[c] = Math.min(natural[c], room * weights[c] / flexibleWeight);
                }
            }
            // what narrow text columns did not use goes to the wide ones
            float used = 0;
            for (float w : widths) {
                used += w;
            }
            float left = contentWidth() - used;
            for (int c = 0; c < n && left > 0 && flexibleNatural > 0; c++) {
                if (!right.get(c) && widths[c] < natural[c]) {
                    float add = Math.min(left, natural[c] - widths[c]);
                    widths[c] += add;
                    left -= add;
                }
            }
            return widths;
        }

        private void headerRow(List<String> header, List<Boolean> right, float[] widths, float rowH) throws IOException {
            float top = reserve(rowH);
            cs.setNonStrokingColor(HEADER_FILL);
            cs.addRect(MARGIN, size.getHeight() - top - rowH, contentWidth(), rowH);
            cs.fill();
            cells(header, right, widths, top, rowH, fonts.bold, TEXT, -1);
        }

        /** With {@code coloredColumn} at 0 or more, only that column's cell takes {@code color}; the others are plain. */
        private void cells(List<String> cells, List<Boolean> right, float[] widths, float top, float rowH, PDFont font,
                           Color color, int coloredColumn) throws IOException {
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                String text = fit(fonts.printable(c < cells.size() ? cells.get(c) : "", font), font, tableFont, widths[c] - 8);
                float tw = width(text, font, tableFont);
                float tx = right.get(c) ? x + widths[c] - 4 - tw : x + 4;
                Color col = coloredColumn >= 0 && c != coloredColumn ? TEXT : color;
                draw(text, font, tableFont, col, tx, top + rowH / 2 + tableFont * 0.35f);
                x += widths[c];
            }
        }

        private void draw(String s, PDFont font, float fontSize, Color color, float x, float baselineFromTop) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.setNonStrokingColor(color);
            cs.beginText();
            cs.setFont(font, fontSize);
            cs.newLineAtOffset(x, size.getHeight() - baselineFromTop);
            cs.showText(s);
            cs.endText();
        }

        private static float width(String s, PDFont font, float fontSize) throws IOException {
            return font.getStringWidth(s) / 1000 * fontSize;
        }

        private static String fit(String s, PDFont font, float fontSize, float max) throws IOException {
            if (width(s, font, fontSize) <= max) {
                return s;
            }
            int end = s.length();
            while (end > 0 && width(s.substring(0, end) + "…", font, fontSize) > max) {
                end = s.offsetByCodePoints(end, -1);
            }
            return s.substring(0, end) + "…";
        }

        private static List<String> wrap(String s, PDFont font, float fontSize, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : s.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, fontSize) <= max || line.isEmpty()) {
                    if (line.isEmpty() && width(candidate, font, fontSize) > max) {
                        lines.add(fit(candidate, font, fontSize, max));
                        continue;
                    }
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
