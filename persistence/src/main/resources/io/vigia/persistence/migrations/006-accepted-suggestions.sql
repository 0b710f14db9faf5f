-- Version 5: accepted AI suggestions (from an IDE plug-in or AI gateway), the other input of the
-- SAST attribution (docs/sast-correlation.md). suggestion_key identifies a suggestion (its id when
-- the record has one, else a hash of its fields), so importing the same file again adds nothing.
CREATE TABLE accepted_suggestions (
    id             INTEGER PRIMARY KEY,
    suggestion_key TEXT NOT NULL UNIQUE,
    accepted_at    INTEGER NOT NULL,
    repository     TEXT NOT NULL,
    path           TEXT NOT NULL,
    start_line     INTEGER NOT NULL,
    end_line       INTEGER NOT NULL,
    team           TEXT NOT NULL,
    language       TEXT NOT NULL,
    editor         TEXT NOT NULL,
    model          TEXT NOT NULL,
    source_sha256  TEXT NOT NULL,
    imported_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX accepted_suggestions_by_file ON accepted_suggestions (repository, path);
