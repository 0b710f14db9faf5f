package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.LegendMode;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.chart.render.LogsRenderer;
import io.vigia.dashboards.chart.render.TimeSeriesOptions;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.surface.SvgSurface;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** SVG output is well-formed XML in which hostile strings are only text. */
class SvgSurfaceTest {

    static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" 'single' \u0000\u0007 \u202Eevil\u202C ]]> <!-- -->";

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hostileSeriesNamesTitlesAnnotationsAndLogsStayText() throws Exception {
        long t0 = 1_700_000_000_000L;
        TimeSeriesData s = new TimeSeriesData(HOSTILE, new long[]{t0, t0 + 60_000}, new double[]{1, 2});
        SvgSurface svg = new SvgSurface(1600, 300);
        TimeSeriesRenderer.render(svg, List.of(s), t0, t0 + 60_000, TimeSeriesOptions.defaults(ZoneOffset.UTC)
                .withTitle(HOSTILE).withUnit(Unit.COUNT).withLegend(LegendMode.TABLE)
                .withAnnotations(List.of(new Annotation(t0 + 30_000, HOSTILE, null))), LegendState.ALL_VISIBLE, ChartTheme.dark());
        String out = svg.toSvg();

        assertThat(out).doesNotContain("<script").doesNotContain("\u0000").doesNotContain("\u202E").doesNotContain("<!-- -->");
        assertThat(out).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = parse(out);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        NodeList texts = doc.getElementsByTagName("text");
        boolean found = false;
        for (int i = 0; i < texts.getLength(); i++) {
            String t = texts.item(i).getTextContent();
            assertThat(t).doesNotContain("\u202E").doesNotContain("\u0000");
            if (t.startsWith("<script>alert(1)</script>") && t.contains("\\u202Eevil")) {
                found = true; // the title, in full: markup as literal text, the bidi override as an escape
            }
        }
        assertThat(found).as("the hostile title is drawn as literal text").isTrue();
    }

    @Test
    void logsPanelToSvg() throws Exception {
        SvgSurface svg = new SvgSurface(600, 120);
        LogsRenderer.render(svg, "logs", List.of(new LogLine(0, "error", "line\nwith\u001b[2J" + HOSTILE)), 0, ZoneOffset.UTC, ChartTheme.light());
        Document doc = parse(svg.toSvg());
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(svg.toSvg()).contains("line\\nwith\\u001B[2J&lt;script&gt;");
    }

    @Test
    void exportHelpersProducePngAndSvg() throws Exception {
        byte[] png = io.vigia.dashboards.chart.surface.ChartExport.png(300, 150, 2, s -> {
            s.setFill(ChartColor.hex("#ff0000"));
            s.fillRect(10, 10, 50, 50);
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getRGB(60, 60)).isEqualTo(0xffff0000); // (30, 30) in chart pixels, scaled by 2
        String svg = io.vigia.dashboards.chart.surface.ChartExport.svg(300, 150, s -> s.fillText(HOSTILE, 5, 20));
        assertThat(parse(svg).getElementsByTagName("text").getLength()).isEqualTo(1);
    }

    @Test
    void escapeCoversMarkupAndInvalidXmlCharacters() {
        assertThat(SvgSurface.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
        assertThat(SvgSurface.escape("x\u0001y\uD800z\uFFFE")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
        assertThat(SvgSurface.escape("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void clipsNestAndDocumentIsBalanced() throws Exception {
        SvgSurface svg = new SvgSurface(100, 100);
        svg.pushClip(0, 0, 50, 50);
        svg.pushClip(10, 10, 20, 20);
        svg.setFill(ChartColor.hex("#ff0000"));
        svg.fillRect(0, 0, 100, 100);
        svg.popClip();
        svg.popClip();
        Document doc = parse(svg.toSvg());
        assertThat(doc.getElementsByTagName("clipPath").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(2);
    }
}
