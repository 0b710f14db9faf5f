-- Version 4: evidence imported from files: SAST findings (SARIF) and guardrail decisions (audit logs).

-- One row per finding. The unique key is the finding's identity, so importing the same file again,
-- or a later scan that still reports it, adds nothing; imported_at is when it was first seen.
CREATE TABLE sarif_findings (
    id             INTEGER PRIMARY KEY,
    repository     TEXT NOT NULL,
    tool           TEXT NOT NULL,
    tool_version   TEXT,
    rule_id        TEXT NOT NULL,
    rule_name      TEXT,
    level          TEXT NOT NULL,
    severity       TEXT,
    security_score REAL,
    cwe            TEXT NOT NULL,
    uri            TEXT NOT NULL,
    start_line     INTEGER NOT NULL,
    end_line       INTEGER NOT NULL,
    fingerprint    TEXT NOT NULL,
    baseline_state TEXT,
    message        TEXT NOT NULL,
    detected_at    INTEGER,
    source_sha256  TEXT NOT NULL,
    imported_at    INTEGER NOT NULL,
    UNIQUE (repository, tool, rule_id, uri, start_line, end_line, fingerprint)
) STRICT;
CREATE INDEX sarif_findings_by_file ON sarif_findings (repository, uri);

-- One row per guardrail decision; the prompt is stored redacted only. event_key is a hash of the
-- decision's fields, so importing the same log again adds nothing.
CREATE TABLE guardrail_events (
    id              INTEGER PRIMARY KEY,
    event_key       TEXT NOT NULL UNIQUE,
    ts              INTEGER NOT NULL,
    app             TEXT NOT NULL,
    direction       TEXT NOT NULL,
    decision        TEXT NOT NULL,
    category        TEXT NOT NULL,
    detector        TEXT NOT NULL,
    score           REAL,
    model           TEXT,
    user            TEXT,
    request_id      TEXT,
    redacted_prompt TEXT,
    source_sha256   TEXT NOT NULL,
    imported_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX guardrail_events_by_labels ON guardrail_events (app, direction, decision, category, detector, ts);
