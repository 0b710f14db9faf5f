package io.vigia.datasources.guardrail;

import io.vigia.datasources.redact.Redactor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads guardrail audit logs: JSON Lines, one decision per line, in the event format of
 * docs/telemetry.md, and tolerantly the same facts under the names other tools use:
 * LLM Guard ({@code scanner}, {@code source} input/output, {@code valid}/{@code is_valid}),
 * LiteLLM's standard logging payload ({@code guardrail_information} or
 * {@code standard_logging_guardrail_information}, an object or a list whose first entry is read,
 * with {@code guardrail_name}, {@code guardrail_mode} pre_call/during_call/post_call and
 * {@code guardrail_status}: success is allowed, guardrail_intervened and the legacy blocked are
 * blocked; guardrail_failed_to_respond, the legacy failure and not_run made no decision and
 * guardrail_flagged (monitor mode) enforced none, so those lines are rejected with that reason),
 * OpenTelemetry-style {@code gen_ai.request.model}, epoch timestamps in seconds or milliseconds.
 *
 * <p>A line that cannot be read is reported with its number and a reason and the rest still
 * imports. Reasons never quote the line: it holds attacker-written prompt text. Prompts are
 * redacted here, so no raw prompt reaches the caller.
 */
public final class GuardrailLogParser {
    /** Longer lines are rejected unread rather than parsed: no audit event needs a megabyte. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Redacted prompts are kept to this many characters. */
    public static final int MAX_PROMPT_CHARS = 8192;
    private static final int MAX_LABEL_CHARS = 128;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Redactor redactor;

    public GuardrailLogParser(Redactor redactor) {
        this.redactor = redactor;
    }

    public record RejectedLine(int lineNumber, String reason) {
    }

    /** What a log held: the events read, the lines rejected, and the count of non-blank lines. */
    public record Result(List<GuardrailEvent> events, List<RejectedLine> rejected, int lines) {
        public Result {
            events = List.copyOf(events);
            rejected = List.copyOf(rejected);
        }
    }

