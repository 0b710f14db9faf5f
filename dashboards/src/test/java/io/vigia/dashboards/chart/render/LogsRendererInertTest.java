package io.vigia.dashboards.chart.render;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.surface.SvgSurface;
import io.vigia.dashboards.query.LogLines;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines are attacker text: drawn as text, never as markup, with control and bidi characters visible and long lines cut. */
class LogsRendererInertTest {
    @Test
    void aMegabyteLineIsCutBeforeItIsMadeInertAndEndsWithAnEllipsis() {
        String huge = "\u202e" + "A".repeat(1_000_000);
        String shown = LogsRenderer.inert(huge);
        assertThat(shown).startsWith("\\u202EAAA").endsWith("…");
        assertThat(shown.length()).isLessThan(LogsRenderer.MAX_CHARS + 10);
        assertThat(LogsRenderer.inert("short \u001b[31mred")).isEqualTo("short \\u001B[31mred");
    }

    @Test
    void hostileLinesAreDrawnAsEscapedTextWithTheirLevelColour() {
        SvgSurface svg = new SvgSurface(800, 200);
        LogsRenderer.render(svg, "Blocked prompts", List.of(
                new LogLine(1_700_000_000_000L, "warn", "prompt=\"<script>alert(1)</script>\" \u202egnp.exe\n\u001b[31mX"),
                new LogLine(1_699_999_000_000L, "error", "x".repeat(5000))), 0, ZoneOffset.UTC, ChartTheme.light());
        String out = svg.toSvg();
        assertThat(out).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("\\u202Egnp.exe\\n\\u001B[31mX").doesNotContain("\u202e").contains("…").contains("WARN").contains("ERROR");
    }

    @Test
    void theLevelComesFromLabelsThenTheLine() {
        assertThat(LogLines.level(Labels.of("detected_level", "ERROR"), "level=info")).isEqualTo("error");
        assertThat(LogLines.level(Labels.EMPTY, "ts=1 level=warn msg=slow")).isEqualTo("warn");
        assertThat(LogLines.level(Labels.EMPTY, "{\"level\":\"debug\",\"msg\":\"x\"}")).isEqualTo("debug");
        assertThat(LogLines.level(Labels.EMPTY, "[ERROR] boom")).isEqualTo("error");
        assertThat(LogLines.level(Labels.EMPTY, "log line error 1")).isEmpty();
        assertThat(LogLines.level(Labels.EMPTY, "x".repeat(1000) + " level=error")).as("only the head is searched").isEmpty();
    }
}
