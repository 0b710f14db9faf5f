package io.vigia.dashboards.paint;

import io.vigia.dashboards.analytics.DriftThresholds;
import io.vigia.dashboards.analytics.DriftVerdict;
import io.vigia.dashboards.analytics.stats.JensenShannonTest;
import io.vigia.dashboards.analytics.stats.TwoSampleTest;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.query.DriftPanel;
import io.vigia.dashboards.query.PanelData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table a drift status panel draws, from the series {@link DriftPanel} loads. */
final class DriftStatusTable {
    private DriftStatusTable() {
    }

    /**
     * A drift status panel: one row per feature, the alerts that hold first. The verdict is the
     * Jensen–Shannon status qualified by the block permutation test ({@link DriftVerdict}); p and
     * q (Benjamini–Hochberg across the panel's features) are shown beside it.
     */
    static TableData of(PanelData data) {
        // js, psi, requests, p, q, js interval lower, upper
        Map<String, double[]> byFeature = new LinkedHashMap<>();
        for (int i = 0; i < data.series().size(); i++) {
            TimeSeriesData s = data.series().get(i);
            double[] v = byFeature.computeIfAbsent(s.name(), k -> {
                double[] a = new double[7];
                Arrays.fill(a, Double.NaN);
                return a;
            });
            int slot = switch (data.refIds().get(i)) {
                case DriftPanel.REF_JS -> 0;
                case DriftPanel.REF_PSI -> 1;
                case DriftPanel.REF_P -> 3;
                case DriftPanel.REF_Q -> 4;
                case DriftPanel.REF_JS_LOW -> 5;
                case DriftPanel.REF_JS_HIGH -> 6;
                default -> 2;
            };
            v[slot] = s.values().length == 0 ? Double.NaN : s.values()[s.values().length - 1];
        }
        DriftThresholds.Level js = DriftThresholds.DEFAULTS.jensenShannon();
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byFeature.entrySet()) {
            double[] v = e.getValue();
            // the levels are in the panel's documentation (docs/telemetry.md)
            String verdict = Double.isNaN(v[0]) ? "no baseline" : DriftVerdict.of(js.ofDistance(v[0]), v[4]);
            out.add(List.of(e.getKey(), verdict, Double.isNaN(v[0]) ? "-" : String.format(Locale.ROOT, "%.3f", v[0]),
                    Double.isNaN(v[5]) ? "-" : String.format(Locale.ROOT, "%.3f–%.3f", v[5], v[6]),
                    Double.isNaN(v[1]) ? "-" : String.format(Locale.ROOT, "%.3f", v[1]), Unit.COUNT.format(v[2]),
                    TwoSampleTest.formatP(v[3], JensenShannonTest.DEFAULT_RESAMPLES),
                    Double.isNaN(v[4]) ? "-" : String.format(Locale.ROOT, "%.3g", v[4])));
        }
        out.sort(Comparator.comparingInt(r -> DriftVerdict.rank(r.get(1))));
        return new TableData(List.of(new TableData.Column("Feature", TableData.Align.LEFT),
                new TableData.Column("Verdict", TableData.Align.LEFT),
                new TableData.Column("JS dist.", TableData.Align.RIGHT),
                new TableData.Column("JS 95% CI", TableData.Align.RIGHT),
                new TableData.Column("PSI", TableData.Align.RIGHT),
                new TableData.Column("Requests", TableData.Align.RIGHT),
                new TableData.Column("p", TableData.Align.RIGHT),
                new TableData.Column("q", TableData.Align.RIGHT)), out);
    }

}
