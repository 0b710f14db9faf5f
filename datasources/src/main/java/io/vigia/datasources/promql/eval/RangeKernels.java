package io.vigia.datasources.promql.eval;

/**
 * Range-vector function kernels over one window {@code [lo, hi)} of a series' primitive arrays.
 * Interim implementations: the lead wires the shared kernel library
 * ({@code io.vigia.datasources.promql.functions}) in here once it is merged.
 */
final class RangeKernels {
    private RangeKernels() {
    }

    /** Neumaier-compensated summation step: returns the new sum, updates {@code c[0]}. */
    static double kahanInc(double inc, double sum, double[] c) {
        double t = sum + inc;
        if (Double.isInfinite(t)) {
            c[0] = 0;
        } else if (Math.abs(sum) >= Math.abs(inc)) {
            c[0] += (sum - t) + inc;
        } else {
            c[0] += (inc - t) + sum;
        }
        return t;
    }

    /** rate/increase/delta with Prometheus's extrapolation; NaN when fewer than two samples. */
    static double extrapolatedRate(long[] ts, double[] v, int lo, int hi, long rangeStart, long rangeEnd,
                                   boolean isCounter, boolean isRate) {
        int n = hi - lo;
        if (n < 2) {
            return Double.NaN;
        }
        long firstT = ts[lo];
        long lastT = ts[hi - 1];
        double result = v[hi - 1] - v[lo];
        if (isCounter) {
            double last = 0;
            for (int i = lo; i < hi; i++) {
                if (v[i] < last) {
                    result += last;
                }
                last = v[i];
            }
        }
        double durationToStart = (firstT - rangeStart) / 1000.0;
        double durationToEnd = (rangeEnd - lastT) / 1000.0;
        double sampled = (lastT - firstT) / 1000.0;
        double avg = sampled / (n - 1);
        double threshold = avg * 1.1;
        if (durationToStart >= threshold) {
            durationToStart = avg / 2;
        }
        if (isCounter) {
            double durationToZero = durationToStart;
            if (result > 0 && v[lo] >= 0) {
                durationToZero = sampled * (v[lo] / result);
            }
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        if (durationToEnd >= threshold) {
            durationToEnd = avg / 2;
        }
        double factor = (sampled + durationToStart + durationToEnd) / sampled;
        if (isRate) {
            factor /= (rangeEnd - rangeStart) / 1000.0;
        }
        return result * factor;
    }

    static double instantValue(long[] ts, double[] v, int lo, int hi, boolean isRate) {
        if (hi - lo < 2) {
            return Double.NaN;
        }
        double last = v[hi - 1];
        double prev = v[hi - 2];
        double r = (isRate && last < prev) ? last : last - prev;
        long interval = ts[hi - 1] - ts[hi - 2];
        if (interval == 0) {
            return Double.NaN;
        }
        if (isRate) {
            r /= interval / 1000.0;
        }
        return r;
    }

    /** Least-squares slope and intercept at {@code interceptTime}; out[0]=slope, out[1]=intercept. */
    static void linearRegression(long[] ts, double[] v, int lo, int hi, long interceptTime, double[] out) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumX2 = 0;
        double[] cX = {0};
        double[] cY = {0};
        double[] cXY = {0};
        double[] cX2 = {0};
        double initY = v[lo];
        boolean constY = true;
        for (int i = lo; i < hi; i++) {
            if (constY && i > lo && v[i] != initY) {
                constY = false;
            }
            n += 1;
            double x = (ts[i] - interceptTime) / 1e3;
            sumX = kahanInc(x, sumX, cX);
            sumY = kahanInc(v[i], sumY, cY);
            sumXY = kahanInc(x * v[i], sumXY, cXY);
            sumX2 = kahanInc(x * x, sumX2, cX2);
        }
        if (constY) {
            if (Double.isInfinite(initY)) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
            } else {
                out[0] = 0;
                out[1] = initY;
            }
            return;
        }
        sumX += cX[0];
        sumY += cY[0];
        sumXY += cXY[0];
        sumX2 += cX2[0];
        double covXY = sumXY - sumX * sumY / n;
        double varX = sumX2 - sumX * sumX / n;
        double slope = covXY / varX;
        out[0] = slope;
        out[1] = sumY / n - slope * sumX / n;
    }

    static double sum(double[] v, int lo, int hi) {
        double s = 0;
        double[] c = {0};
        for (int i = lo; i < hi; i++) {
            s = kahanInc(v[i], s, c);
        }
        return Double.isInfinite(s) ? s : s + c[0];
    }

    static double avg(double[] v, int lo, int hi) {
        double sum = 0;
        double mean = 0;
        double[] c = {0};
        double count = 0;
        boolean incremental = false;
        for (int i = lo; i < hi; i++) {
            double f = v[i];
            count = i - lo + 1;
            if (!incremental) {
                double[] nc = {c[0]};
                double ns = kahanInc(f, sum, nc);
                if (count == 1 || !Double.isInfinite(ns)) {
                    sum = ns;
                    c[0] = nc[0];
                    continue;
                }
                incremental = true;
                mean = sum / (count - 1);
                c[0] /= count - 1;
            }
            if (Double.isInfinite(mean)) {
                if (Double.isInfinite(f) && (mean > 0) == (f > 0)) {
                    continue;
                }
                if (!Double.isInfinite(f) && !Double.isNaN(f)) {
                    continue;
                }
            }
            double corrected = mean + c[0];
            mean = kahanInc(f / count - corrected / count, mean, c);
        }
        if (incremental) {
            return mean + c[0];
        }
        return (sum + c[0]) / count;
    }

    static double variance(double[] v, int lo, int hi) {
        double count = 0;
        double mean = 0;
        double[] cMean = {0};
        double aux = 0;
        double[] cAux = {0};
        for (int i = lo; i < hi; i++) {
            count++;
            double delta = v[i] - (mean + cMean[0]);
            mean = kahanInc(delta / count, mean, cMean);
            aux = kahanInc(delta * (v[i] - (mean + cMean[0])), aux, cAux);
        }
        return (aux + cAux[0]) / count;
    }

    static double min(double[] v, int lo, int hi) {
        double m = v[lo];
        for (int i = lo + 1; i < hi; i++) {
            if (v[i] < m || Double.isNaN(m)) {
                m = v[i];
            }
        }
        return m;
    }

    static double max(double[] v, int lo, int hi) {
        double m = v[lo];
        for (int i = lo + 1; i < hi; i++) {
            if (v[i] > m || Double.isNaN(m)) {
                m = v[i];
            }
        }
        return m;
    }

    static double changes(double[] v, int lo, int hi) {
        int c = 0;
        for (int i = lo + 1; i < hi; i++) {
            double p = v[i - 1];
            double x = v[i];
            if (x != p && !(Double.isNaN(x) && Double.isNaN(p))) {
                c++;
            }
        }
        return c;
    }

    static double resets(double[] v, int lo, int hi) {
        int c = 0;
        for (int i = lo + 1; i < hi; i++) {
            if (v[i] < v[i - 1]) {
                c++;
            }
        }
        return c;
    }
}
