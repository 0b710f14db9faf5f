package io.vigia.datasources.sarif;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads SARIF logs (2.1.0, and the 2.0.0 and 2.2 shapes close enough to it) from a stream.
 *
 * <p>The log and its runs are read as a token stream and each result as a small tree that is
 * reduced to a record at once, so a log of a hundred thousand results never sits in memory as
 * JSON. Rules are resolved when the run ends, because JSON does not order a run's {@code tool}
 * before its {@code results}.
 *
 * <p>Tolerated: a UTF-8 byte order mark, any or no {@code $schema}, versions 2.0.0 and 2.2, a
 * run without {@code results} (not run), missing, null or empty driver names, the pre-release
 * {@code tool.name} without a driver, {@code fileLocation} for {@code artifactLocation}, rules
 * keyed by id under {@code resources.rules} (2.0.0), hierarchical rule ids
 * ({@code CWE-78/api-handler} refers to rule {@code CWE-78}). Rejected with a
 * {@link SarifFormatException}: empty files, invalid JSON, JSON that is not a SARIF log (no
 * {@code runs}, or a JSON Schema), SARIF 1.x, and wrong types where the structure matters
 * ({@code runs}, {@code results}, a result that is not an object).
 */
public final class SarifParser {
    // subtrees are read out of one running token stream, so what follows a subtree is no error
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private SarifParser() {
    }

