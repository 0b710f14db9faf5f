package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.DrawingSurface;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** One-call PNG and SVG output of a chart painter, for reports and the CLI (headless). */
public final class ChartExport {

    private ChartExport() {
    }

    /** PNG bytes of a {@code width × height} chart drawn at {@code scale} (2 for sharp HiDPI/print output), antialiased. */
    public static byte[] png(int width, int height, double scale, Consumer<DrawingSurface> painter) {
        if (width <= 0 || height <= 0 || !(scale > 0)) {
            throw new IllegalArgumentException("bad size " + width + "x" + height + " at scale " + scale);
        }
        BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_ARGB);
        Java2DSurface surface = Java2DSurface.forImage(img, scale, true);
        painter.accept(surface);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /** A standalone SVG document of the chart; every text in it is XML-escaped. */
    public static String svg(double width, double height, Consumer<DrawingSurface> painter) {
        SvgSurface surface = new SvgSurface(width, height);
        painter.accept(surface);
        return surface.toSvg();
    }
}
