package io.vigia.dashboards.report.write;

import io.vigia.dashboards.report.Report;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A page of the report's PDF as pixels, for a preview: the very file the export writes, rendered
 * by PDFBox, so the preview cannot differ from the result. Pixels are ARGB, row by row, so that a
 * UI toolkit can take them without AWT.
 */
public record PdfPreview(int width, int height, int[] argb, int pages) {

    public static PdfPreview render(Report r, Paper paper, int page, float dpi) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReportWriter(paper).write(r, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            if (page < 0 || page >= doc.getNumberOfPages()) {
                throw new IllegalArgumentException("the report has " + doc.getNumberOfPages() + " pages, no page " + (page + 1));
            }
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page, dpi);
            int w = img.getWidth();
            int h = img.getHeight();
            return new PdfPreview(w, h, img.getRGB(0, 0, w, h, null, 0, w), doc.getNumberOfPages());
        }
    }
}
