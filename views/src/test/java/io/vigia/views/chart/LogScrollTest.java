package io.vigia.views.chart;

import io.vigia.dashboards.chart.Rect;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.render.LogsRenderer.LogsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZoneOffset;
import java.util.Optional;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(JavaFxToolkit.class)
class LogScrollTest {
    @Test
    void aClickedLineIsFoundFromWhatWasDrawnAndScrollingStopsAtTheLastLine() throws Exception {
        LogScroll scroll = onFx(() -> LogScroll.attach(new ChartCanvas(), () -> 50));
        scroll.painted(Optional.of(new LogsLayout(0, 10, 20, new Rect(0, 30, 800, 200))));
        assertThat(scroll.indexAt(10)).as("the title").isEqualTo(-1);
        assertThat(scroll.indexAt(31)).isZero();
        assertThat(scroll.indexAt(30 + 20 * 9 + 5)).isEqualTo(9);
        assertThat(scroll.indexAt(30 + 20 * 10 + 5)).as("below the last line drawn").isEqualTo(-1);
        assertThat(onFx(() -> scroll.scrollBy(100))).isTrue();
        assertThat(scroll.first()).isEqualTo(40);
        scroll.painted(Optional.of(new LogsLayout(40, 10, 20, new Rect(0, 30, 800, 200))));
        assertThat(scroll.indexAt(31)).isEqualTo(40);
        assertThat(onFx(() -> scroll.scrollBy(1))).isFalse();
    }

    @Test
    void aLinesDetailsAreInertAndCut() {
        String text = LogScroll.detailText(new LogLine(0, "warn\u202e", "<b>x</b> \u202egnp.exe \u001b[31m" + "y".repeat(10_000)),
                ZoneOffset.UTC);
        assertThat(text).startsWith("1970-01-01T00:00  WARN\\u202E\n<b>x</b> \\u202Egnp.exe \\u001B[31m")
                .endsWith("… (10023 characters)").doesNotContain("\u202e").doesNotContain("\u001b");
    }
}
