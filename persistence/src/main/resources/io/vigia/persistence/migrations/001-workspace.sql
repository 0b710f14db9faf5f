-- Version 1: settings, data sources, dashboards, annotations.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Connection settings only: secrets live in the OS keyring or in memory, never here.
CREATE TABLE data_sources (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    url        TEXT NOT NULL,
    settings   TEXT NOT NULL DEFAULT '{}',
    is_default INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE dashboards (
    uid        TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    document   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE annotations (
    id            INTEGER PRIMARY KEY,
    dashboard_uid TEXT,
    time_ms       INTEGER NOT NULL,
    end_ms        INTEGER,
    text          TEXT NOT NULL,
    tags          TEXT NOT NULL DEFAULT '[]',
    source        TEXT NOT NULL DEFAULT 'manual',
    created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX annotations_by_time ON annotations (dashboard_uid, time_ms);
