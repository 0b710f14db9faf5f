package io.vigia.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of known differences in {@code docs/scrape-fidelity.md}: one row per input on which
 * Vigia and Prometheus 2.42 disagree, {@code | `input` | Prometheus 2.42 | Vigia | reason |}. The
 * differential test holds the measured disagreements to exactly these rows, so the page cannot
 * drift from what the code does.
 */
record ScrapeFidelityTable(Map<String, String> reasons) {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Za-z0-9_-]+)`\\s*\\|(.*)\\|(.*)\\|(.*)\\|\\s*$");

    static Path file() {
        String project = System.getProperty("vigia.project.dir", Path.of("").toAbsolutePath().getParent().getParent().toString());
        return Path.of(project, "docs", "scrape-fidelity.md");
    }

    static ScrapeFidelityTable read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String reason = m.group(4).strip();
                if (reason.isEmpty()) {
                    throw new IllegalStateException(file + ": the row of " + m.group(1) + " gives no reason");
                }
                if (reasons.put(m.group(1), reason) != null) {
                    throw new IllegalStateException(file + ": " + m.group(1) + " has two rows");
                }
            }
        }
        return new ScrapeFidelityTable(Map.copyOf(reasons));
    }
}
