import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws Vigia's application icon (a dark rounded tile with a latency line and a watch-dot).
 * Run once with {@code java installer/src/tool/DrawIcon.java installer/src/main/packaging}; it writes
 * vigia.png (Linux), vigia.ico (Windows) and vigia.icns (macOS), each holding the same 256 px PNG
 * (both container formats accept PNG entries). The files are committed so that the build needs no
 * display and no extra step.
 */
public final class DrawIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f2a44), 0, s, new Color(0x0d1322)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56));
        // grid lines
        g.setColor(new Color(255, 255, 255, 28));
        g.setStroke(new BasicStroke(2f));
        for (int y = 72; y <= 200; y += 32) {
            g.drawLine(36, y, s - 36, y);
        }
        // the series: calm, a spike, calm again
        Path2D line = new Path2D.Double();
        double[] ys = {170, 162, 166, 150, 158, 96, 60, 118, 140, 132, 138, 128};
        for (int i = 0; i < ys.length; i++) {
            double x = 40 + i * (s - 80) / (double) (ys.length - 1);
            if (i == 0) line.moveTo(x, ys[i]); else line.lineTo(x, ys[i]);
        }
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x35c48f));
        g.draw(line);
        // the watch-dot on the peak
        double px = 40 + 6 * (s - 80) / 11.0;
        g.setColor(new Color(0xf5a623));
        g.fillOval((int) px - 16, 60 - 16, 32, 32);
        g.setColor(new Color(0x0d1322));
        g.fillOval((int) px - 6, 60 - 6, 12, 12);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        byte[] p = png.toByteArray();
        Path dir = Path.of(args[0]);
        Files.write(dir.resolve("vigia.png"), p);
        Files.write(dir.resolve("vigia.ico"), ico(p));
        Files.write(dir.resolve("vigia.icns"), icns(p));
    }

    /** ICO: little-endian header, one directory entry (0 = 256 px), then the PNG. */
    private static byte[] ico(byte[] p) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(6 + 16 + p.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(p.length).putInt(6 + 16);
        b.put(p);
        return b.array();
    }

    /** ICNS: big-endian, one 'ic08' (256x256 PNG) element. */
    private static byte[] icns(byte[] p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeBytes("icns");
        d.writeInt(8 + 8 + p.length);
        d.writeBytes("ic08");
        d.writeInt(8 + p.length);
        d.write(p);
        return out.toByteArray();
    }
}
