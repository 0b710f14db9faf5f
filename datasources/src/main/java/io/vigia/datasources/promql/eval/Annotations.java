package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.PosRange;
import io.vigia.datasources.promql.parser.ParseException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings and infos collected during one evaluation, rendered as Prometheus's API does. */
public final class Annotations {
    private final String query;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    public Annotations(String query) {
        this.query = query;
    }

    public void warn(String msg, PosRange pos) {
        warnings.add("PromQL warning: " + msg + " (" + ParseException.position(query, pos.start()) + ")");
    }

    public void info(String msg, PosRange pos) {
        infos.add("PromQL info: " + msg + " (" + ParseException.position(query, pos.start()) + ")");
    }

    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>(warnings);
        for (java.util.Map.Entry<String, int[]> e : startTimeOverlaps.entrySet()) {
            int[] c = e.getValue(); // count, position offset
            out.add("PromQL warning: sample has start time that overlaps with previous sample timestamp for metric \""
                    + e.getKey() + "\"" + (c[0] > 1 ? " (" + c[0] + " occurrences)" : "") + " ("
                    + ParseException.position(query, c[1]) + ")");
        }
        return List.copyOf(out);
    }

    private final java.util.Map<String, int[]> startTimeOverlaps = new java.util.LinkedHashMap<>();

    /**
     * A sample's start time overlaps the previous sample (util/annotations StartTimeOverlapWarning);
     * repeats for the same metric merge into one warning with a count, as Prometheus merges them.
     */
    public void startTimeOverlap(String metric, PosRange pos) {
        startTimeOverlaps.computeIfAbsent(metric, k -> new int[] {0, pos.start()})[0]++;
    }

    public List<String> infos() {
        List<String> out = new java.util.ArrayList<>(infos);
        for (Monotonicity m : monotonicity.values()) {
            out.add(m.render());
        }
        return List.copyOf(out);
    }

    private final java.util.Map<String, Monotonicity> monotonicity = new java.util.LinkedHashMap<>();

    /** histogram_quantile had to force bucket counts monotonic; merged over all steps like Prometheus. */
    public void forcedMonotonicity(String metric, PosRange pos, long ts, double minBucket, double maxBucket,
                                   double maxDiff) {
        String base = "PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see "
                + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
                + (metric.isEmpty() ? "" : " for metric name \"" + metric + "\"");
        String position = ParseException.position(query, pos.start());
        Monotonicity m = monotonicity.get(base);
        if (m == null) {
            monotonicity.put(base, new Monotonicity(base, position, ts, ts, minBucket, maxBucket, maxDiff, 1));
        } else {
            monotonicity.put(base, new Monotonicity(base, m.position, Math.min(m.minTs, ts), Math.max(m.maxTs, ts),
                    Math.min(m.minBucket, minBucket), Math.max(m.maxBucket, maxBucket), Math.max(m.maxDiff, maxDiff),
                    m.count + 1));
        }
    }

    private record Monotonicity(String base, String position, long minTs, long maxTs, double minBucket,
                                double maxBucket, double maxDiff, int count) {
        String render() {
            return base + ", from buckets " + FormatGo.formatG(minBucket) + " to " + FormatGo.formatG(maxBucket)
                    + ", with a max diff of " + FormatGo.formatG(maxDiff, 2) + ", over " + count + " samples from "
                    + rfc3339(minTs) + " to " + rfc3339(maxTs) + " (" + position + ")";
        }

        private static String rfc3339(long ms) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    java.time.Instant.ofEpochSecond(Math.floorDiv(ms, 1000)).atOffset(java.time.ZoneOffset.UTC))
                    .replace("+00:00", "Z");
        }
    }
}
