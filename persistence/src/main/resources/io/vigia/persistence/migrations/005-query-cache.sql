-- Results of remote queries, so a dashboard opens at once with the last data and works offline.
-- One row per fetched range; payload is the encoded result (datasources' QueryResultCodec).
CREATE TABLE query_cache (
    source      TEXT    NOT NULL,
    expr        TEXT    NOT NULL,
    step_ms     INTEGER NOT NULL,   -- -1 for an instant query
    start_ms    INTEGER NOT NULL,
    end_ms      INTEGER NOT NULL,
    fetched_at  INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    PRIMARY KEY (source, expr, step_ms, start_ms, end_ms)
);
CREATE INDEX query_cache_age ON query_cache(fetched_at);
