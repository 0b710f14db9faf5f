package io.vigia.bench;

import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that two answers to a range query are the same work: the same series, the same steps,
 * and values that differ only by floating-point summation order. A benchmark whose contestants
 * answer differently compares nothing, so a difference stops the run.
 */
final class MatrixComparison {
    /** Relative difference allowed: sums over hundreds of series in another order differ in the last bits. */
    static final double TOLERANCE = 1e-9;

    private MatrixComparison() {
    }

    /** @return the largest relative difference found (at most {@link #TOLERANCE}) */
    static double check(String what, QueryResult expected, QueryResult actual) {
        if (!(expected instanceof QueryResult.Matrix e) || !(actual instanceof QueryResult.Matrix a)) {
            throw new IllegalStateException(what + ": not two matrices: " + expected.resultType() + ", " + actual.resultType());
        }
        if (e.series().size() != a.series().size()) {
            throw new IllegalStateException(what + ": " + e.series().size() + " series against " + a.series().size());
        }
        Map<Labels, QueryResult.RangeSeries> byLabels = new HashMap<>();
        a.series().forEach(s -> byLabels.put(s.labels(), s));
        double worst = 0;
        for (QueryResult.RangeSeries s : e.series()) {
            QueryResult.RangeSeries other = byLabels.get(s.labels());
            if (other == null) {
                throw new IllegalStateException(what + ": series " + s.labels() + " missing");
            }
            if (!java.util.Arrays.equals(s.timestamps(), other.timestamps())) {
                throw new IllegalStateException(what + ": " + s.labels() + " has other steps (" + s.size() + " against " + other.size() + ")");
            }
            for (int i = 0; i < s.size(); i++) {
                double x = s.values()[i];
                double y = other.values()[i];
                if (Double.compare(x, y) == 0) {
                    continue;
                }
                double relative = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
                if (!(relative <= TOLERANCE)) {
                    throw new IllegalStateException(what + ": " + s.labels() + " at " + s.timestamps()[i] + ": " + x + " against " + y);
                }
                worst = Math.max(worst, relative);
            }
        }
        return worst;
    }
}
