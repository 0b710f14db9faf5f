package io.vigia.app.cli;

import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia import copilot} with usage-report files: records counted, lines left out named by number. */
class ImportCopilotReportCommandTest {
    private static final Path DIR = Path.of(System.getProperty("vigia.shared.dir", "../shared"), "corpus", "copilot-metrics");

    @TempDir
    Path dir;

    @Test
    @NeedsSharedCorpus("corpus/copilot-metrics")
    void aUsersReportAndAUserTeamsReportImportAsRecords() throws Exception {
        CliRun users = CliRun.vigia(dir.resolve("w.vigia"), "import", "copilot", "--scope", "octo-org",
                DIR.resolve("cmv-newapi-organization-users-1-day-report.json").toString());
        assertThat(users.exit()).as(users.err()).isZero();
        assertThat(users.out()).contains("2 report records: 2 imported, 0 already present, 0 rejected")
                .contains("note: usage-report: 2 user days");

        // user-teams rows written by hand after the schema GitHub documents (github/docs team-level-metrics.md) for the
        // corpus users, the last one cut short as a broken download leaves it
        Path teams = dir.resolve("user-teams.ndjson");
        Files.writeString(teams, """
                {"user_id": 338097, "user_login": "hubot", "day": "2026-04-25", "organization_id": "100000001", "team_id": 42, "slug": "frontend"}
                {"user_id": 338094, "user_login": "octocat", "day": "2026-04-25", "organization_id": "100000001", "team_id": 42, "slug": "frontend"}
                {"user_id": 338094, "user_login": "octocat", "day": "2026-04-25", "organiz""");
        CliRun r = CliRun.vigia(dir.resolve("w.vigia"), "import", "copilot", "--scope", "octo-org", teams.toString());
        assertThat(r.exit()).as("a rejected line makes the exit 1").isEqualTo(1);
        assertThat(r.out()).contains("2 report records: 2 imported, 0 already present, 1 rejected").contains("2 team memberships");
        assertThat(r.err()).contains("line 3: not a complete JSON record");
    }
}