    public static SarifLog parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static SarifLog parse(InputStream raw) {
        InputStream in = skipBom(raw);
        try (JsonParser p = JSON.createParser(in)) {
            return readLog(p);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SarifFormatException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static InputStream skipBom(InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(raw);
        try {
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SarifLog readLog(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new SarifFormatException("empty file: no SARIF log in it");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new SarifFormatException("not a SARIF log: expected a JSON object at the top, found " + describe(t));
        }
        String version = null;
        String schema = null;
        List<SarifRun> runs = null;
        List<String> warnings = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "version" -> version = t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getString() : skip(p);
                case "$schema" -> schema = t == JsonToken.VALUE_STRING ? p.getString() : skip(p);
                case "runs" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        runs = null;
                    } else if (t != JsonToken.START_ARRAY) {
                        throw new SarifFormatException("not a SARIF log: `runs` must be an array, found " + describe(t));
                    } else {
                        runs = readRuns(p, warnings);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new SarifFormatException("not a SARIF log: more JSON follows the log object");
        }
        if (runs == null) {
            if (schema != null && schema.contains("json-schema.org")) {
                throw new SarifFormatException("not a SARIF log: this is a JSON Schema (" + schema + "), not a log");
            }
            throw new SarifFormatException("not a SARIF log: the object has no `runs` array"
                    + (version == null ? " and no `version`" : ""));
        }
        if (version == null) {
            warnings.add("the log has no `version`; read as SARIF 2.1.0");
        } else if (version.startsWith("1.")) {
            throw new SarifFormatException("SARIF " + version + " is not supported: convert it to 2.1.0 first "
                    + "(e.g. with the SARIF SDK's `sarif transform`)");
        } else if (!version.equals("2.1.0")) {
            warnings.add("SARIF version " + version + " read as 2.1.0");
        }
        return new SarifLog(version, schema, runs, warnings);
    }

    private static String skip(JsonParser p) {
        p.skipChildren();
        return null;
    }

    private static List<SarifRun> readRuns(JsonParser p, List<String> warnings) {
        List<SarifRun> runs = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int n = runs.size() + 1;
            if (t != JsonToken.START_OBJECT) {
                throw new SarifFormatException("run " + n + " is not an object but " + describe(t));
            }
            runs.add(readRun(p, n, warnings));
        }
        return runs;
    }

    /** A result reduced to what the import needs, before its rule is known. */
    private record PendingResult(String ruleId, int ruleIndex, int toolComponentIndex, String level, String kind,
                                 String messageText, String messageId, List<String> arguments,
                                 List<SarifLocation> locations, Map<String, String> fingerprints, String baselineState,
                                 Double securityScore, List<String> cwes, String exploitability, String attackerPosition) {
    }

    private static SarifRun readRun(JsonParser p, int runNo, List<String> warnings) {
        JsonNode tool = null;
        JsonNode resources = null;
        JsonNode provenance = null;
        JsonNode invocations = null;
        List<PendingResult> pending = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "tool" -> tool = JSON.readTree(p);
                case "resources" -> resources = JSON.readTree(p);
                case "versionControlProvenance" -> provenance = JSON.readTree(p);
                case "invocations" -> invocations = JSON.readTree(p);
                case "results" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (t != JsonToken.START_ARRAY) {
                        throw new SarifFormatException("run " + runNo + ": `results` must be an array, found " + describe(t));
                    }
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw new SarifFormatException("run " + runNo + ", result " + (pending.size() + 1)
                                    + ": expected an object, found " + describe(t));
                        }
                        pending.add(pendingResult(JSON.readTree(p)));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (tool != null && !tool.isObject()) {
            throw new SarifFormatException("run " + runNo + ": `tool` must be an object");
        }
        JsonNode driver = tool == null ? null : tool.has("driver") ? tool.get("driver") : tool; // pre-release 2.0.0: tool.name
        String toolName = driver == null ? "" : text(driver.get("name"));
        if (toolName == null) {
            toolName = "";
        }
        if (toolName.isBlank()) {
            warnings.add("run " + runNo + ": the tool has no name");
        }
        String toolVersion = driver == null ? null : firstText(driver, "version", "semanticVersion");

        Map<SarifRule, JsonNode> messageStrings = new IdentityHashMap<>();
        List<SarifRule> driverRules = rules(driver == null ? null : driver.get("rules"), messageStrings);
        if (driverRules.isEmpty() && resources != null && resources.path("rules").isObject()) {
            driverRules = rules(resources.get("rules"), messageStrings); // 2.0.0: rules keyed by id
        }
        List<List<SarifRule>> extensionRules = new ArrayList<>();
        if (tool != null && tool.path("extensions").isArray()) {
            for (JsonNode ext : tool.get("extensions")) {
                extensionRules.add(rules(ext.get("rules"), messageStrings));
            }
        }
        Map<String, SarifRule> byId = new HashMap<>();
        extensionRules.forEach(l -> l.forEach(r -> byId.putIfAbsent(r.id(), r)));
        driverRules.forEach(r -> byId.put(r.id(), r));
        List<SarifRule> allRules = new ArrayList<>(driverRules);
        extensionRules.forEach(allRules::addAll);

        List<SarifResult> results = new ArrayList<>(pending.size());
        int unnamed = 0;
        int badExploitability = 0;
        for (PendingResult r : pending) {
            SarifRule rule = resolve(r, driverRules, extensionRules, byId);
            String ruleId = r.ruleId() != null ? r.ruleId() : rule != null ? rule.id() : null;
            if (ruleId == null) {
                unnamed++;
            }
            SarifLevel level = SarifLevel.parse(r.level());
            if (level == null) {
                level = r.kind() != null && !r.kind().equals("fail") ? SarifLevel.NONE
                        : rule != null && rule.defaultLevel() != null ? rule.defaultLevel() : SarifLevel.WARNING;
            }
            SecuritySeverity severity = r.securityScore() != null ? SecuritySeverity.of(r.securityScore())
                    : rule != null ? rule.severity() : null;
            Set<String> cwes = new LinkedHashSet<>(rule == null ? List.of() : rule.cwes());
            cwes.addAll(r.cwes());
            Double score = r.securityScore() != null ? r.securityScore() : rule != null ? rule.securityScore() : null;
            Exploitability exploitability = Exploitability.fromLabel(r.exploitability());
            if (exploitability == null && r.exploitability() != null) {
                badExploitability++;
            }
            results.add(new SarifResult(ruleId, r.ruleIndex(), level, message(r, rule == null ? null : messageStrings.get(rule)), r.locations(), r.fingerprints(),
                    r.baselineState(), rule, severity, List.copyOf(cwes), score, exploitability, r.attackerPosition()));
        }
        if (unnamed > 0) {
            warnings.add("run " + runNo + ": " + unnamed + " result(s) name no rule");
        }
        if (badExploitability > 0) {
            // the SARIF SDK's validator (AI2014) accepts demonstrated, poc and theoretical only
            warnings.add("run " + runNo + ": " + badExploitability + " result(s) have an `" + Exploitability.PROPERTY
                    + "` other than demonstrated, poc or theoretical; read as unknown");
        }
        String repo = provenance != null && provenance.isArray() && !provenance.isEmpty()
                ? text(provenance.get(0).get("repositoryUri")) : null;
        return new SarifRun(toolName, toolVersion, repo, startedAt(invocations), allRules, results);
    }