    public Result parse(Reader reader) throws IOException {
        LineSource in = new LineSource(reader);
        List<GuardrailEvent> events = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        int lineNo = 0;
        int lines = 0;
        StringBuilder buf = new StringBuilder();
        int status;
        while ((status = in.readLine(buf)) != EOF) {
            lineNo++;
            String line = buf.toString();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (status == TOO_LONG) {
                lines++;
                rejected.add(new RejectedLine(lineNo, "line longer than " + MAX_LINE_CHARS + " characters"));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            lines++;
            try {
                events.add(event(line));
            } catch (LineException e) {
                rejected.add(new RejectedLine(lineNo, e.getMessage()));
            }
        }
        return new Result(events, rejected, lines);
    }

    private static final int EOF = -1;
    private static final int LINE = 0;
    private static final int TOO_LONG = 1;

    /**
     * Reads lines (ending in \n, \r\n or the end) from a block buffer, keeping at most
     * {@link #MAX_LINE_CHARS} of a line: a hostile multi-gigabyte line is skipped, not held in
     * memory. Scans its own array rather than calling {@code Reader.read()} per character, which
     * took most of an import's time.
     */
    private static final class LineSource {
        private final Reader in;
        private final char[] block = new char[1 << 16];
        private int pos;
        private int len;

        LineSource(Reader in) {
            this.in = in;
        }

        int readLine(StringBuilder buf) throws IOException {
            buf.setLength(0);
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(block, 0, block.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        if (!any) {
                            return EOF;
                        }
                        break;
                    }
                }
                any = true;
                int nl = pos;
                while (nl < len && block[nl] != '\n') {
                    nl++;
                }
                if (!tooLong) {
                    int n = nl - pos;
                    if (buf.length() + n > MAX_LINE_CHARS) {
                        tooLong = true;
                        buf.setLength(0);
                    } else {
                        buf.append(block, pos, n);
                    }
                }
                if (nl < len) {
                    pos = nl + 1;
                    break;
                }
                pos = len;
            }
            if (!tooLong && !buf.isEmpty() && buf.charAt(buf.length() - 1) == '\r') {
                buf.setLength(buf.length() - 1);
            }
            return tooLong ? TOO_LONG : LINE;
        }
    }

    private static final class LineException extends Exception {
        LineException(String message) {
            super(message, null, false, false);
        }
    }

    private GuardrailEvent event(String line) throws LineException {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            // the parser's own message may quote the line, i.e. the prompt: give the position only
            throw new LineException("not valid JSON" + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new LineException("not a JSON object");
        }
        JsonNode litellm = root.has("guardrail_information") ? root.path("guardrail_information")
                : root.path("standard_logging_guardrail_information");
        if (litellm.isArray() && !litellm.isEmpty()) {
            litellm = litellm.get(0);
        }
        JsonNode gi = litellm.isObject() ? litellm : null;

        long ts = timestamp(first(root, gi, "ts", "timestamp", "@timestamp", "time", "start_time", "startTime", "created_at"));
        String direction = direction(first(root, gi, "direction", "source", "guardrail_mode", "hook_type", "mode", "stage"));
        String detector = label(text(first(root, gi, "detector", "scanner", "guardrail_name", "guardrail", "rail", "validator")));
        String decision = decision(root, gi);
        String category;
        if (decision.equals("allowed")) {
            category = GuardrailTaxonomy.NONE;
            detector = GuardrailTaxonomy.NONE;
        } else {
            String raw = text(first(root, gi, "category", "threat_category", "violation_type", "violation"));
            category = raw != null ? GuardrailTaxonomy.category(raw) : GuardrailTaxonomy.categoryOfDetector(detector);
            if (detector == null) {
                detector = "unknown";
            }
        }
        String app = label(text(first(root, gi, "app", "application", "service", "service_name", "app_name")));
        Double score = score(first(root, gi, "score", "risk_score", "confidence"));
        String model = label(text(first(root, gi, "model", "gen_ai.request.model", "model_name")));
        String user = label(text(first(root, gi, "user", "user_id", "end_user", "user_api_key_user_id")));
        String requestId = label(text(first(root, gi, "request_id", "requestId", "litellm_call_id", "trace_id", "id")));
        String prompt = prompt(first(root, gi, "prompt", "input", "text", "messages"));
        return new GuardrailEvent(ts, app == null ? "unknown" : app, direction, decision, category, detector, score,
                model, user, requestId, prompt);
    }

    private static JsonNode first(JsonNode root, JsonNode nested, String... names) {
        for (String n : names) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
            if (nested != null) {
                v = nested.get(n);
                if (v != null && !v.isNull()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static long timestamp(JsonNode n) throws LineException {
        if (n == null) {
            throw new LineException("no timestamp (`ts`)");
        }
        if (n.isNumber()) {
            double v = n.asDouble();
            if (!Double.isFinite(v) || v <= 0) {
                throw new LineException("timestamp is not a positive number");
            }
            // epoch seconds until the year 5138, then milliseconds
            return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
        }
        String s = text(n);
        if (s == null) {
            throw new LineException("timestamp is not a string or number");
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new LineException("timestamp is not ISO 8601 with a zone (e.g. 2026-11-17T09:12:03.441Z)");
            }
        }
    }

    private static String direction(JsonNode n) throws LineException {
        String s = text(n);
        if (s == null) {
            throw new LineException("no direction (`direction`: input or output)");
        }
        return switch (s.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "input", "prompt", "request", "pre_call", "during_call", "pre", "in" -> "input";
            case "output", "response", "completion", "post_call", "post", "out" -> "output";
            default -> throw new LineException("unknown direction (expected input or output)");
        };
    }

    private static String decision(JsonNode root, JsonNode gi) throws LineException {
        JsonNode d = first(root, gi, "decision", "action", "guardrail_status", "outcome", "result");
        if (d != null && d.isString()) {
            return switch (d.stringValue().strip().toLowerCase(Locale.ROOT)) {
                case "allowed", "allow", "pass", "passed", "valid", "ok", "success" -> "allowed";
                case "blocked", "block", "deny", "denied", "rejected", "reject", "guardrail_intervened", "fail",
                     "failed" -> "blocked";
                case "redacted", "redact", "sanitized", "masked", "anonymized" -> "redacted";
                case "guardrail_failed_to_respond", "failure", "not_run", "error" ->
                        throw new LineException("the guardrail did not decide (it failed or did not run)");
                case "guardrail_flagged" ->
                        throw new LineException("a monitor-only verdict (flagged, not enforced): neither allowed, blocked nor redacted");
                default -> throw new LineException("unknown decision (expected allowed, blocked or redacted)");
            };
        }
        JsonNode valid = first(root, gi, "valid", "is_valid");
        if (valid != null && (valid.isBoolean() || valid.isString())) {
            String v = valid.isBoolean() ? String.valueOf(valid.booleanValue()) : valid.stringValue().strip().toLowerCase(Locale.ROOT);
            if (v.equals("true")) {
                return "allowed";
            }
            if (v.equals("false")) {
                return "blocked";
            }
        }
        JsonNode blocked = first(root, gi, "blocked");
        if (blocked != null && blocked.isBoolean()) {
            return blocked.booleanValue() ? "blocked" : "allowed";
        }
        throw new LineException("no decision (`decision`: allowed, blocked or redacted)");
    }

    private static Double score(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            double v = n.asDouble();
            return Double.isFinite(v) ? v : null;
        }
        try {
            String s = text(n);
            return s == null ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The prompt, redacted and cut to {@link #MAX_PROMPT_CHARS}; messages arrays are joined by their content. */
    private String prompt(JsonNode n) {
        String raw;
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode m : n) {
                String c = m.isObject() ? text(m.get("content")) : text(m);
                if (c != null) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(c);
                }
            }
            raw = sb.toString();
        } else {
            raw = text(n);
        }
        if (raw == null) {
            return null;
        }
        // redact the whole text first, then cut: a cut first could leave half a secret unrecognized
        String redacted = redactor.redact(raw).text();
        return redacted.length() > MAX_PROMPT_CHARS ? redacted.substring(0, MAX_PROMPT_CHARS) + "…" : redacted;
    }

    /** A label value: control characters dropped, at most 128 characters; null for absent or blank. */
    private static String label(String s) {
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_LABEL_CHARS ? clean.substring(0, MAX_LABEL_CHARS) : clean;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer() || n.isMissingNode()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.asString();
    }
}
