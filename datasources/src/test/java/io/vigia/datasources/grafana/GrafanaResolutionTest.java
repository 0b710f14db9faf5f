package io.vigia.datasources.grafana;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrafanaResolutionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void oneHourOnA1000PixelPanelIsBoundedByTheScrapeInterval() {
        // 3600 s / 1000 px = 3.6 s, below the 15 s scrape interval
        GrafanaResolution r = GrafanaResolution.compute(NOW.minusSeconds(3600), NOW, 1000, Duration.ofSeconds(15));
        assertThat(r.step()).isEqualTo(Duration.ofSeconds(15));
        assertThat(r.rateInterval()).isEqualTo(Duration.ofMinutes(1)); // max(15+15, 4*15)
    }

    @Test
    void oneDayOn1200PixelsRoundsToANiceInterval() {
        // 86400 s / 1200 = 72 s -> Grafana rounds to 1 m
        GrafanaResolution r = GrafanaResolution.compute(NOW.minus(Duration.ofDays(1)), NOW, 1200, Duration.ofSeconds(15));
        assertThat(r.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.rateInterval()).isEqualTo(Duration.ofSeconds(75)); // max(60+15, 60)
        assertThat(r.start().toEpochMilli() % 60_000).isZero();
        assertThat(r.end().toEpochMilli() % 60_000).isZero();
    }

    @Test
    void neverMoreThan11000PointsPerSeries() {
        // a year on a huge panel with a 1 s min interval: range/11000 wins
        Instant from = NOW.minus(Duration.ofDays(365));
        GrafanaResolution r = GrafanaResolution.compute(from, NOW, 100_000, Duration.ofSeconds(1));
        long points = Duration.between(from, NOW).toMillis() / r.step().toMillis();
        assertThat(points).isLessThanOrEqualTo(11_000);
        assertThat(r.step()).isGreaterThanOrEqualTo(Duration.ofMillis(Duration.ofDays(365).toMillis() / 11_000));
    }

    @Test
    void niceIntervalTable() {
        assertThat(GrafanaResolution.roundInterval(5)).isEqualTo(1);
        assertThat(GrafanaResolution.roundInterval(3_600)).isEqualTo(5_000);
        assertThat(GrafanaResolution.roundInterval(72_000)).isEqualTo(60_000);
        assertThat(GrafanaResolution.roundInterval(100_000)).isEqualTo(120_000);
        assertThat(GrafanaResolution.roundInterval(4_000_000)).isEqualTo(3_600_000);
    }

    @Test
    void expandsGrafanaVariables() {
        GrafanaResolution r = GrafanaResolution.compute(NOW.minus(Duration.ofDays(1)), NOW, 1200, Duration.ofSeconds(15));
        assertThat(r.expand("rate(x[$__rate_interval]) / $__interval_ms * ${__interval} [$__interval]"))
                .isEqualTo("rate(x[1m15s]) / 60000 * 1m [1m]");
        assertThat(r.expand("increase(x[$__range]) $__range_s $__range_ms")).isEqualTo("increase(x[86400s]) 86400 86400000");
        assertThat(r.expand("$__intervalx $__interval_foo")).as("not a variable boundary").isEqualTo("$__intervalx $__interval_foo");
    }

    @Test
    void promDurationFormat() {
        assertThat(GrafanaResolution.promDuration(15_000)).isEqualTo("15s");
        assertThat(GrafanaResolution.promDuration(90_000)).isEqualTo("1m30s");
        assertThat(GrafanaResolution.promDuration(250)).isEqualTo("250ms");
        assertThat(GrafanaResolution.promDuration(7_200_000)).isEqualTo("2h");
    }

    @Test
    void rejectsBackwardsRange() {
        assertThatThrownBy(() -> GrafanaResolution.compute(NOW, NOW.minusSeconds(1), 100, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
