package io.vigia.dashboards.chart.surface;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartFont;
import io.vigia.dashboards.chart.DrawingSurface;
import java.awt.font.FontRenderContext;
import java.util.Locale;

/**
 * A drawing surface that writes an SVG 1.1 document, for self-contained HTML reports. Written
 * by hand because the output is a handful of element kinds and the one thing that matters —
 * every string escaped for XML, characters XML cannot carry replaced — is easier to audit here
 * than through a DOM library. Text widths come from the matching AWT font, so layout agrees
 * with the Java2D surface.
 */
public final class SvgSurface implements DrawingSurface {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder(16 * 1024);
    private final AwtFonts fonts = new AwtFonts();
    // the clip groups each save() level opened are the state's own value
    private final SurfaceState<Integer> state = new SurfaceState<>(0);
    private final StringBuilder path = new StringBuilder();
    private int clipIds;

    public SvgSurface(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    /** The complete SVG document; open clip groups are closed. */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + 256);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\">\n");
        out.append(body);
        int open = state.ownOfAllLevels().stream().mapToInt(Integer::intValue).sum();
        out.append("</g>".repeat(open));
        out.append("</svg>\n");
        return out.toString();
    }

    @Override
    public void save() {
        state.save(0);
    }

    @Override
    public void restore() {
        int open = state.own;
        state.restore();
        body.append("</g>".repeat(open));
    }

    @Override
    public void setStroke(ChartColor color) {
        state.stroke = color;
    }

    @Override
    public void setFill(ChartColor color) {
        state.fill = color;
    }

    @Override
    public void setLineWidth(double w) {
        state.lineWidth = w;
    }

    @Override
    public void setLineDash(double... pattern) {
        state.dash(pattern);
    }

    @Override
    public void setFont(ChartFont font) {
        state.font = font;
    }

    @Override
    public TextMetrics measureText(String text) {
        return fonts.measure(fonts.font(state.font), FRC, text);
    }

    @Override
    public void beginPath() {
        path.setLength(0);
    }

    @Override
    public void moveTo(double x, double y) {
        path.append('M').append(num(x)).append(' ').append(num(y));
    }

    @Override
    public void lineTo(double x, double y) {
        path.append(path.isEmpty() ? 'M' : 'L').append(num(x)).append(' ').append(num(y));
    }

    @Override
    public void closePath() {
        if (!path.isEmpty()) {
            path.append('Z');
        }
    }

    @Override
    public void stroke() {
        if (path.isEmpty()) {
            return;
        }
        body.append("<path d=\"").append(path).append("\" fill=\"none\"");
        strokeAttributes();
        body.append("/>\n");
    }

    @Override
    public void fill() {
        if (path.isEmpty()) {
            return;
        }
        body.append("<path d=\"").append(path).append('"');
        fillAttributes();
        body.append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rect(x, y, w, h);
        fillAttributes();
        body.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        rect(x, y, w, h);
        body.append(" fill=\"none\"");
        strokeAttributes();
        body.append("/>\n");
    }

    private void rect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append('"');
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ChartFont f = state.font;
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-family=\"").append(escape(cssFamily(f.family()))).append("\" font-size=\"")
                .append(num(f.size())).append('"');
        if (f.bold()) {
            body.append(" font-weight=\"bold\"");
        }
        fillAttributes();
        body.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void drawArgb(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(imageWidth, imageHeight, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, imageWidth, imageHeight, argb, 0, imageWidth);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("PNG encoding failed", e);
        }
        // inline data URI: the document stays self-contained (no external request)
        body.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,")
                .append(java.util.Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        save();
        String id = "clip" + (++clipIds);
        body.append("<clipPath id=\"").append(id).append("\">");
        rect(x, y, w, h);
        body.append("/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
        state.own++;
    }

    @Override
    public void popClip() {
        restore();
    }

    private void strokeAttributes() {
        ChartColor c = state.stroke;
        body.append(" stroke=\"").append(c.toHex()).append('"');
        if (c.alpha() < 1) {
            body.append(" stroke-opacity=\"").append(num(c.alpha())).append('"');
        }
        body.append(" stroke-width=\"").append(num(state.lineWidth)).append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        double[] dash = state.dash;
        if (dash != null) {
            body.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                body.append(i == 0 ? "" : ",").append(num(dash[i]));
            }
            body.append('"');
        }
    }

    private void fillAttributes() {
        ChartColor c = state.fill;
        body.append(" fill=\"").append(c.toHex()).append('"');
        if (c.alpha() < 1) {
            body.append(" fill-opacity=\"").append(num(c.alpha())).append('"');
        }
    }

    private static String cssFamily(String family) {
        return switch (family) {
            case ChartFont.SANS -> "DejaVu Sans, Arial, sans-serif";
            case ChartFont.MONO -> "DejaVu Sans Mono, Consolas, monospace";
            default -> family;
        };
    }

    /**
     * Escapes text for XML content and attribute values. Characters XML 1.0 cannot carry
     * (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                            || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
