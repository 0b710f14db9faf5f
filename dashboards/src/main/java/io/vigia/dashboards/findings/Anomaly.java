package io.vigia.dashboards.findings;

import io.vigia.persistence.series.Labels;

/** One excursion of one series of a watched query, with the band it left (the whole analysed range). */
public record Anomaly(WatchedSeries watched, String series, Labels labels, Excursion excursion, Band band, long stepMillis) {
}
