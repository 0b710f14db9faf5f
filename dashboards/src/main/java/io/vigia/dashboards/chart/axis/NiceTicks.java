package io.vigia.dashboards.chart.axis;

/**
 * Value-axis ticks on 1-2-5 steps, in the unit's scaled space (so a bytes axis gets ticks at
 * 0, 2, 4 MiB rather than at 2,000,000-byte steps); each label is scaled on its own.
 */
public final class NiceTicks {

    private NiceTicks() {
    }

    /** Ticks of an axis, its (possibly widened) bounds and the labels. */
    public record Ticks(double min, double max, double step, double[] values, String[] labels) {
    }

    /** The 1-2-5 step at least {@code rawStep} (positive, finite). */
    public static double niceStep(double rawStep) {
        if (!(rawStep > 0) || Double.isInfinite(rawStep)) {
            throw new IllegalArgumentException("step must be positive and finite: " + rawStep);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
        double residual = rawStep / magnitude;
        double nice;
        if (residual <= 1 + 1e-9) {
            nice = 1;
        } else if (residual <= 2 + 1e-9) {
            nice = 2;
        } else if (residual <= 5 + 1e-9) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /**
     * Ticks covering [dataMin, dataMax] with at most about {@code maxTicks} intervals. The
     * bounds are widened to whole steps; a flat or empty range is widened around its value.
     */
    public static Ticks compute(double dataMin, double dataMax, int maxTicks, Unit unit) {
        double lo = dataMin;
        double hi = dataMax;
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        // equal, or apart by rounding alone (a rate read back as 0.095 and 0.09500000000000001): a
        // step that small rounds both ends to one tick and leaves an empty axis
        if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
            if (dataMin >= 0 && lo < 0) {
                lo = 0;
            }
        }
        Unit.Scale scale = unit.scaleFor(Math.max(Math.abs(lo), Math.abs(hi)));
        double d = scale.divisor();
        double sLo = lo / d;
        double sHi = hi / d;
        int intervals = Math.max(1, maxTicks);
        double step = niceStep((sHi - sLo) / intervals);
        double first = Math.floor(sLo / step + 1e-9) * step;
        double last = Math.ceil(sHi / step - 1e-9) * step;
        int n = (int) Math.round((last - first) / step) + 1;
        double[] values = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            // k * step in decimal arithmetic: 3 × 0.1 is 0.3, not 0.30000000000000004
            long k = Math.round(first / step) + i;
            double v = java.math.BigDecimal.valueOf(step).multiply(java.math.BigDecimal.valueOf(k)).doubleValue() * d;
            values[i] = v;
            // each label in its own scale, as Grafana does: "200 req/s" next to "1.2k req/s",
            // "512 KiB" next to "1.5 MiB", with the decimals the step needs in that scale
            Unit.Scale own = unit.scaleFor(v);
            int ownDecimals = Math.max(0, (int) -Math.floor(Math.log10(step * d / own.divisor()) + 1e-9));
            labels[i] = unit.formatTick(v, own, ownDecimals);
        }
        return new Ticks(first * d, last * d, step * d, values, labels);
    }
}
