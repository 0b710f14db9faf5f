package io.vigia.dashboards.ask;

import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;

/** A query result as named series with last, min, max and mean of their finite values. */
final class SeriesSummaries {
    private SeriesSummaries() {
    }

    static List<AskAnswer.SeriesNumbers> of(QueryResult r) {
        List<AskAnswer.SeriesNumbers> out = new ArrayList<>();
        switch (r) {
            case QueryResult.Matrix m -> {
                for (QueryResult.RangeSeries s : m.series()) {
                    out.add(summary(name(s.labels()), s.timestamps(), s.values()));
                }
            }
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.add(summary(name(v.labels()[i]), new long[] {v.timestamps()[i]}, new double[] {v.values()[i]}));
                }
            }
            case QueryResult.Scalar s -> out.add(summary("scalar", new long[] {s.timestamp()}, new double[] {s.value()}));
            case QueryResult.StringValue s -> {
            }
        }
        return out;
    }

    static AskAnswer.SeriesNumbers summary(String name, long[] ts, double[] vs) {
        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        int n = 0;
        double last = Double.NaN;
        for (double v : vs) {
            if (Double.isFinite(v)) {
                min = n == 0 ? v : Math.min(min, v);
                max = n == 0 ? v : Math.max(max, v);
                sum += v;
                n++;
                last = v;
            }
        }
        return new AskAnswer.SeriesNumbers(name, last, min, max, n == 0 ? Double.NaN : sum / n, ts, vs);
    }

    /** {@code {service="payments"}}, or {@code total} for a series without labels. */
    static String name(Labels labels) {
        String s = labels.toString();
        return s.isEmpty() || s.equals("{}") ? "total" : s;
    }
}
