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
