package io.vigia.datasources.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Exact conversion of the plain decimals that Prometheus writes as sample values
 * ({@code -?digits[.digits][e±digits]}, at most 19 significant digits) to the nearest double,
 * read in place from the response bytes, so that Jackson never copies the string. Anything else (NaN, Inf, a hex float, more digits,
 * a subnormal or overflowing result) is left to FastDoubleParser by answering {@link #NOT_HANDLED}.
 *
 * <p>Why by hand: profiling {@code query_range} decoding of 17-digit values (JFR, issue 18) put a
 * third of the decoder's time in FastDoubleParser's {@code char[]} entry point (which on JDK 23+
 * wraps the array in a new {@code MemorySegment} for every eight digits it reads) and a sixth in
 * Jackson copying each value string into characters first. FastDoubleParser's fast algorithm is
 * package-private and its byte entry point needs the string's end, which only a scan finds, so
 * the same algorithm is written here: Clinger's exact fast path
 * when the significand and the power of ten are both exact doubles, otherwise Eisel and Lemire's
 * 128-bit multiplication by a power of five (D. Lemire, "Number Parsing at a Gigabyte per Second",
 * Software: Practice and Experience 51(8), 2021, section 5; the table and rounding as in the
 * {@code fast_float} library), which needs no fallback for up to 19 digits except in the few
 * cases the paper names, where this class answers {@link #NOT_HANDLED}.
 */
final class DecimalParser {
    /** A NaN bit pattern no decimal parses to: "use the general parser". */
    static final long NOT_HANDLED = -1L;

    private static final int SMALLEST_POWER_OF_TEN = -342;
    private static final int LARGEST_POWER_OF_TEN = 308;
    private static final long TWO_TO_53 = 1L << 53;
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] POWERS_OF_TEN = {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
            10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
            1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};
    private static final double[] EXACT_POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** 5^q for q in [-342, 308] to 128 bits, normalised (top bit set): high word, low word. */
    private static final long[] POWERS_OF_FIVE = powersOfFive();

    private DecimalParser() {
    }

    /**
     * The bits of the double written in {@code b} from {@code off} up to a closing {@code "}
     * (a JSON string's content), or {@link #NOT_HANDLED} when it is not a plain decimal that ends there.
     */
    static long parseQuoted(byte[] b, int off) {
        int end = b.length;
        int i = off;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        i = digitRun(b, i);
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < end && b[i] == '.') {
            fracStart = ++i;
            i = digitRun(b, i);
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) {
            return NOT_HANDLED;
        }
        int leadingZeros = 0;
        for (int k = intStart; k < intEnd && b[k] == '0'; k++) {
            leadingZeros++;
        }
        if (leadingZeros == intEnd - intStart) {
            for (int k = fracStart; k < fracEnd && b[k] == '0'; k++) {
                leadingZeros++;
            }
        }
        if ((intEnd - intStart) + (fracEnd - fracStart) - leadingZeros > 19) {
            return NOT_HANDLED;
        }
        // at most 19 significant digits: exact in an unsigned long, and the integer part is 0 when
        // the fraction's leading zeros push it past 18 digits
        long whole = digits(b, intStart, intEnd);
        long w = whole == 0 ? digits(b, fracStart, fracEnd)
                : whole * POWERS_OF_TEN[fracEnd - fracStart] + digits(b, fracStart, fracEnd);
        int exp10 = -(fracEnd - fracStart);
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = i < end && b[i] == '-';
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int e = 0;
            int expDigits = 0;
            for (; i < end && isDigit(b[i]); i++) {
                if (++expDigits > 4) {
                    return NOT_HANDLED;
                }
                e = e * 10 + (b[i] - '0');
            }
            if (expDigits == 0) {
                return NOT_HANDLED;
            }
            exp10 += negativeExponent ? -e : e;
        }
        if (i >= end || b[i] != '"') {
            return NOT_HANDLED;
        }
        long sign = negative ? Long.MIN_VALUE : 0;
        if (w == 0) {
            return sign;
        }
        // w is unsigned: 19 digits may exceed Long.MAX_VALUE
        if (Long.compareUnsigned(w, TWO_TO_53) <= 0 && exp10 >= -22 && exp10 <= 22) {
            double d = exp10 < 0 ? w / EXACT_POWERS_OF_TEN[-exp10] : w * EXACT_POWERS_OF_TEN[exp10];
            return Double.doubleToRawLongBits(d) | sign;
        }
        long bits = eiselLemire(w, exp10);
        return bits == NOT_HANDLED ? NOT_HANDLED : bits | sign;
    }

    /** What {@link #secondsToMillis} answers for input it leaves to the general parser. */
    static final long NO_MILLIS = Long.MIN_VALUE;
    private static final int[] MILLIS_SCALE = {0, 100, 10, 1};

    /**
     * Epoch milliseconds from a JSON number of seconds at {@code b[off]} written as Prometheus
     * writes timestamps, {@code -?digits{1,15}[.digits{1,3}]}; {@link #NO_MILLIS} for anything
     * else (more fraction digits need rounding, an exponent, ...), which {@link ApiJson} handles.
     */
    static long secondsToMillis(byte[] b, int off) {
        int end = b.length;
        int i = off;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        i = digitRun(b, i);
        if (i == start || i - start > 15) {
            return NO_MILLIS;
        }
        long millis = digits(b, start, i) * 1000;
        if (i < end && b[i] == '.') {
            int fraction = ++i;
            long ms = 0;
            for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                ms = ms * 10 + d;
            }
            if (i == fraction || i - fraction > 3) {
                return NO_MILLIS;
            }
            millis += ms * MILLIS_SCALE[i - fraction];
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            return NO_MILLIS;
        }
        return negative ? -millis : millis;
    }

    private static boolean isDigit(byte ch) {
        return ch >= '0' && ch <= '9';
    }

    /**
     * The index of the first byte from {@code i} that is not an ASCII digit. Eight bytes at a
     * time: a digit's byte (0x30–0x39) has high nibble 3 and stays below 0x40 when 6 is added,
     * so both nibble tests give 0x33 in its lane and the XOR leaves zero; the lowest nonzero lane
     * is the first other byte. A carry out of a lane (from bytes ≥ 0xFA) only reaches later lanes.
     */
    private static int digitRun(byte[] b, int i) {
        int end = b.length;
        while (i + 8 <= end) {
            long x = (long) LITTLE_ENDIAN_LONG.get(b, i);
            long other = ((x & 0xF0F0F0F0F0F0F0F0L) | (((x + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                    ^ 0x3333333333333333L;
            if (other != 0) {
                return i + (Long.numberOfTrailingZeros(other) >>> 3);
            }
            i += 8;
        }
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    /**
     * The value of the ASCII digits {@code b[from, to)} (checked by the caller, and fitting in 64
     * bits): eight at a time by SIMD within a register, one load and three multiplications (D.
     * Lemire, "Quickly parsing eight digits", 2022). A shorter rest is loaded as eight bytes and
     * shifted so that the bytes before it read as leading zeros.
     */
    static long digits(byte[] b, int from, int to) {
        long v = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            v = v * 100_000_000 + eightDigits((long) LITTLE_ENDIAN_LONG.get(b, i));
        }
        int rest = to - i;
        if (rest > 0) {
            if (i + 8 <= b.length) {
                long x = (long) LITTLE_ENDIAN_LONG.get(b, i) << ((8 - rest) * 8);
                v = v * POWERS_OF_TEN[rest] + eightDigits(x);
            } else {
                for (; i < to; i++) {
                    v = v * 10 + (b[i] - '0');
                }
            }
        }
        return v;
    }

    /** Eight ASCII digits, the first in the lowest byte, as a number (lanes of zero read as leading zeros). */
    private static long eightDigits(long x) {
        x = (x & 0x0F0F0F0F0F0F0F0FL) * 2561 >>> 8;
        x = (x & 0x00FF00FF00FF00FFL) * 6553601 >>> 16;
        return (x & 0x0000FFFF0000FFFFL) * 42949672960001L >>> 32;
    }

    /** The bits of the positive double nearest to {@code w × 10^q} ({@code w} > 0), or {@link #NOT_HANDLED}. */
    private static long eiselLemire(long w, int q) {
        if (q < SMALLEST_POWER_OF_TEN || q > LARGEST_POWER_OF_TEN) {
            return NOT_HANDLED;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = 2 * (q - SMALLEST_POWER_OF_TEN);
        long high = Math.unsignedMultiplyHigh(w, POWERS_OF_FIVE[index]);
        long low = w * POWERS_OF_FIVE[index];
        if ((high & 0x1FF) == 0x1FF) { // the 9 bits below the 55 kept are all ones: the low word may carry
            long high2 = Math.unsignedMultiplyHigh(w, POWERS_OF_FIVE[index + 1]);
            low += high2;
            if (Long.compareUnsigned(high2, low) > 0) {
                high++;
            }
            if (low == -1L && (q < -27 || q > 55)) {
                return NOT_HANDLED; // the paper's one ambiguous case beyond 128 bits
            }
        }
        int upperBit = (int) (high >>> 63);
        int shift = upperBit + 64 - 52 - 3;
        long mantissa = high >>> shift;
        int power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - lz + 1023;
        if (power2 <= 0) {
            return NOT_HANDLED; // subnormal
        }
        if (Long.compareUnsigned(low, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && (mantissa << shift) == high) {
            mantissa &= ~1L; // exactly halfway: round to even
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        if (power2 >= 0x7FF) {
            return NOT_HANDLED; // overflows to infinity
        }
        return (mantissa & ~(1L << 52)) | ((long) power2 << 52);
    }

    /**
     * The table of {@code fast_float}'s generator: for q ≥ 0 the top 128 bits of 5^q; for q < 0
     * a 128-bit reciprocal of 5^-q rounded up (for q < -27 computed wider, then truncated).
     * Computed once at class loading (651 BigInteger divisions, well under a millisecond of work
     * compared with 1,302 literals to maintain).
     */
    private static long[] powersOfFive() {
        long[] t = new long[2 * (LARGEST_POWER_OF_TEN - SMALLEST_POWER_OF_TEN + 1)];
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        int k = 0;
        for (int q = SMALLEST_POWER_OF_TEN; q <= LARGEST_POWER_OF_TEN; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                int z = power5.subtract(BigInteger.ONE).bitLength(); // smallest z with 2^z >= 5^-q
                int b = q >= -27 ? z + 127 : 2 * z + 2 * 64;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = BigInteger.valueOf(5).pow(q);
                while (c.compareTo(two127) < 0) {
                    c = c.shiftLeft(1);
                }
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            }
            t[k++] = c.shiftRight(64).longValue();
            t[k++] = c.longValue();
        }
        return t;
    }
}
