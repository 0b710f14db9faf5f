package io.vigia.dashboards.findings;

import java.time.Instant;

/** What a finding shows as its proof. */
public sealed interface Evidence {

    /**
     * A series with its band, to chart over {@code from}..{@code to} (the excursion with some
     * context either side); {@code expr} is the query, {@code series} the legend name.
     */
    record SeriesBand(String expr, String series, String unit, Instant from, Instant to, Band band) implements Evidence {
    }
}
