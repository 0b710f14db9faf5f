package io.vigia.dashboards.findings;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.surface.SvgSurface;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding's evidence as a chart: the series against its band, the time outside and the change before it. */
class EvidenceChartTest {
    static final Instant START = Instant.parse("2026-11-19T06:00:00Z");

    /** p95 latency at 0.2 s for 6 hours, then 0.9 s for 4 hours; its band 0.1..0.3 around 0.2 every 10 minutes. */
    static Finding latencyFinding(String title) {
        int n = 12 * 6;
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
        Instant from = START;
        Instant to = START.plus(Duration.ofHours(12)).minusSeconds(600);
        Instant outside = START.plus(Duration.ofHours(6));
        return new Finding("anomaly:latency-p95", Severity.WARNING, 90, title, title + " above its usual band", outside,
                outside.plus(Duration.ofHours(4)), false,
                new Evidence.SeriesBand("histogram_quantile(0.95, x)", "payments", "s", from, to, new Band(ts, v, lo, med, hi)),
                new DashboardLink("service-latency", from, to),
                List.of(new Finding.Cause(ChangeEvent.deploy(outside.toEpochMilli() - 600_000, "payments", "2.13.0", "2.14.0"),
                        600_000)));
    }

    @Test
    void theSeriesIsDrawnAgainstItsBandWithTheTimeOutsideAndTheChangeBeforeIt() {
        Finding f = latencyFinding("payments p95 latency");
        SvgSurface s = new SvgSurface(640, 220);
        TimeSeriesLayout l = EvidenceChart.paint(s, f, ZoneOffset.UTC, ChartTheme.light()).orElseThrow();
        String svg = s.toSvg();
        assertThat(svg).contains("fill-opacity=\"0.18\"") // the band
                .contains("outside its band")
                .contains("payments 2.14"); // the change, its label fitted to the chart
        assertThat(l.y().domainMax()).isGreaterThanOrEqualTo(0.9);
        assertThat(l.x().from()).isEqualTo(START.toEpochMilli());
        assertThat(l.series()).extracting(st -> st.name()).containsExactly("payments");
    }

    @Test
    void evidenceThatIsNotASeriesHasNoChart() {
        Finding sast = new Finding("security-risk", Severity.INFO, 30, "risk", "risk", START, START, false,
                new Evidence.SastFindings("payments", List.of()), null, List.of());
        SvgSurface s = new SvgSurface(640, 220);
        assertThat(EvidenceChart.charts(sast)).isFalse();
        assertThat(EvidenceChart.paint(s, sast, ZoneOffset.UTC, ChartTheme.light())).isEmpty();
        assertThat(EvidenceChart.charts(null)).isFalse();
        assertThat(EvidenceChart.charts(latencyFinding("x"))).isTrue();
    }
}
