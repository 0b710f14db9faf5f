package io.vigia.persistence.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The workspace schema as an ordered list of SQL scripts; script {@code i} (1-based) brings the
 * schema from version {@code i-1} to {@code i}, recorded in SQLite's {@code user_version}.
 * Hand-written rather than Flyway: a dozen lines over {@code user_version}, and no history
 * table or classpath scanning to go wrong in a jlinked desktop app. Append only; never edit a
 * script that has shipped.
 */
final class Migrations {
    private static final String DIR = "/io/vigia/persistence/migrations/";

    private static final Migrations STANDARD = new Migrations(List.of(
            DIR + "001-workspace.sql",
            DIR + "002-copilot.sql",
            DIR + "003-series.sql",
            DIR + "004-evidence.sql",
            DIR + "005-query-cache.sql",
            DIR + "006-accepted-suggestions.sql",
            DIR + "007-reports.sql",
            DIR + "008-telemetry-bindings.sql",
            DIR + "009-copilot-usage-reports.sql",
            DIR + "010-chunks-rowid.sql",
            DIR + "011-security-risk.sql"));

    private final List<String> scripts;

    Migrations(List<String> resourcePaths) {
        this.scripts = List.copyOf(resourcePaths);
    }

    static Migrations standard() {
        return STANDARD;
    }

    int latestVersion() {
        return scripts.size();
    }

    /** The SQL statements of one script, split on semicolons at line ends. */
    List<String> statements(int version) {
        String path = scripts.get(version - 1);
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + path);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(sql.split(";\\s*(?:\\r?\\n|$)")).stream()
                    .map(Migrations::stripComments)
                    .filter(s -> !s.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripComments(String statement) {
        return statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
    }
}
