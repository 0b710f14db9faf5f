package io.vigia.datasources.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules of OpenMetrics 1.0 that a line-by-line reading cannot see: families are
 * contiguous and named once, metadata precedes samples, each type's sample names, labels and
 * values, metrics (label groups) are contiguous, timestamps do not go back, and every histogram
 * point is complete (sorted buckets ending at +Inf, _count equal to the +Inf bucket, _sum with
 * _count). Violations come back as messages; the caller adds the line number.
 */
final class OpenMetricsRules {
    private static final int EXEMPLAR_MAX_RUNES = 128;

    /** family name → its state; sample name → the family that produces it. */
    private final Map<String, Family> families = new HashMap<>();
    private final Map<String, String> sampleNames = new HashMap<>();
    private Family current;

    static final class Family {
        final String name;
        MetricType type = MetricType.UNKNOWN;
        boolean typeSet;
        boolean helpSet;
        boolean unitSet;
        String help = "";
        String unit = "";
        boolean hasSamples;
        boolean announced;
        final Set<Map<String, String>> finishedGroups = new HashSet<>();
        Map<String, String> group;
        Point point;

        Family(String name) {
            this.name = name;
        }
    }

    /** One MetricPoint: the samples of a group that share a timestamp. */
    static final class Point {
        boolean hasTimestamp;
        String timestamp;
        long timestampMillis;
        double lastLe = Double.NEGATIVE_INFINITY;
        double lastBucket = -1;
        int buckets;
        boolean negativeBucket;
        boolean infBucket;
        double infCount;
        boolean afterBuckets;
        boolean hasCount;
        double count;
        boolean hasSum;
        double sum;
    }

    Family current() {
        return current;
    }

    // ---- metadata --------------------------------------------------------------------------

    String metadata(String kind, String name, String text) {
        if (!SampleLine.isMetricName(name)) {
            return "invalid metric name \"" + SampleLine.abbreviate(name) + "\" in # " + kind;
        }
        Family f = familyForMetadata(name);
        if (f == null) {
            return "metadata for " + name + " appears after another family started; a family's lines must be together";
        }
        if (f.hasSamples) {
            return "# " + kind + " for " + name + " comes after its samples";
        }
        return switch (kind) {
            case "HELP" -> {
                if (f.helpSet) {
                    yield "repeated # HELP for " + name;
                }
                f.helpSet = true;
                f.help = text;
                yield null;
            }
            case "TYPE" -> {
                if (f.typeSet) {
                    yield "repeated # TYPE for " + name;
                }
                MetricType t = MetricType.fromOpenMetrics(text);
                if (t == null) {
                    yield "unknown metric type \"" + SampleLine.abbreviate(text) + "\" for " + name;
                }
                f.typeSet = true;
                f.type = t;
                yield claimSampleNames(f);
            }
            case "UNIT" -> {
                if (f.unitSet) {
                    yield "repeated # UNIT for " + name;
                }
                f.unitSet = true;
                f.unit = text;
                yield checkUnit(f);
            }
            default -> "unknown metadata # " + kind;
        };
    }

    private Family familyForMetadata(String name) {
        if (current != null && current.name.equals(name)) {
            return current;
        }
        if (families.containsKey(name)) {
            return null;
        }
        String owner = sampleNames.get(name);
        if (owner != null && !owner.equals(name)) {
            return null;
        }
        startFamily(name);
        return current;
    }

    private String checkUnit(Family f) {
        if (f.unit.isEmpty()) {
            return null;
        }
        if (f.type == MetricType.INFO || f.type == MetricType.STATESET) {
            return f.type.name().toLowerCase() + " " + f.name + " cannot have a unit";
        }
        if (!f.name.endsWith("_" + f.unit)) {
            return "the name of " + f.name + " must end with its unit _" + f.unit;
        }
        return null;
    }

    private String claimSampleNames(Family f) {
        String unitError = checkUnit(f);
        if (unitError != null) {
            return unitError;
        }
        for (String suffix : f.type.openMetricsSuffixes()) {
            String sample = f.name + suffix;
            Family other = families.get(sample);
            String owner = sampleNames.get(sample);
            if ((other != null && other != f) || (owner != null && !owner.equals(f.name))) {
                return "the samples of " + f.name + " (" + sample + ") clash with another family";
            }
        }
        for (String suffix : f.type.openMetricsSuffixes()) {
            sampleNames.put(f.name + suffix, f.name);
        }
        return null;
    }

    private void startFamily(String name) {
        current = new Family(name);
        families.put(name, current);
    }

    // ---- samples -----------------------------------------------------------------------------