    private static SarifRule resolve(PendingResult r, List<SarifRule> driverRules, List<List<SarifRule>> extensionRules,
                                     Map<String, SarifRule> byId) {
        if (r.ruleIndex() >= 0) {
            List<SarifRule> list = r.toolComponentIndex() >= 0
                    ? (r.toolComponentIndex() < extensionRules.size() ? extensionRules.get(r.toolComponentIndex()) : List.of())
                    : driverRules;
            if (r.ruleIndex() < list.size()) {
                SarifRule byIndex = list.get(r.ruleIndex());
                if (r.ruleId() == null || r.ruleId().equals(byIndex.id()) || r.ruleId().startsWith(byIndex.id() + "/")) {
                    return byIndex;
                }
            }
        }
        if (r.ruleId() == null) {
            return null;
        }
        // §3.27.5: a hierarchical id "a/b/c" refers to rule "a/b/c", else "a/b", else "a"
        String id = r.ruleId();
        while (true) {
            SarifRule rule = byId.get(id);
            if (rule != null) {
                return rule;
            }
            int slash = id.lastIndexOf('/');
            if (slash <= 0) {
                return null;
            }
            id = id.substring(0, slash);
        }
    }

    private static List<SarifRule> rules(JsonNode node, Map<SarifRule, JsonNode> messageStrings) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<SarifRule> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode r : node) {
                if (r.isObject()) {
                    out.add(rule(r, null, messageStrings));
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isObject()) {
                    out.add(rule(e.getValue(), e.getKey(), messageStrings));
                }
            }
        }
        return out;
    }

    private static SarifRule rule(JsonNode r, String key, Map<SarifRule, JsonNode> messageStrings) {
        String id = text(r.get("id"));
        if (id == null) {
            id = key == null ? "" : key;
        }
        JsonNode props = r.path("properties");
        Double score = score(props.get("security-severity"));
        List<String> tags = strings(props.get("tags"));
        Set<String> cwes = new LinkedHashSet<>(CweTags.fromTags(tags));
        cwes.addAll(taxonCwes(r.get("relationships")));
        String cweProp = text(props.get("cwe"));
        if (cweProp != null && CweTags.fromTaxonId(cweProp) != null) {
            cwes.add(CweTags.fromTaxonId(cweProp));
        }
        SarifRule rule = new SarifRule(id, text(r.get("name")), SarifLevel.parse(text(r.path("defaultConfiguration").get("level"))),
                score, score == null ? null : SecuritySeverity.of(score), List.copyOf(cwes), tags);
        if (r.path("messageStrings").isObject()) {
            messageStrings.put(rule, r.get("messageStrings"));
        }
        return rule;
    }

    /** CWE ids of relationships/taxa whose target lies in a tool component named CWE. */
    private static List<String> taxonCwes(JsonNode refs) {
        List<String> out = new ArrayList<>();
        if (refs == null || !refs.isArray()) {
            return out;
        }
        for (JsonNode ref : refs) {
            JsonNode target = ref.has("target") ? ref.get("target") : ref;
            String component = text(target.path("toolComponent").get("name"));
            if (component != null && component.equalsIgnoreCase("CWE")) {
                String cwe = CweTags.fromTaxonId(text(target.get("id")));
                if (cwe != null) {
                    out.add(cwe);
                }
            }
        }
        return out;
    }

    private static PendingResult pendingResult(JsonNode r) {
        JsonNode ruleRef = r.path("rule");
        String ruleId = text(r.get("ruleId"));
        if (ruleId == null) {
            ruleId = text(ruleRef.get("id"));
        }
        int ruleIndex = r.path("ruleIndex").isIntegralNumber() ? r.get("ruleIndex").asInt()
                : ruleRef.path("index").isIntegralNumber() ? ruleRef.get("index").asInt() : -1;
        int component = ruleRef.path("toolComponent").path("index").isIntegralNumber()
                ? ruleRef.get("toolComponent").get("index").asInt() : -1;
        JsonNode msg = r.path("message");
        String messageText = text(msg.get("text"));
        if (messageText == null) {
            messageText = text(msg.get("markdown"));
        }
        List<SarifLocation> locations = new ArrayList<>();
        if (r.path("locations").isArray()) {
            for (JsonNode loc : r.get("locations")) {
                SarifLocation l = location(loc);
                if (l != null) {
                    locations.add(l);
                }
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        if (r.path("partialFingerprints").isObject()) {
            for (Map.Entry<String, JsonNode> e : r.get("partialFingerprints").properties()) {
                String v = text(e.getValue());
                if (v != null) {
                    fingerprints.put(e.getKey(), v);
                }
            }
        }
        JsonNode props = r.path("properties");
        Set<String> cwes = new LinkedHashSet<>(CweTags.fromTags(strings(props.get("tags"))));
        cwes.addAll(taxonCwes(r.get("taxa")));
        return new PendingResult(ruleId, ruleIndex, component, text(r.get("level")), text(r.get("kind")), messageText,
                text(msg.get("id")) != null ? text(msg.get("id")) : text(msg.get("messageId")), strings(msg.get("arguments")),
                locations, fingerprints, text(r.get("baselineState")), score(props.get("security-severity")), List.copyOf(cwes),
                text(props.get(Exploitability.PROPERTY)), blankToNull(text(props.get("ai/attackerPosition"))));
    }

    private static SarifLocation location(JsonNode loc) {
        JsonNode phys = loc.path("physicalLocation");
        if (!phys.isObject()) {
            return null;
        }
        JsonNode artifact = phys.has("artifactLocation") ? phys.get("artifactLocation") : phys.path("fileLocation");
        String uri = text(artifact.get("uri"));
        JsonNode region = phys.path("region");
        int start = positive(region.get("startLine"));
        int end = positive(region.get("endLine"));
        if (start > 0 && end < start) {
            end = start; // no end line: the region ends on its start line (§3.30.5)
        }
        if (start == 0) {
            end = 0;
        }
        if (uri == null && start == 0) {
            return null;
        }
        return new SarifLocation(uri, text(artifact.get("uriBaseId")), start, end);
    }

    /** The message text, else the rule's message string for {@code message.id} with its arguments filled in. */
    private static String message(PendingResult r, JsonNode ruleStrings) {
        if (r.messageText() != null) {
            return r.messageText();
        }
        if (r.messageId() == null || ruleStrings == null) {
            return "";
        }
        JsonNode entry = ruleStrings.path(r.messageId());
        String template = entry.isObject() ? text(entry.get("text")) : text(entry); // 2.0.0: a plain string
        if (template == null) {
            return "";
        }
        // §3.11.5: {n} is the n-th argument; {{ and }} are literal braces
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                out.append(c);
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                String n = close < 0 ? "" : template.substring(i + 1, close);
                if (n.matches("\\d{1,3}") && Integer.parseInt(n) < r.arguments().size()) {
                    out.append(r.arguments().get(Integer.parseInt(n)));
                    i = close;
                } else {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Instant startedAt(JsonNode invocations) {
        if (invocations == null || !invocations.isArray() || invocations.isEmpty()) {
            return null;
        }
        JsonNode first = invocations.get(0);
        String s = firstText(first, "startTimeUtc", "endTimeUtc", "startTime", "endTime");
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double score(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            double v = n.isNumber() ? n.asDouble() : n.isString() ? Double.parseDouble(n.stringValue().strip()) : Double.NaN;
            return Double.isFinite(v) && v >= 0 && v <= 10 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int positive(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.asInt() > 0 ? n.asInt() : 0;
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || !n.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            String s = text(e);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static String firstText(JsonNode n, String... names) {
        for (String name : names) {
            String s = text(n.get(name));
            if (s != null && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** A scalar as text; null for absent, null and container values. */
    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer() || n.isMissingNode()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.asString();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
