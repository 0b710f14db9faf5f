package io.vigia.datasources.guardrail;

import io.vigia.datasources.loki.Direction;
import io.vigia.datasources.loki.LogStream;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.loki.LokiResponse;
import io.vigia.datasources.loki.LokiResult;
import io.vigia.datasources.http.CancellationToken;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Guardrail audit events from a LogQL log query: each log line is one JSON audit event (the shape
 * of the JSONL audit log), read by the same {@link GuardrailLogParser}; an event without a time
 * field of its own takes the entry's timestamp. Loki answers at most
 * {@code limit} entries per request, so the range is walked forward page by page: the next page
 * starts at the last timestamp seen (inclusive, as logcli does), and entries of that timestamp
 * already read are skipped.
 */
public final class GuardrailLokiQuery {
    /** Loki's default {@code max_entries_limit_per_query}. */
    public static final int DEFAULT_PAGE_LIMIT = 5000;

    private GuardrailLokiQuery() {
    }

    /** One entry's origin, to name a rejected entry. */
    public record Entry(String stream, long timestampNanos) {
    }

    /**
     * The parse of every entry, in fetch order (entry {@code n} is "line" {@code n} of the parse),
     * with the origin of each and a digest of all lines (the events' {@code source_sha256}).
     */
    public record Fetched(GuardrailLogParser.Result parsed, List<Entry> entries, int pages, List<String> warnings,
                          String sha256) {
        public Fetched {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    public static Fetched fetch(LokiClient client, String logql, Instant start, Instant end, int pageLimit,
                                GuardrailLogParser parser, CancellationToken token) throws IOException {
        if (pageLimit < 1) {
            throw new IllegalArgumentException("page limit must be positive");
        }
        StringBuilder text = new StringBuilder();
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        MessageDigest sha = sha256();
        Instant from = start;
        Set<String> seenAtBoundary = new HashSet<>();
        int pages = 0;
        while (true) {
            if (token.isCancelled()) {
                throw new CancellationException("Loki query cancelled");
            }
            LokiResponse r = client.queryRange(logql, from, end, null, pageLimit, Direction.FORWARD, token);
            pages++;
            warnings.addAll(r.warnings());
            if (!(r.result() instanceof LokiResult.Streams streams)) {
                throw new IllegalArgumentException("the query returns samples, not log lines: use a log query such as "
                        + "{app=\"gateway\"} (optionally with line filters), not a metric query");
            }
            int received = 0;
            long maxTs = Long.MIN_VALUE;
            for (LogStream s : streams.streams()) {
                received += s.size();
                for (int i = 0; i < s.size(); i++) {
                    maxTs = Math.max(maxTs, s.timestampsNanos()[i]);
                }
            }
            Set<String> atMax = new HashSet<>();
            int added = 0;
            for (LogStream s : streams.streams()) {
                String stream = s.labels().toString();
                for (int i = 0; i < s.size(); i++) {
                    long ts = s.timestampsNanos()[i];
                    String identity = stream + '\u0000' + ts + '\u0000' + s.lines()[i];
                    if (seenAtBoundary.contains(identity)) {
                        continue;
                    }
                    if (ts == maxTs) {
                        atMax.add(identity);
                    }
                    // a raw line break cannot be part of one JSON event; as a space it keeps the numbering
                    String line = withEntryTime(s.lines()[i].replace('\n', ' ').replace('\r', ' '), ts);
                    text.append(line).append('\n');
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                    entries.add(new Entry(stream, ts));
                    added++;
                }
            }
            if (received < pageLimit || added == 0) {
                break;
            }
            // the next page starts at the last timestamp: entries sharing it may not all have fit
            if (maxTs == Long.MIN_VALUE) {
                break;
            }
            Instant next = Instant.ofEpochSecond(0, maxTs);
            if (!next.equals(from)) {
                seenAtBoundary.clear();
            }
            seenAtBoundary.addAll(atMax);
            from = next;
        }
        GuardrailLogParser.Result parsed = parser.parse(new StringReader(text.toString()));
        return new Fetched(parsed, entries, pages, warnings, HexFormat.of().formatHex(sha.digest()));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TIME_FIELDS = List.of("ts", "timestamp", "@timestamp", "time", "start_time", "startTime",
            "created_at", "standard_logging_guardrail_information");

    /**
     * An event logged to Loki often leaves its time to Loki's entry timestamp: a JSON object with
     * no time field of its own gets {@code ts} from the entry. Anything else is passed on as is
     * (the parser rejects what is not an event).
     */
    static String withEntryTime(String line, long entryNanos) {
        if (!line.stripLeading().startsWith("{")) {
            return line;
        }
        try {
            JsonNode n = JSON.readTree(line);
            if (!(n instanceof ObjectNode o) || TIME_FIELDS.stream().anyMatch(o::has)) {
                return line;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("ts", Instant.ofEpochSecond(0, entryNanos).toString());
            out.setAll(o);
            return JSON.writeValueAsString(out);
        } catch (JacksonException e) {
            return line;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
