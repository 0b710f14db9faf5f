-- Version 3: the series store. A series is a label set; its samples live in compressed chunks
-- (Gorilla/XOR, about 120 samples each) keyed by the chunk's first timestamp.
CREATE TABLE series (
    id     INTEGER PRIMARY KEY,
    metric TEXT NOT NULL,
    labels TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX series_by_metric ON series (metric);

-- One row per label of a series: equality matchers are an index lookup, regex matchers scan the
-- distinct values of one label name.
CREATE TABLE series_labels (
    name      TEXT NOT NULL,
    value     TEXT NOT NULL,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    PRIMARY KEY (name, value, series_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX series_labels_by_series ON series_labels (series_id);

CREATE TABLE chunks (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    min_t     INTEGER NOT NULL,
    max_t     INTEGER NOT NULL,
    samples   INTEGER NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (series_id, min_t)
) STRICT, WITHOUT ROWID;
CREATE INDEX chunks_by_end ON chunks (series_id, max_t);
