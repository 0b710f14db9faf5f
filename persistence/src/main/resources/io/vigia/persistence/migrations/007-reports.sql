-- Version 7: the history of generated weekly reports (the app's Reports page and its schedule).

-- One row per export: which dashboard and week, in which time zone, where the files went. files
-- holds the written paths, one per line. trigger is 'manual' or 'schedule'.
CREATE TABLE generated_reports (
    id              INTEGER PRIMARY KEY,
    dashboard_uid   TEXT NOT NULL,
    dashboard_title TEXT NOT NULL,
    week            TEXT NOT NULL,
    zone            TEXT NOT NULL,
    formats         TEXT NOT NULL,
    directory       TEXT NOT NULL,
    files           TEXT NOT NULL,
    partial         INTEGER NOT NULL,
    no_data         INTEGER NOT NULL,
    trigger         TEXT NOT NULL,
    generated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX generated_reports_by_time ON generated_reports (generated_at DESC);
