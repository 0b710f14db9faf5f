package io.vigia.datasources.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiJsonTest {

    @ParameterizedTest
    @CsvSource({
            "1435781451.781, 1435781451781",
            "1435781451, 1435781451000",
            "0.001, 1",
            "-0.001, -1",
            "1.1, 1100",
            "12345678123456.555, 12345678123456555",
            "1.0005, 1001",
            "1.0004, 1000",
            "1.5e3, 1500000",
    })
    void secondsToMillisIsExact(String text, long millis) {
        char[] c = ("xx" + text + "yy").toCharArray();
        assertThat(ApiJson.secondsToMillis(c, 2, text.length())).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1", "0, 0", "137, 137", "1.5, 1.5", "-2.25, -2.25", "1e3, 1000", "0.0000012345678, 0.0000012345678",
            "1234567890123456789, 1234567890123456789", "NaN, NaN", "+Inf, Infinity", "-Inf, -Infinity", "Inf, Infinity",
    })
    void sampleValues(String text, double expected) {
        char[] c = text.toCharArray();
        assertThat(Double.compare(ApiJson.parseValue(c, 0, c.length), expected)).as(text).isZero();
    }

    @Test
    void badValuesSayWhat() {
        char[] c = "12abc".toCharArray();
        assertThatThrownBy(() -> ApiJson.parseValue(c, 0, c.length)).hasMessageContaining("not a sample value: \"12abc\"");
        char[] e = new char[0];
        assertThatThrownBy(() -> ApiJson.parseValue(e, 0, 0)).hasMessageContaining("not a sample value");
    }

    @Test
    void apiTimeFormatsAreExact() {
        assertThat(ApiTime.seconds(1_700_000_000_123L)).isEqualTo("1700000000.123");
        assertThat(ApiTime.seconds(-1L)).isEqualTo("-0.001");
        assertThat(ApiTime.seconds(-1500L)).isEqualTo("-1.500");
        assertThat(ApiTime.seconds(java.time.Duration.ofMillis(500))).isEqualTo("0.500");
        assertThat(ApiTime.nanos(java.time.Instant.ofEpochSecond(1, 5))).isEqualTo("1000000005");
    }
}
