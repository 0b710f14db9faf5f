-- Script 011: what the security risk of SAST findings on accepted AI suggestions needs
-- (docs/security-risk.md).

-- A finding's exploitability and attacker position as its SARIF result states them, in the SARIF
-- SDK's AI profile (result.properties "ai/exploitability": demonstrated, poc or theoretical;
-- "ai/attackerPosition": an open vocabulary). NULL where the log does not say: unknown, never
-- taken as the worst or the best case. Rows imported before this version are NULL as well.
ALTER TABLE sarif_findings ADD COLUMN exploitability TEXT CHECK (exploitability IN ('demonstrated', 'poc', 'theoretical'));
ALTER TABLE sarif_findings ADD COLUMN attacker_position TEXT;

-- Who accepted a suggestion (a GitHub login), when the record says; '' when it does not. Joins the
-- Copilot user-teams report (copilot_team_members.user_login) for the team.
ALTER TABLE accepted_suggestions ADD COLUMN user_login TEXT NOT NULL DEFAULT '';

-- Whether a repository's service is reachable from the internet, as the user declares it. A
-- repository without a row is unknown. repository is written as the user gave it and compared
-- as SARIF's repositoryUri is (host/owner/name, case-insensitive).
CREATE TABLE repository_exposure (
    repository TEXT PRIMARY KEY,
    exposure   TEXT NOT NULL CHECK (exposure IN ('internet', 'internal')),
    note       TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
