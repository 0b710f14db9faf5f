package io.vigia.datasources.sarif;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reads accepted suggestions, one JSON object per line, as an IDE plug-in or AI gateway writes
 * them (and the simulator's {@code accepted-suggestions.jsonl}): {@code accepted_at},
 * {@code repository}, {@code path}, {@code start_line}, {@code end_line} are required;
 * {@code id}, {@code team}, {@code language}, {@code editor}, {@code model} and {@code user} (the GitHub login
 * of who accepted it, which finds the team in the Copilot user-teams report) are optional. Lines
 * that are not such a record are rejected with their number and the reason; the others are kept.
 */
public final class AcceptedSuggestionsParser {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer lines are rejected: a suggestion record is a few hundred bytes. */
    public static final int MAX_LINE_CHARS = 1 << 16;

    private AcceptedSuggestionsParser() {
    }

    /** One accepted suggestion with its identity (the record's id, else a hash of its fields), editor and user ("" if none). */
    public record Parsed(String key, String editor, SuggestionCorrelation.AcceptedSuggestion suggestion, String user) {
        public Parsed(String key, String editor, SuggestionCorrelation.AcceptedSuggestion suggestion) {
            this(key, editor, suggestion, "");
        }
    }

    public record RejectedLine(int lineNumber, String reason) {
    }

    public record Result(List<Parsed> suggestions, List<RejectedLine> rejected, int lines) {
        public Result {
            suggestions = List.copyOf(suggestions);
            rejected = List.copyOf(rejected);
        }
    }

    public static Result parse(Reader reader) throws IOException {
        return parse(reader, n -> { });
    }

    /** @param linesRead told every 1,000 lines, for progress */
    public static Result parse(Reader reader, IntConsumer linesRead) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Parsed> out = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo % 1000 == 0) {
                linesRead.accept(lineNo);
            }
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                rejected.add(new RejectedLine(lineNo, "line longer than " + MAX_LINE_CHARS + " characters"));
                continue;
            }
            try {
                out.add(record(JSON.readTree(line)));
            } catch (JacksonException e) {
                rejected.add(new RejectedLine(lineNo, "not valid JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                rejected.add(new RejectedLine(lineNo, e.getMessage()));
            }
        }
        return new Result(out, rejected, lineNo);
    }

    private static Parsed record(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String acceptedAt = required(n, "accepted_at");
        Instant at;
        try {
            at = Instant.parse(acceptedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("accepted_at \"" + acceptedAt + "\" is not an ISO-8601 instant");
        }
        String repository = required(n, "repository");
        String path = required(n, "path");
        int start = line(n, "start_line");
        int end = n.has("end_line") ? line(n, "end_line") : start;
        if (end < start) {
            throw new IllegalArgumentException("end_line " + end + " is before start_line " + start);
        }
        String team = n.path("team").asString("");
        String language = n.path("language").asString("");
        String editor = n.path("editor").asString("");
        String model = n.path("model").asString("");
        String user = n.path("user").asString("").strip();
        SuggestionCorrelation.AcceptedSuggestion s = new SuggestionCorrelation.AcceptedSuggestion(repository, path, start, end,
                at, team, language, model);
        String id = n.path("id").asString("");
        String key = id.isEmpty() ? "sha256:" + sha256(String.join("\u0000", acceptedAt, repository, path,
                Integer.toString(start), Integer.toString(end), team, language, editor, model)) : "id:" + id;
        return new Parsed(key, editor, s, user);
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new IllegalArgumentException("missing or empty \"" + field + "\"");
        }
        return v.asString();
    }

    private static int line(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new IllegalArgumentException("\"" + field + "\" must be a line number (an integer from 1)");
        }
        return v.asInt();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
