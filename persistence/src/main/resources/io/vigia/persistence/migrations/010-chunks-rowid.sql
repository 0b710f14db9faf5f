-- Version 9: chunks move to a rowid table. In the WITHOUT ROWID table of version 3 a row is an
-- index b-tree cell: a chunk over about 1,000 bytes spilled into a mostly empty overflow page,
-- and every interior page repeated whole rows (blobs included) as dividers. A rowid table keeps a
-- row of up to 4,061 bytes in its leaf page, its interior pages hold row ids only, and rows are
-- appended in rowid order whatever order the series arrive in, so leaf pages are filled.
-- (series_id, min_t) stays unique: a partial chunk is rewritten under the same key.
CREATE TABLE chunks_v9 (
    id        INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    min_t     INTEGER NOT NULL,
    max_t     INTEGER NOT NULL,
    samples   INTEGER NOT NULL,
    data      BLOB NOT NULL
) STRICT;
INSERT INTO chunks_v9 (series_id, min_t, max_t, samples, data)
    SELECT series_id, min_t, max_t, samples, data FROM chunks ORDER BY series_id, min_t;
DROP TABLE chunks;
ALTER TABLE chunks_v9 RENAME TO chunks;
CREATE UNIQUE INDEX chunks_by_start ON chunks (series_id, min_t);
CREATE INDEX chunks_by_end ON chunks (series_id, max_t);

-- Label sets are read from series.labels into the in-memory postings index; series_labels and the
-- index on series.metric were written on every new series and never read.
DROP INDEX series_by_metric;
DROP TABLE series_labels;
