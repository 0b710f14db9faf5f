package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.surface.Java2DSurface;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The Java2D surface drives pdfbox-graphics2d, as the reports issue will: a vector chart with
 * embedded fonts and selectable text.
 */
class VectorPdfTest {

    @Test
    void chartAsVectorPdfWithSelectableText() throws Exception {
        var data = SampleChartsTest.latencies(500, 60_000, 0.05);
        Path out = SampleChartsTest.OUT.resolve("timeseries-vector.pdf");
        Files.createDirectories(out.getParent());
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float w = 520;
            float h = 260;
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();
            // AWT names the logical font "SansSerif.plain" / "SansSerif.bold"; map them to the real files
            File regular = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
            File bold = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
            fonts.registerFont("SansSerif.plain", regular);
            fonts.registerFont("SansSerif", regular);
            fonts.registerFont("SansSerif.bold", bold);
            fonts.registerFont("DejaVu Sans", regular);
            fonts.registerFont("DejaVu Sans Bold", bold);
            g.setFontTextDrawer(fonts);
            TimeSeriesRenderer.render(new Java2DSurface(g, w, h), data, SampleChartsTest.T0, SampleChartsTest.T0 + 500L * 60_000,
                    TimeSeriesOptions.defaults(SampleChartsTest.ZONE).withTitle("Latency vector").withUnit(Unit.SECONDS)
                            .withLegend(LegendMode.TABLE), LegendState.ALL_VISIBLE, ChartTheme.light());
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(36, PDRectangle.A4.getHeight() - 36 - h));
                cs.drawForm(form);
            }
            doc.save(out.toFile());
        }
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Latency vector").contains("p95 checkout");
            // a raster of the page, for people to look at
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110),
                    "png", SampleChartsTest.OUT.resolve("timeseries-vector-pdf-page.png").toFile());
        }
        assertThat(Files.size(out)).isGreaterThan(1000);
    }
}