    /** Finds (or starts) the family of a sample; a message when that breaks contiguity. */
    String familyForSample(String sampleName) {
        if (current != null && current.type.openMetricsSuffixes().stream().anyMatch(s -> sampleName.equals(current.name + s))) {
            return null;
        }
        String owner = sampleNames.get(sampleName);
        if (owner != null || families.containsKey(sampleName)) {
            return "sample " + sampleName + " belongs to a family whose lines ended earlier; a family's lines must be together";
        }
        String closeError = finishFamily();
        if (closeError != null) {
            return closeError;
        }
        startFamily(sampleName);
        sampleNames.put(sampleName, sampleName);
        return null;
    }

    /** Checks one sample of the current family; {@code labels} excludes the name. */
    String sample(String sampleName, Map<String, String> labels, double value, String timestamp, long timestampMillis,
                  boolean hasExemplar, List<String> exemplarNames, List<String> exemplarValues) {
        Family f = current;
        f.hasSamples = true;
        String suffix = sampleName.substring(f.name.length());
        String err = checkExemplar(f, suffix, hasExemplar, exemplarNames, exemplarValues);
        if (err == null) {
            err = checkValueAndLabels(f, suffix, labels, value);
        }
        if (err != null) {
            return err;
        }
        Map<String, String> group = groupOf(f, labels);
        if (!group.equals(f.group)) {
            if (f.finishedGroups.contains(group)) {
                return "the samples of " + f.name + group + " are not together";
            }
            if (f.group != null) {
                err = finishPoint(f);
                if (err != null) {
                    return err;
                }
                f.finishedGroups.add(f.group);
            }
            f.group = group;
            f.point = newPoint(timestamp, timestampMillis);
        } else {
            Point p = f.point;
            if (p.hasTimestamp != (timestamp != null)) {
                return "samples of " + f.name + " mix lines with and without timestamps";
            }
            if (timestamp != null && timestampMillis < p.timestampMillis) {
                return "timestamps of " + f.name + " go backwards";
            }
            if (timestamp != null && timestampMillis > p.timestampMillis) {
                err = finishPoint(f);
                if (err != null) {
                    return err;
                }
                f.point = newPoint(timestamp, timestampMillis);
            }
        }
        return histogramSample(f, suffix, labels, value);
    }

    private static Point newPoint(String timestamp, long millis) {
        Point p = new Point();
        p.hasTimestamp = timestamp != null;
        p.timestamp = timestamp;
        p.timestampMillis = millis;
        return p;
    }

    private static Map<String, String> groupOf(Family f, Map<String, String> labels) {
        String drop = switch (f.type) {
            case HISTOGRAM, GAUGEHISTOGRAM -> "le";
            case SUMMARY -> "quantile";
            case STATESET -> f.name;
            default -> null;
        };
        if (drop == null || !labels.containsKey(drop)) {
            return labels;
        }
        Map<String, String> g = new HashMap<>(labels);
        g.remove(drop);
        return g;
    }

    private static String checkExemplar(Family f, String suffix, boolean has, List<String> names, List<String> values) {
        if (!has) {
            return null;
        }
        boolean allowed = (f.type == MetricType.COUNTER && suffix.equals("_total"))
                || ((f.type == MetricType.HISTOGRAM || f.type == MetricType.GAUGEHISTOGRAM) && suffix.equals("_bucket"));
        if (!allowed) {
            return "exemplars are only allowed on counter _total and histogram _bucket samples, not on " + f.name + suffix;
        }
        int runes = 0;
        for (int i = 0; i < names.size(); i++) {
            runes += names.get(i).codePointCount(0, names.get(i).length());
            runes += values.get(i).codePointCount(0, values.get(i).length());
        }
        if (runes > EXEMPLAR_MAX_RUNES) {
            return "exemplar labels of " + f.name + suffix + " have " + runes + " characters; at most " + EXEMPLAR_MAX_RUNES;
        }
        return null;
    }

