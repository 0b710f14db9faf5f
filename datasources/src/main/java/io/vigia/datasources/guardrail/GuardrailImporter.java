package io.vigia.datasources.guardrail;

import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository.LabelSet;
import io.vigia.persistence.evidence.GuardrailEventRepository.StoredEvent;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stores guardrail decisions and the counter {@code vigia_guardrail_decisions_total} derived from
 * them, in one transaction: the events go into {@code guardrail_events} (an event already stored
 * is skipped), then the counter series of every label set the log touches is rebuilt from all
 * stored events of that label set. Rebuilding rather than adding makes a re-import change nothing
 * and lets an older log imported after a newer one land in the right place.
 *
 * <p>The counter is what a scrape every minute would have seen: one sample per minute from the
 * start of the minute of the label set's first event (value 0, so that {@code increase()} counts
 * the first event) to the end of the minute of its last, each the number of events before it.
 */
public final class GuardrailImporter {
    public static final String METRIC = "vigia_guardrail_decisions_total";
    static final long STEP_MS = 60_000;

    private final Workspace workspace;
    private final SqliteSeriesStore store;

    public GuardrailImporter(Workspace workspace, SqliteSeriesStore store) {
        this.workspace = workspace;
        this.store = store;
    }

    public record Result(int imported, int alreadyPresent, int seriesWritten) {
    }

    /** A log file's parse (events and rejected lines) and what storing its events did. */
    public record FileResult(GuardrailLogParser.Result parsed, Result stored) {
    }

    /**
     * Parses a JSON Lines file completely (strict UTF-8), then stores its events in one
     * transaction; rejected lines are reported in the result, the others imported.
     *
     * @throws java.nio.charset.CharacterCodingException when the file is not UTF-8 text; nothing is written then
     */
    public FileResult importFile(Path file, GuardrailLogParser parser) throws IOException {
        GuardrailLogParser.Result parsed;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = parser.parse(in);
        }
        return new FileResult(parsed, importEvents(parsed.events(), fileSha256(file)));
    }

    /** SHA-256 of a file's bytes, the {@code source_sha256} of the events imported from it. */
    public static String fileSha256(Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Result importEvents(List<GuardrailEvent> events, String sourceSha256) {
        long now = workspace.clock().millis();
        List<StoredEvent> rows = new ArrayList<>(events.size());
        Set<LabelSet> touched = new LinkedHashSet<>();
        for (GuardrailEvent e : events) {
            rows.add(new StoredEvent(key(e), e.timestamp(), e.app(), e.direction(), e.decision(), e.category(), e.detector(),
                    e.score(), e.model(), e.user(), e.requestId(), e.redactedPrompt(), sourceSha256, now));
            touched.add(new LabelSet(e.app(), e.direction(), e.decision(), e.category(), e.detector()));
        }
        return store.writeReplacingSeries((c, series) -> {
            int added = GuardrailEventRepository.insertNew(c, rows);
            for (LabelSet ls : touched) {
                long[] ts = GuardrailEventRepository.timestamps(c, ls);
                Counter counter = counter(ts);
                series.replace(labels(ls), counter.ts(), counter.values());
            }
            return new Result(added, rows.size() - added, touched.size());
        });
    }

    /** Rebuilds the counter of every stored label set (e.g. after its series were deleted); returns how many. */
    public int rebuildAll() {
        return store.writeReplacingSeries((c, series) -> {
            List<LabelSet> sets = GuardrailEventRepository.labelSets(c);
            for (LabelSet ls : sets) {
                Counter counter = counter(GuardrailEventRepository.timestamps(c, ls));
                series.replace(labels(ls), counter.ts(), counter.values());
            }
            return sets.size();
        });
    }

    static Labels labels(LabelSet ls) {
        return Labels.builder().set(Labels.METRIC_NAME, METRIC).set("app", ls.app()).set("direction", ls.direction())
                .set("decision", ls.decision()).set("category", ls.category()).set("detector", ls.detector()).build();
    }

    record Counter(long[] ts, double[] values) {
    }

    /** The cumulative count at every minute boundary from before the first event to after the last. */
    static Counter counter(long[] eventTimes) {
        if (eventTimes.length == 0) {
            return new Counter(new long[0], new double[0]);
        }
        long start = Math.floorDiv(eventTimes[0], STEP_MS) * STEP_MS;
        long end = Math.floorDiv(eventTimes[eventTimes.length - 1], STEP_MS) * STEP_MS + STEP_MS;
        int n = Math.toIntExact((end - start) / STEP_MS + 1);
        long[] ts = new long[n];
        double[] vs = new double[n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            long t = start + i * STEP_MS;
            while (e < eventTimes.length && eventTimes[e] < t) {
                e++;
            }
            ts[i] = t;
            vs[i] = e;
        }
        return new Counter(ts, vs);
    }

    /** Identity of a decision: every field of it, so the same line imported twice is one event. */
    static String key(GuardrailEvent e) {
        String canonical = String.join("\u0000", Long.toString(e.timestamp()), e.app(), e.direction(), e.decision(),
                e.category(), e.detector(), Objects.toString(e.score()), Objects.toString(e.model()), Objects.toString(e.user()),
                Objects.toString(e.requestId()), Objects.toString(e.redactedPrompt()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
