-- Version 2: the Copilot days already imported, per scope, so that a sync or a re-import adds nothing.
CREATE TABLE copilot_days (
    scope       TEXT NOT NULL,
    day         TEXT NOT NULL,
    source      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (scope, day)
) STRICT, WITHOUT ROWID;
