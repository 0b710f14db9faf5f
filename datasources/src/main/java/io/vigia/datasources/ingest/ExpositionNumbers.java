package io.vigia.datasources.ingest;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number syntax of the two formats: OpenMetrics is strict decimal; the text format is Go's ParseFloat. */
final class ExpositionNumbers {
    static final double INVALID = Double.longBitsToDouble(0x7ff8dead0000beefL);

    private ExpositionNumbers() {
    }

    /** An OpenMetrics value: decimal (leading zeros allowed), {@code +Inf}, {@code -Inf} or {@code NaN}. */
    static boolean isOpenMetricsNumber(String s) {
        return switch (s) {
            case "NaN", "+Inf", "-Inf", "Inf" -> true;
            default -> isDecimal(s);
        };
    }

    /** Parses a value already checked by {@link #isOpenMetricsNumber}. */
    static double parse(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> JavaDoubleParser.parseDouble(s);
        };
    }

    /**
     * A number as Prometheus's scraper reads values and OpenMetrics timestamps (textparse's
     * parseFloat at v2.42.0): Go's strconv.ParseFloat, which takes decimals, {@code inf} or
     * {@code infinity} with an optional sign and {@code nan} without one, in any case, and fails
     * on a decimal beyond the range of a double; textparse refuses {@code p}, {@code P} and
     * {@code _} first, so hexadecimal and digit separators never get through. {@link #INVALID}
     * when it would fail.
     */
    static double parseGo(String s) {
        if (isDecimal(s)) {
            double v = JavaDoubleParser.parseDouble(s);
            return Double.isInfinite(v) ? INVALID : v; // ParseFloat's ErrRange
        }
        String l = s.toLowerCase(Locale.ROOT);
        String unsigned = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (l.equals("nan")) {
            return Double.NaN;
        }
        return INVALID;
    }

    /**
     * An OpenMetrics timestamp as Prometheus 2.42 converts it: {@code int64(seconds * 1000)}, a
     * float multiplication truncated toward zero (so {@code 1.0125} becomes 1012 ms); out of the
     * range of an int64, Go on amd64 yields its minimum, which a Java cast would saturate instead.
     */
    static long goSecondsToMillis(double seconds) {
        double ms = seconds * 1000;
        if (ms >= 0x1p63 || ms < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) ms;
    }

    static boolean isInvalid(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(INVALID);
    }

    /** {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** OpenMetrics timestamp (decimal seconds) to milliseconds, saturating beyond a long's range. */
    static long secondsToMillis(String decimalSeconds) {
        BigDecimal ms;
        try {
            // scaleByPowerOfTen, not movePointRight: that one expands 1e90430023 to all its digits
            ms = new BigDecimal(decimalSeconds).scaleByPowerOfTen(3);
        } catch (NumberFormatException | ArithmeticException e) {
            // the syntax is checked (isDecimal): only an exponent beyond an int's range gets here
            return hugeExponent(decimalSeconds);
        }
        int integerDigits = ms.precision() - ms.scale();
        if (integerDigits < 0) {
            return 0; // |ms| < 0.1; also keeps setScale from expanding 1e-999999999
        }
        if (integerDigits > 19) {
            return ms.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE; // and from expanding 1e999999999
        }
        ms = ms.setScale(0, RoundingMode.HALF_EVEN);
        if (ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (ms.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return ms.longValue();
    }

    private static long hugeExponent(String decimal) {
        int e = Math.max(decimal.indexOf('e'), decimal.indexOf('E'));
        String mantissa = decimal.substring(0, e);
        if (decimal.charAt(e + 1) == '-' || mantissa.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            return 0;
        }
        return mantissa.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** A text-format timestamp: integer milliseconds, digits only (promlex.l: {@code <sTimestamp>{D}+}). */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
