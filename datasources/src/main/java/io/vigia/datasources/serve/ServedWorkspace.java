package io.vigia.datasources.serve;

import io.vigia.datasources.logs.LogsSource;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.series.SqliteSeriesStore;

import java.util.Objects;

/**
 * What {@code vigia serve} reads: the series and the logs of one workspace, and how to catch up
 * with what other processes wrote since the last request.
 *
 * @param series  the series store the PromQL engine reads
 * @param catchUp run before each read (the SQLite store's {@link SqliteSeriesStore#refresh()})
 * @param logs    the guardrail events as log streams
 */
public record ServedWorkspace(SeriesReader series, Runnable catchUp, LogsSource logs) {
    public ServedWorkspace {
        Objects.requireNonNull(series);
        Objects.requireNonNull(catchUp);
        Objects.requireNonNull(logs);
    }

    public static ServedWorkspace of(SqliteSeriesStore store, LogsSource logs) {
        return new ServedWorkspace(store, store::refresh, logs);
    }
}
