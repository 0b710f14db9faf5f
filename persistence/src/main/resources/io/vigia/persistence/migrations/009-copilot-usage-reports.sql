-- Version 8: GitHub's Copilot usage reports kept whole (issue 17). The usage reports replaced the
-- legacy /copilot/metrics API on 2026-04-02; they reach back one year (data from 2025-10-10 on)
-- and hold far more than the acceptance counts copilot_days tracks.

-- One row per report record: an organization's or enterprise's day ('entity'), a user's day
-- ('user'), a user's membership of a team on a day ('user-team'), a repository's day
-- ('repository'). subject is '' for entity rows, the user id, "user id/team id", or the
-- repository id. sha256 is the record's canonical JSON, so an unchanged record is not written
-- again and a revised one replaces the stored values.
CREATE TABLE copilot_report_records (
    scope       TEXT NOT NULL,
    day         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('entity', 'user', 'user-team', 'repository')),
    subject     TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (scope, day, kind, subject)
) STRICT, WITHOUT ROWID;

-- Every value of those records, lossless: breakdown is '' for a record's own fields, else the
-- path of the object or array it sits in (totals_by_ide, pull_requests,
-- pull_requests.copilot_suggestions_by_comment_type, totals_by_cli, and any field GitHub adds);
-- dimension is '' for objects, else the JSON object of the element's keys ({"ide":"vscode"},
-- {"language":"go","feature":"code_completion"}); field is the value's path inside it
-- (token_usage.prompt_tokens_sum). Numbers and booleans (1/0) are in num, strings in text;
-- arrays of plain values keep their JSON in text; a JSON null has neither.
CREATE TABLE copilot_report_values (
    scope     TEXT NOT NULL,
    day       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    breakdown TEXT NOT NULL,
    dimension TEXT NOT NULL,
    field     TEXT NOT NULL,
    type      TEXT NOT NULL CHECK (type IN ('number', 'boolean', 'string', 'null', 'array', 'object')),
    num       REAL,
    text      TEXT,
    PRIMARY KEY (scope, day, kind, subject, breakdown, dimension, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX copilot_report_values_by_field ON copilot_report_values (scope, kind, breakdown, field, day);

-- The user-teams report as a join table: who was on which team that day. GitHub leaves out
-- teams with fewer than five seated users, and a user on several teams has one row per team.
CREATE TABLE copilot_team_members (
    scope      TEXT NOT NULL,
    day        TEXT NOT NULL,
    team_id    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    slug       TEXT NOT NULL,
    user_login TEXT NOT NULL,
    PRIMARY KEY (scope, day, team_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX copilot_team_members_by_user ON copilot_team_members (scope, day, user_id);

-- GitHub's caveats as data a chart can show next to the numbers: where a scope's history changes
-- source ('rebaseline'), users whose activity is in no team because their teams are under five
-- seats or they are on none ('teams-below-five-seats'), users counted once per team
-- ('multi-team-users'). count is the number the note is about.
CREATE TABLE copilot_report_notes (
    scope   TEXT NOT NULL,
    day     TEXT NOT NULL,
    kind    TEXT NOT NULL,
    subject TEXT NOT NULL,
    count   INTEGER NOT NULL,
    note    TEXT NOT NULL,
    PRIMARY KEY (scope, day, kind, subject)
) STRICT, WITHOUT ROWID;

-- What vigia sync copilot has asked GitHub for, so each report of each day is fetched once:
-- 'stored' (the report had records) or 'empty' (GitHub had none for that day yet).
CREATE TABLE copilot_report_fetches (
    scope      TEXT NOT NULL,
    day        TEXT NOT NULL,
    report     TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('stored', 'empty')),
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (scope, day, report)
) STRICT, WITHOUT ROWID;
