package io.vigia.e2e;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one scraper made of one input, in a form both Prometheus and Vigia can be read into:
 * the last {@code up}, the last {@code scrape_samples_scraped}, and per exposed series the set
 * of its values. A sample that carried its own timestamp is written {@code value@millis}; one
 * stamped with the scrape time is its value alone (scrape times differ between the two
 * scrapers, so only value sets are compared).
 */
record ScrapeOutcome(boolean up, double samplesScraped, SortedMap<String, SortedSet<String>> samples) {
    /** The series every scrape adds about itself; they are compared through {@code up} and the count. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added");

    ScrapeOutcome {
        samples = Collections.unmodifiableSortedMap(new TreeMap<>(samples));
    }

    /**
     * Agreement on the samples: the same stored series and values, and the same number read
     * ({@code scrape_samples_scraped}); a scraper that refused the input read none.
     */
    boolean samplesAgree(ScrapeOutcome other) {
        return samples.equals(other.samples) && Double.compare(read(), other.read()) == 0;
    }

    private double read() {
        return up ? samplesScraped : 0;
    }

    /** A short account of where two outcomes differ, for the test's report. */
    String differenceFrom(ScrapeOutcome other) {
        StringBuilder sb = new StringBuilder();
        if (up != other.up) {
            sb.append("up ").append(up ? 1 : 0).append(" vs ").append(other.up ? 1 : 0).append("; ");
        }
        if (Double.compare(read(), other.read()) != 0) {
            sb.append("samples read ").append(read()).append(" vs ").append(other.read()).append("; ");
        }
        Set<String> series = new TreeSet<>(samples.keySet());
        series.addAll(other.samples.keySet());
        int shown = 0;
        for (String s : series) {
            SortedSet<String> a = samples.get(s);
            SortedSet<String> b = other.samples.get(s);
            if (!java.util.Objects.equals(a, b) && shown++ < 3) {
                sb.append(abbreviate(s)).append(' ').append(a == null ? "-" : a).append(" vs ").append(b == null ? "-" : b).append("; ");
            }
        }
        if (shown > 3) {
            sb.append("and ").append(shown - 3).append(" more series; ");
        }
        return sb.toString();
    }

    static String value(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    private static String abbreviate(String s) {
        String t = s.replace("\n", "\\n");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    /** One stored series of a job, as read back from either store; stale markers already left out. */
    record StoredSeries(SortedMap<String, String> labels, long[] timestamps, double[] values) {
    }

    /**
     * The outcome of a job from its stored series: the scrape times are those of its {@code up}
     * samples, so any other sample at another time carried its own timestamp.
     */
    static ScrapeOutcome of(java.util.List<StoredSeries> series) {
        Set<Long> scrapeTimes = new java.util.HashSet<>();
        double up = 0;
        long upAt = Long.MIN_VALUE;
        double scraped = 0;
        long scrapedAt = Long.MIN_VALUE;
        for (StoredSeries s : series) {
            String name = s.labels().getOrDefault("__name__", "");
            int last = s.timestamps().length - 1;
            if (name.equals("up")) {
                for (long t : s.timestamps()) {
                    scrapeTimes.add(t);
                }
                if (last >= 0 && s.timestamps()[last] > upAt) {
                    upAt = s.timestamps()[last];
                    up = s.values()[last];
                }
            } else if (name.equals("scrape_samples_scraped") && last >= 0 && s.timestamps()[last] > scrapedAt) {
                scrapedAt = s.timestamps()[last];
                scraped = s.values()[last];
            }
        }
        Builder b = new Builder();
        for (StoredSeries s : series) {
            if (SYNTHETIC.contains(s.labels().getOrDefault("__name__", ""))) {
                continue;
            }
            for (int i = 0; i < s.timestamps().length; i++) {
                long t = s.timestamps()[i];
                b.add(s.labels(), s.values()[i], scrapeTimes.contains(t) ? null : t);
            }
        }
        return b.build(up == 1, scraped);
    }

    /** Collects samples series by series. */
    static final class Builder {
        private final SortedMap<String, SortedSet<String>> samples = new TreeMap<>();

        void add(SortedMap<String, String> labels, double value, Long ownTimestamp) {
            String v = value(value) + (ownTimestamp == null ? "" : "@" + ownTimestamp);
            samples.computeIfAbsent(seriesKey(labels), k -> new TreeSet<>()).add(v);
        }

        ScrapeOutcome build(boolean up, double samplesScraped) {
            return new ScrapeOutcome(up, samplesScraped, samples);
        }

        private static String seriesKey(SortedMap<String, String> labels) {
            StringBuilder sb = new StringBuilder(labels.getOrDefault("__name__", "")).append('{');
            labels.forEach((n, v) -> {
                if (!n.equals("__name__")) {
                    sb.append(n).append("=\"").append(v).append("\",");
                }
            });
            return sb.append('}').toString();
        }
    }
}
