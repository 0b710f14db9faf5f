package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the simulation's audit trail for the importers: {@code guardrail-audit.jsonl} (one
 * decision per line, blocked and redacted ones), {@code accepted-suggestions.jsonl} (the accepted
 * suggestions later flagged by SAST) and {@code sarif/scan-YYYY-MM-DD.sarif} (a nightly SARIF 2.1.0
 * log per UTC day, one run per tool and repository), consistent with the SAST counter.
 */
public final class AuditFilesSink implements FleetSink {
    public static final String GUARDRAIL_FILE = "guardrail-audit.jsonl";
    public static final String SUGGESTIONS_FILE = "accepted-suggestions.jsonl";
    public static final String SARIF_DIR = "sarif";
    private static final Map<String, String> TOOL_VERSIONS = Map.of("CodeQL", "2.19.3", "Semgrep", "1.95.0");

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BufferedWriter guardrail;
    private final BufferedWriter suggestions;
    private final Map<LocalDate, List<SastFinding>> findingsByDay = new TreeMap<>();
    private long guardrailEvents;
    private long findings;

    public AuditFilesSink(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Files.createDirectories(dir.resolve(SARIF_DIR));
        this.guardrail = Files.newBufferedWriter(dir.resolve(GUARDRAIL_FILE), StandardCharsets.UTF_8);
        this.suggestions = Files.newBufferedWriter(dir.resolve(SUGGESTIONS_FILE), StandardCharsets.UTF_8);
    }

    @Override
    public void sample(Labels labels, long timestampMillis, double value) {
        // samples go to other sinks
    }

    @Override
    public boolean wantsEvents() {
        return true;
    }

    @Override
    public void guardrailEvent(SimulatedGuardrailEvent e) {
        ObjectNode n = json.createObjectNode();
        n.put("ts", Instant.ofEpochMilli(e.timestampMillis()).toString());
        n.put("app", e.app());
        n.put("direction", e.direction());
        n.put("decision", e.decision());
        n.put("category", e.category());
        n.put("detector", e.detector());
        n.put("score", e.score());
        n.put("model", e.model());
        n.put("user", e.user());
        n.put("request_id", e.requestId());
        n.put("prompt", e.prompt());
        writeLine(guardrail, n);
        guardrailEvents++;
    }

    @Override
    public void sastFinding(SastFinding f) {
        ObjectNode n = json.createObjectNode();
        n.put("id", f.suggestionId());
        n.put("accepted_at", Instant.ofEpochMilli(f.acceptedAtMillis()).toString());
        n.put("team", f.team());
        n.put("language", f.language());
        n.put("editor", f.editor());
        n.put("model", f.model());
        n.put("repository", f.repository());
        n.put("path", f.path());
        n.put("start_line", f.suggestionStartLine());
        n.put("end_line", f.suggestionEndLine());
        writeLine(suggestions, n);
        LocalDate day = Instant.ofEpochMilli(f.acceptedAtMillis()).atZone(ZoneOffset.UTC).toLocalDate();
        findingsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(f);
        findings++;
    }

    public long guardrailEvents() {
        return guardrailEvents;
    }

    public long findings() {
        return findings;
    }

    @Override
    public void finish() {
        try {
            guardrail.close();
            suggestions.close();
            for (Map.Entry<LocalDate, List<SastFinding>> day : findingsByDay.entrySet()) {
                Path file = dir.resolve(SARIF_DIR).resolve("scan-" + day.getKey() + ".sarif");
                try (OutputStream out = Files.newOutputStream(file)) {
                    json.writerWithDefaultPrettyPrinter().writeValue(out, sarif(day.getKey(), day.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLine(BufferedWriter w, ObjectNode n) {
        try {
            w.write(json.writeValueAsString(n));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nightly scan of one day's accepted code: one run per tool and repository. */
    private ObjectNode sarif(LocalDate day, List<SastFinding> dayFindings) {
        ObjectNode log = json.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ArrayNode runs = log.putArray("runs");
        Map<String, List<SastFinding>> byRun = new TreeMap<>();
        for (SastFinding f : dayFindings) {
            byRun.computeIfAbsent(f.rule().tool() + "|" + f.repository(), k -> new ArrayList<>()).add(f);
        }
        Instant scan = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(2));
        for (Map.Entry<String, List<SastFinding>> e : byRun.entrySet()) {
            String tool = e.getKey().substring(0, e.getKey().indexOf('|'));
            String repository = e.getKey().substring(e.getKey().indexOf('|') + 1);
            ObjectNode run = runs.addObject();
            ObjectNode driver = run.putObject("tool").putObject("driver");
            driver.put("name", tool);
            driver.put("semanticVersion", TOOL_VERSIONS.get(tool));
            ArrayNode rules = driver.putArray("rules");
            Map<String, Integer> ruleIndex = new LinkedHashMap<>();
            for (SastFinding f : e.getValue()) {
                if (!ruleIndex.containsKey(f.rule().id())) {
                    ruleIndex.put(f.rule().id(), ruleIndex.size());
                    rules.add(rule(f.rule()));
                }
            }
            run.putArray("versionControlProvenance").addObject()
                    .put("repositoryUri", "https://github.com/" + repository);
            ObjectNode invocation = run.putArray("invocations").addObject();
            invocation.put("executionSuccessful", true);
            invocation.put("startTimeUtc", scan.toString());
            invocation.put("endTimeUtc", scan.plus(7, ChronoUnit.MINUTES).toString());
            ArrayNode results = run.putArray("results");
            for (SastFinding f : e.getValue()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", f.rule().id());
                r.put("ruleIndex", ruleIndex.get(f.rule().id()));
                r.put("level", level(f.rule().severity()));
                r.putObject("message").put("text", f.rule().message() + ".");
                ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", f.path()).put("uriBaseId", "%SRCROOT%");
                physical.putObject("region").put("startLine", f.findingStartLine()).put("endLine", f.findingEndLine());
                r.putObject("partialFingerprints").put("primaryLocationLineHash", fingerprint(f));
                r.put("baselineState", "new");
            }
        }
        return log;
    }

    private ObjectNode rule(FleetCatalog.SastRule rule) {
        ObjectNode n = json.createObjectNode();
        n.put("id", rule.id());
        n.put("name", rule.id());
        n.putObject("shortDescription").put("text", rule.message());
        n.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode props = n.putObject("properties");
        props.put("security-severity", String.format(Locale.ROOT, "%.1f", rule.securitySeverity()));
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        int cwe = Integer.parseInt(rule.cwe().substring("CWE-".length()));
        // CodeQL and Semgrep spell CWE tags differently; importers must read both.
        tags.add(rule.tool().equals("CodeQL")
                ? String.format(Locale.ROOT, "external/cwe/cwe-%03d", cwe)
                : rule.cwe() + ": " + rule.message());
        return n;
    }

    private static String level(String severity) {
        return switch (severity) {
            case "critical", "high" -> "error";
            case "medium" -> "warning";
            default -> "note";
        };
    }

    private static String fingerprint(SastFinding f) {
        String key = f.repository() + "|" + f.path() + "|" + f.findingStartLine() + "|" + f.rule().id() + "|"
                + f.suggestionId();
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return HexFormat.of().toHexDigits(h) + ":1";
    }
}