    private static String checkValueAndLabels(Family f, String suffix, Map<String, String> labels, double value) {
        String sample = f.name + suffix;
        switch (f.type) {
            case COUNTER -> {
                if (suffix.equals("_total") && (Double.isNaN(value) || value < 0)) {
                    return "counter " + sample + " must be a non-negative number, got " + value;
                }
            }
            case HISTOGRAM, GAUGEHISTOGRAM -> {
                if (suffix.equals("_bucket")) {
                    String le = labels.get("le");
                    if (le == null) {
                        return "histogram bucket " + sample + " has no le label";
                    }
                    if (!ExpositionNumbers.isOpenMetricsNumber(le) || Double.isNaN(ExpositionNumbers.parse(le))) {
                        return "histogram bucket " + sample + " has an invalid le=\"" + SampleLine.abbreviate(le) + "\"";
                    }
                    if (Double.isNaN(value) || value < 0) {
                        return "histogram bucket " + sample + " must be a non-negative count, got " + value;
                    }
                } else if (suffix.equals("_count") || suffix.equals("_gcount")) {
                    if (Double.isNaN(value) || value < 0) {
                        return sample + " must be a non-negative count, got " + value;
                    }
                } else if ((suffix.equals("_sum") || suffix.equals("_gsum")) && Double.isNaN(value)) {
                    return sample + " must not be NaN";
                }
            }
            case SUMMARY -> {
                if (suffix.isEmpty()) {
                    String q = labels.get("quantile");
                    if (q == null) {
                        return "summary sample " + sample + " has no quantile label";
                    }
                    if (!ExpositionNumbers.isOpenMetricsNumber(q)) {
                        return "summary " + sample + " has an invalid quantile=\"" + SampleLine.abbreviate(q) + "\"";
                    }
                    double qv = ExpositionNumbers.parse(q);
                    if (Double.isNaN(qv) || qv < 0 || qv > 1) {
                        return "summary " + sample + " has quantile " + q + " outside [0, 1]";
                    }
                    if (value < 0) {
                        return "summary quantile of " + sample + " must not be negative, got " + value;
                    }
                } else if ((suffix.equals("_count") || suffix.equals("_sum")) && (Double.isNaN(value) || value < 0)) {
                    return "summary " + sample + " must be a non-negative number, got " + value;
                }
            }
            case STATESET -> {
                if (!labels.containsKey(f.name)) {
                    return "stateset sample " + sample + " needs a label named " + f.name;
                }
                if (value != 0 && value != 1) {
                    return "stateset " + sample + " must be 0 or 1, got " + value;
                }
            }
            case INFO -> {
                if (value != 1) {
                    return "info " + sample + " must be 1, got " + value;
                }
            }
            default -> {
                // gauge and unknown: any value
            }
        }
        return null;
    }

    private static String histogramSample(Family f, String suffix, Map<String, String> labels, double value) {
        if (f.type != MetricType.HISTOGRAM && f.type != MetricType.GAUGEHISTOGRAM) {
            return null;
        }
        Point p = f.point;
        switch (suffix) {
            case "_bucket" -> {
                if (p.afterBuckets) {
                    return "bucket of " + f.name + " after its count or sum";
                }
                double le = ExpositionNumbers.parse(labels.get("le"));
                if (p.buckets > 0 && le <= p.lastLe) {
                    return "buckets of " + f.name + " are not sorted by le";
                }
                if (value < p.lastBucket) {
                    return "bucket counts of " + f.name + " decrease";
                }
                p.buckets++;
                p.lastLe = le;
                p.lastBucket = value;
                p.negativeBucket |= le < 0;
                if (le == Double.POSITIVE_INFINITY) {
                    p.infBucket = true;
                    p.infCount = value;
                }
            }
            case "_count", "_gcount" -> {
                p.afterBuckets = true;
                p.hasCount = true;
                p.count = value;
            }
            case "_sum", "_gsum" -> {
                p.afterBuckets = true;
                p.hasSum = true;
                p.sum = value;
            }
            default -> p.afterBuckets = true;
        }
        return null;
    }

    private static String finishPoint(Family f) {
        if (f.point == null || (f.type != MetricType.HISTOGRAM && f.type != MetricType.GAUGEHISTOGRAM)) {
            return null;
        }
        Point p = f.point;
        String what = f.type.name().toLowerCase() + " " + f.name + (f.group.isEmpty() ? "" : f.group.toString());
        if (p.buckets == 0) {
            return what + " has no buckets";
        }
        if (!p.infBucket) {
            return what + " has no +Inf bucket";
        }
        if (p.hasCount && p.count != p.infCount) {
            return what + " count " + p.count + " differs from its +Inf bucket " + p.infCount;
        }
        if (p.hasCount != p.hasSum) {
            return what + " must have both a count and a sum, or neither";
        }
        if (f.type == MetricType.HISTOGRAM && p.hasSum && (p.negativeBucket || p.sum < 0)) {
            return what + (p.negativeBucket ? " has negative buckets, so it must not have a sum" : " has a negative sum");
        }
        if (f.type == MetricType.GAUGEHISTOGRAM && p.hasSum && p.sum < 0 && !p.negativeBucket) {
            return what + " has a negative sum but no negative bucket";
        }
        return null;
    }

    /** Validates the last point of the current family; call at a family change and at the end. */
    String finishFamily() {
        if (current == null) {
            return null;
        }
        return current.group == null ? null : finishPoint(current);
    }
}
