package io.vigia.views.findings;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.findings.Band;
import io.vigia.dashboards.findings.ChangeEvent;
import io.vigia.dashboards.findings.DashboardLink;
import io.vigia.dashboards.findings.Evidence;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.findings.Severity;
import io.vigia.views.chart.ChartCanvas;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Findings page in a real (headless) scene: the selected finding's evidence is a chart of its series against its band. */
@ExtendWith(JavaFxToolkit.class)
class FindingsEvidenceChartTest {
    static final Instant START = Instant.parse("2026-11-19T06:00:00Z");

    /** p95 latency at 0.2 s, 0.9 s for 4 of its 12 hours; its band 0.1..0.3 every 10 minutes. */
    static Finding latency() {
        int n = 72;
        long[] ts = new long[n];
        double[] v = new double[n];
        double[] lo = new double[n];
        double[] med = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = START.toEpochMilli() + i * 600_000L;
            v[i] = i >= 36 && i < 60 ? 0.9 : 0.2;
            lo[i] = 0.1;
            med[i] = 0.2;
            hi[i] = 0.3;
        }
        Instant to = START.plus(Duration.ofHours(12)).minusSeconds(600);
        Instant outside = START.plus(Duration.ofHours(6));
        return new Finding("anomaly:latency-p95", Severity.WARNING, 90, "payments p95 latency", "above its usual band", outside,
                outside.plus(Duration.ofHours(4)), false,
                new Evidence.SeriesBand("histogram_quantile(0.95, x)", "payments", "s", START, to, new Band(ts, v, lo, med, hi)),
                new DashboardLink("service-latency", START, to),
                List.of(new Finding.Cause(ChangeEvent.deploy(outside.toEpochMilli() - 600_000, "payments", "2.13.0", "2.14.0"), 600_000)));
    }

    private static int withColour(ChartCanvas chart, ChartColor c) {
        chart.paintNow();
        PixelReader r = chart.canvas().snapshot(null, null).getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) chart.canvas().getHeight(); y++) {
            for (int x = 0; x < (int) chart.canvas().getWidth(); x++) {
                int argb = r.getArgb(x, y);
                if (Math.abs(((argb >> 16) & 0xff) - c.red()) <= 3 && Math.abs(((argb >> 8) & 0xff) - c.green()) <= 3
                        && Math.abs((argb & 0xff) - c.blue()) <= 3) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void selectingAFindingChartsItsSeriesAgainstItsBand() throws Exception {
        FindingsViewModel vm = new FindingsViewModel((range, zone) -> List.of(latency()), Clock.fixed(START.plus(Duration.ofDays(1)),
                ZoneOffset.UTC), ZoneOffset.UTC, new SameThreadTaskExecutor().scope(), l -> { });
        FindingsPage page = new FindingsPage(vm);
        Scene scene = onFx(() -> {
            Scene s = new Scene((Parent) page.view(), 1100, 800);
            page.shown();
            page.view().applyCss();
            ((Parent) page.view()).layout();
            return s;
        });
        ChartCanvas chart = onFx(() -> (ChartCanvas) scene.lookup("#findings-evidence-chart"));
        assertThat(chart.isVisible()).as("no chart before a finding is chosen").isFalse();
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<Finding> table = (TableView<Finding>) scene.lookup("#findings-table");
            table.requestFocus();
            table.getSelectionModel().select(0);
            ((Parent) page.view()).layout();
            return null;
        });
        assertThat(chart.isVisible()).isTrue();
        assertThat(onFx(() -> chart.getHeight())).isGreaterThan(100);
        ChartTheme theme = ChartTheme.light();
        // the band, in the series' colour, and the time outside it
        assertThat(onFx(() -> withColour(chart, theme.plotBackground().mix(theme.seriesColor(0), 0.18)))).isGreaterThan(3000);
        assertThat(onFx(() -> withColour(chart, theme.plotBackground().mix(ChartColor.hex("#FF9830"), 0.12)))).isGreaterThan(3000);
    }
}
