package io.vigia.dashboards.report;

/** Grafana's reducers for stat panels, over one series' values; NaN values are gaps. */
public final class Reducer {
    private Reducer() {
    }

    public static double apply(String name, double[] v) {
        return switch (name == null || name.isEmpty() ? "lastNotNull" : name) {
            case "last" -> v.length == 0 ? Double.NaN : v[v.length - 1];
            case "first" -> v.length == 0 ? Double.NaN : v[0];
            case "firstNotNull" -> firstNotNaN(v);
            case "mean" -> stat(v, 0);
            case "sum" -> stat(v, 1);
            case "max" -> stat(v, 2);
            case "min" -> stat(v, 3);
            case "count" -> count(v);
            case "delta", "diff" -> lastNotNaN(v) - firstNotNaN(v);
            default -> lastNotNaN(v);
        };
    }

    private static double lastNotNaN(double[] v) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (!Double.isNaN(v[i])) {
                return v[i];
            }
        }
        return Double.NaN;
    }

    private static double firstNotNaN(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                return x;
            }
        }
        return Double.NaN;
    }

    private static double count(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    /** kind 0 mean, 1 sum, 2 max, 3 min; NaN when every value is NaN. */
    private static double stat(double[] v, int kind) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                max = Math.max(max, x);
                min = Math.min(min, x);
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (kind) {
            case 0 -> sum / n;
            case 1 -> sum;
            case 2 -> max;
            default -> min;
        };
    }
}
