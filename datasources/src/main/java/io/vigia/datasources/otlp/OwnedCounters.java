package io.vigia.datasources.otlp;

import io.vigia.persistence.series.Labels;

/**
 * Counters the receiver keeps itself (span calls, event counts, the assistant series): each add
 * writes the running total. A total goes on from the newest stored value, so a restart of the
 * receiver is no counter reset; a series that has never been stored starts with a 0 one
 * millisecond before its first count, the way Prometheus ingests a created timestamp, so that
 * {@code increase()} sees the first count too. Times never go back within a series: a count
 * older than the newest sample is written at the newest sample's time plus 1 ms.
 */
final class OwnedCounters {
    private final SeriesAppender appender;

    OwnedCounters(SeriesAppender appender) {
        this.appender = appender;
    }

    void add(Labels labels, long t, double increment) {
        if (!(increment >= 0) || Double.isInfinite(increment)) {
            return; // a counter only goes up; NaN and negative increments are not counts
        }
        SeriesAppender.Last last = appender.last(labels, t);
        double total;
        long at = t;
        if (!last.exists()) {
            appender.append(labels, t - 1, 0);
            total = increment;
        } else {
            total = (Double.isNaN(last.v()) ? 0 : last.v()) + increment;
            if (at <= last.t()) {
                at = last.t() + 1;
            }
        }
        appender.append(labels, at, total);
    }
}
