package io.vigia.datasources.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decimal the fast path converts must equal the JDK's correctly rounded {@link Double#parseDouble}. */
class DecimalParserTest {
    /** As the decoder hands it over: the content of a JSON string inside a larger response. */
    private static long parsed(String s) {
        byte[] json = ("[1,\"" + s + "\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return DecimalParser.parseQuoted(json, 4);
    }

    private static void assertExact(String s) {
        long bits = parsed(s);
        if (bits != DecimalParser.NOT_HANDLED) {
            assertThat(bits).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "1", "-1", "0.1", "0.2", "0.3", "1.5", "123.456", "1e10", "1E-5", "2.5e+3",
            "9007199254740992", "9007199254740993", "9007199254740995", "18014398509481985", "1234567890123456789",
            "0.000000000000000000000000000001", "1.7976931348623157e308", "2.2250738585072014e-308",
            "4.9406564584124654e-324", "1e-400", "1e400", "3.141592653589793", "2.718281828459045",
            "1700000000.123", "0.30000000000000004", "123456789012345.6789", "7.0E-10", "1.", ".5",
            "9999999999999999999", "1844674407370955161.5"})
    void knownCasesMatchTheJdk(String s) {
        assertExact(s);
    }

    @Test
    void prometheusStyleValuesAreHandledAndExact() {
        SplittableRandom r = new SplittableRandom(18);
        int handled = 0;
        int n = 200_000;
        double v = r.nextDouble() * 1000;
        for (int i = 0; i < n; i++) {
            v += r.nextDouble();
            String s = i % 2 == 0 ? Double.toString(v) : new BigDecimal(v).round(new java.math.MathContext(17)).toPlainString();
            if (parsed(s) != DecimalParser.NOT_HANDLED) {
                handled++;
            }
            assertExact(s);
        }
        assertThat(handled).isEqualTo(n);
    }

    @Test
    void randomDoublesOfEveryMagnitudeRoundTrip() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = Double.toString(d);
            assertExact(s);
            long bits = parsed(s);
            if (bits != DecimalParser.NOT_HANDLED) {
                assertThat(bits).as(s).isEqualTo(Double.doubleToRawLongBits(d));
            }
        }
    }

    @Test
    void randomDigitStringsRoundCorrectlyIncludingNearHalfway() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            int digits = 1 + r.nextInt(19);
            StringBuilder sb = new StringBuilder();
            sb.append((char) ('1' + r.nextInt(9)));
            for (int k = 1; k < digits; k++) {
                // runs of 0s and 9s put values next to halfway points between doubles
                int kind = r.nextInt(4);
                sb.append(kind == 0 ? '0' : kind == 1 ? '9' : (char) ('0' + r.nextInt(10)));
            }
            String s = sb + "e" + (r.nextInt(120) - 60);
            assertExact(s);
            int point = r.nextInt(digits + 1);
            assertExact(sb.substring(0, point) + "." + sb.substring(point));
        }
        // exact halfway cases between two doubles above 2^53: ties go to even
        for (long m = (1L << 53) + 1; m < (1L << 53) + 2000; m += 2) {
            assertExact(Long.toString(m));
            assertExact(Long.toString(m) + "0e-1");
        }
    }

    @Test
    void whatItDoesNotHandleIsLeftToTheGeneralParser() {
        for (String s : new String[] {"", "-", ".", "NaN", "+Inf", "-Inf", "+1", " 1", "1 ", "1e", "1e+", "0x1p3", "1d",
                "12345678901234567890", "1.2.3", "1e99999", "--1", "1\\u0030"}) {
            assertThat(parsed(s)).as(s).isEqualTo(DecimalParser.NOT_HANDLED);
        }
    }

    @Test
    void aMatrixDecodesPlainDecimalsInPlaceAndEverythingElseThroughTheGeneralParser() {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                + "[1.5,\"741.7247891647002\"],[2,\"NaN\"],[3,\"+Inf\"],[4,\"1\\u0030\"],[5,\"-0.5\"],[6,\"1e3\"],"
                + "[7,\"9007199254740993\"],[8,\" 2\"]]}]}}";
        var result = (io.vigia.datasources.api.QueryResult.Matrix) io.vigia.datasources.prometheus.PrometheusDecoder
                .query(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).result();
        double[] v = result.series().getFirst().values();
        assertThat(v[0]).isEqualTo(741.7247891647002);
        assertThat(v[1]).isNaN();
        assertThat(v[2]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(v[3]).isEqualTo(10.0); // an escaped digit: Jackson's string, not the raw bytes
        assertThat(v[4]).isEqualTo(-0.5);
        assertThat(v[5]).isEqualTo(1000.0);
        assertThat(v[6]).isEqualTo(9.007199254740992E15); // halfway: to even
        assertThat(v[7]).isEqualTo(2.0);
        assertThat(result.series().getFirst().timestamps()).startsWith(1500L, 2000L);
    }

    @Test
    void timestampsInPlaceAgreeWithTheGeneralPathOrAreLeftToIt() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            String t = switch (i % 4) {
                case 0 -> Long.toString(r.nextLong(0, 4_000_000_000L)) + "." + r.nextInt(1000);
                case 1 -> Long.toString(r.nextLong(-4_000_000_000L, 4_000_000_000L));
                case 2 -> Long.toString(r.nextLong(0, 4_000_000_000L)) + "." + String.format("%03d", r.nextInt(1000));
                default -> r.nextDouble() * 2e9 + "";
            };
            byte[] json = ("[" + t + ",\"1\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long inPlace = DecimalParser.secondsToMillis(json, 1);
            if (inPlace != DecimalParser.NO_MILLIS) {
                assertThat(inPlace).as(t).isEqualTo(ApiJson.secondsToMillis(t.toCharArray(), 0, t.length()));
            }
        }
        for (String t : new String[] {"1.2345", "1e3", "1.5E2", "-", ".5", "1234567890123456", "x"}) {
            byte[] json = ("[" + t + ",1]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(DecimalParser.secondsToMillis(json, 1)).as(t).isEqualTo(DecimalParser.NO_MILLIS);
        }
        assertThat(DecimalParser.secondsToMillis("[1435781451.781,".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1))
                .isEqualTo(1435781451781L);
        assertThat(DecimalParser.secondsToMillis("[-0.5]".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1)).isEqualTo(-500L);
    }
}
