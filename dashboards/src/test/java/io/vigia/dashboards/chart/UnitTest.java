package io.vigia.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.dashboards.chart.axis.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SECONDS|0.000000250|250 ns",
            "SECONDS|0.0000125|12.5 µs",
            "SECONDS|0.0456|45.6 ms",
            "SECONDS|1.5|1.5 s",
            "SECONDS|90|1.5 min",
            "SECONDS|7200|2 h",
            "SECONDS|172800|2 day",
            "MILLISECONDS|250|250 ms",
            "MILLISECONDS|1500|1.5 s",
            "MILLISECONDS|0.5|500 µs",
            "PERCENT|42.123|42.1%",
            "PERCENT_UNIT|0.3124|31.2%",
            "BYTES|512|512 B",
            "BYTES|1536|1.5 KiB",
            "BYTES|1073741824|1 GiB",
            "BYTES|5497558138880|5 TiB",
            "REQ_PER_SEC|12.5|12.5 req/s",
            "REQ_PER_SEC|1500|1.5k req/s",
            "COUNT|999|999",
            "COUNT|1234|1.23k",
            "COUNT|2500000|2.5M",
            "COUNT|-3400|-3.4k",
            "COUNT|0|0",
            "NONE|3.14159|3.14",
    })
    void formatsLikeGrafana(Unit unit, double value, String expected) {
        assertThat(unit.format(value)).isEqualTo(expected);
    }

    @Test
    void nanAndInfinity() {
        assertThat(Unit.SECONDS.format(Double.NaN)).isEqualTo("–");
        assertThat(Unit.COUNT.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void grafanaIds() {
        assertThat(Unit.fromGrafanaId("bytes")).isEqualTo(Unit.BYTES);
        assertThat(Unit.fromGrafanaId("percentunit")).isEqualTo(Unit.PERCENT_UNIT);
        assertThat(Unit.fromGrafanaId("reqps")).isEqualTo(Unit.REQ_PER_SEC);
        assertThat(Unit.fromGrafanaId("no-such-unit")).isEqualTo(Unit.NONE);
    }
}
