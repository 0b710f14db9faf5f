package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InertTextAndThemeTest {

    @Test
    void controlAndBidiCharactersBecomeVisibleEscapes() {
        assertThat(InertText.of("a\nb\r\tc")).isEqualTo("a\\nb\\r\\tc");
        assertThat(InertText.of("\u001b[31mred")).isEqualTo("\\u001B[31mred");
        assertThat(InertText.of("file\u202Egnp.exe")).isEqualTo("file\\u202Egnp.exe");
        assertThat(InertText.of("\u2066x\u2069\u200Bz")).isEqualTo("\\u2066x\\u2069\\u200Bz");
        assertThat(InertText.of("plain ümlaut 日本 \uD83D\uDE00")).isEqualTo("plain ümlaut 日本 \uD83D\uDE00");
        assertThat(InertText.of(null)).isEmpty();
    }

    @Test
    void aMegabyteLineIsCutForTheScreenWithItsLengthSaidAndFitsAPanelWithAnEllipsis() {
        String line = "\u202E" + "A".repeat(1 << 20) + "\uD83D\uDE00";
        String shown = InertText.of(line);
        assertThat(shown).startsWith("\\u202EAAA").endsWith("\u2026 (" + (line.length() - InertText.MAX_SHOWN) + " more characters)");
        assertThat(shown.length()).isLessThan(InertText.MAX_SHOWN + 64);
        // a surrogate pair is never split at the cut
        String pairs = "\uD83D\uDE00".repeat(InertText.MAX_SHOWN);
        assertThat(InertText.of(pairs)).doesNotContain("\\uD83D").contains("\u2026 (");

        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400, 40, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        DrawingSurface s = io.vigia.dashboards.chart.surface.Java2DSurface.forImage(img, 1, true);
        String fitted = InertText.fit(s, shown, 300);
        assertThat(fitted).endsWith("\u2026");
        assertThat(s.measureText(fitted).width()).isLessThanOrEqualTo(300);
        assertThat(InertText.fit(s, "A".repeat(1 << 20), 300)).endsWith("\u2026").hasSizeLessThan(610);
    }

    @Test
    void themesHaveReadableTextAndDistinctSeriesColours() {
        for (ChartTheme t : new ChartTheme[]{ChartTheme.light(), ChartTheme.dark()}) {
            assertThat(t.text().contrastWith(t.background())).as(t.name() + " text").isGreaterThanOrEqualTo(7);
            assertThat(t.mutedText().contrastWith(t.background())).as(t.name() + " muted text").isGreaterThanOrEqualTo(4.5);
            assertThat(t.palette().stream().limit(8).distinct()).hasSize(8);
            assertThat(t.seriesColor(t.palette().size())).isEqualTo(t.seriesColor(0));
        }
        assertThat(ChartTheme.light().textOn(ChartColor.hex("#ffff00")).luminance()).isLessThan(0.1);
        assertThat(ChartTheme.light().textOn(ChartColor.hex("#0a437c")).luminance()).isGreaterThan(0.9);
    }
}
