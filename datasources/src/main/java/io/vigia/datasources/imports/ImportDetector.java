package io.vigia.datasources.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses a file's kind from its first 64 KiB (the user can override the guess): a SARIF log has
 * {@code "runs"} and a SARIF {@code version} or schema; JSON Lines are told apart by their fields
 * ({@code accepted_at} and {@code start_line}: accepted suggestions; a decision or guardrail field:
 * an audit log); Copilot metrics by GitHub's field names (the user-teams and repository reports by
 * a first record with {@code day} and {@code team_id}/{@code slug} or {@code repo_id}); OpenMetrics by {@code # TYPE} or
 * {@code # EOF} and sample lines.
 */
public final class ImportDetector {
    static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern SARIF_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"2\\.|sarif", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPILOT = Pattern.compile("\"(day_totals|user_totals|download_links|total_suggestions_count|"
            + "copilot_ide_code_completions|code_generation_activity_count|user_initiated_interaction_count|daily_active_users|"
            + "total_active_users|total_seats)\"");
    /** Rows of the user-teams report (user_id, team_id, slug, day) and of the repository report (repo_id, day). */
    private static final Pattern COPILOT_TEAM_ROW = Pattern.compile("\"team_id\"[\\s\\S]*\"slug\"|\"slug\"[\\s\\S]*\"team_id\"");
    private static final Pattern COPILOT_REPO_ROW = Pattern.compile("\"repo_id\"");
    private static final Pattern GUARDRAIL = Pattern.compile("\"(decision|guardrail|guardrail_status|scanner|scanners|is_valid|"
            + "standard_logging_guardrail_information|detector)\"");
    private static final Pattern SAMPLE_LINE = Pattern.compile("(?m)^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})?\\s+\\S+");

    private ImportDetector() {
    }

    public static Optional<ImportKind> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return detect(new String(head, StandardCharsets.UTF_8));
    }

    public static Optional<ImportKind> detect(String head) {
        String t = head.startsWith("\uFEFF") ? head.substring(1) : head;
        String s = t.stripLeading();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.startsWith("{") || s.startsWith("[")) {
            if (s.contains("\"runs\"") && SARIF_VERSION.matcher(s).find()) {
                return Optional.of(ImportKind.SARIF);
            }
            String first = s.lines().findFirst().orElse("");
            if (first.contains("\"accepted_at\"") && first.contains("\"start_line\"")) {
                return Optional.of(ImportKind.ACCEPTED_SUGGESTIONS);
            }
            String record = s.substring(0, s.indexOf('}') + 1);
            if (COPILOT.matcher(s).find() || (record.contains("\"day\"") && (COPILOT_TEAM_ROW.matcher(record).find()
                    || COPILOT_REPO_ROW.matcher(record).find()))) {
                return Optional.of(ImportKind.COPILOT);
            }
            if (s.startsWith("{") && GUARDRAIL.matcher(first).find()) {
                return Optional.of(ImportKind.GUARDRAIL_LOG);
            }
            return Optional.empty();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("# type") || lower.startsWith("# help") || lower.contains("\n# type") || lower.contains("# eof"))
                || SAMPLE_LINE.matcher(s).lookingAt()) {
            return Optional.of(ImportKind.OPENMETRICS);
        }
        return Optional.empty();
    }
}
