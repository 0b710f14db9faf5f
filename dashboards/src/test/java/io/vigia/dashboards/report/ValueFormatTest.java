package io.vigia.dashboards.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatTest {
    @Test
    void unitsAsAReportShowsThem() {
        assertThat(ValueFormat.format(0.3108, "percentunit")).isEqualTo("31.1%");
        assertThat(ValueFormat.format(461.2287, "short")).isEqualTo("461");
        assertThat(ValueFormat.format(6.5856, "short")).isEqualTo("6.59");
        assertThat(ValueFormat.format(91_900, "short")).isEqualTo("91.9k");
        assertThat(ValueFormat.format(0.216, "s")).isEqualTo("216 ms");
        assertThat(ValueFormat.format(1.8, "s")).isEqualTo("1.80 s");
        assertThat(ValueFormat.format(1.23, ValueFormat.CHANGE)).isEqualTo("+123%");
        assertThat(ValueFormat.format(-0.56, ValueFormat.CHANGE)).isEqualTo("-56%");
        assertThat(ValueFormat.format(-0.003, ValueFormat.CHANGE)).as("no \"-0%\"").isEqualTo("0%");
        assertThat(ValueFormat.format(Double.NaN, "short")).isEqualTo("–");
    }
}
