package io.vigia.dashboards.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoWeekTest {
    @Test
    void week47Of2026RunsFromMondayTheSixteenthInMadrid() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
        var r = w.range(ZoneId.of("Europe/Madrid"));
        assertThat(r.from()).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(w.previous()).isEqualTo(new IsoWeek(2026, 46));
    }

    @Test
    void weeksAcrossTheYearBoundaryFollowIso() {
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2027, 1).previous()).isEqualTo(new IsoWeek(2026, 53));
        assertThat(IsoWeek.parse("2026W05").toString()).isEqualTo("2026-W05");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).hasMessageContaining("weeks 1 to 52");
        assertThatThrownBy(() -> IsoWeek.parse("last week")).hasMessageContaining("like 2026-W47");
    }
}
