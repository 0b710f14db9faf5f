package io.vigia.persistence.series;

/**
 * Write side of a series store. Appends are buffered; {@link #commit()} makes them durable in
 * one transaction, {@link #rollback()} drops what was appended since the last commit.
 */
public interface SeriesWriter extends AutoCloseable {

    /** Appends one sample; timestamps of one series must not go backwards. */
    void append(Labels labels, long timestampMillis, double value);

    void commit();

    void rollback();

    /** Commits what is pending and releases the writer. */
    @Override
    void close();
}
