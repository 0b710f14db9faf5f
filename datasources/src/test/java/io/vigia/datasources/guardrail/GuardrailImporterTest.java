package io.vigia.datasources.guardrail;

import io.vigia.datasources.redact.Redactor;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardrailImporterTest {
    @TempDir
    Path dir;

    private final GuardrailLogParser parser = new GuardrailLogParser(new Redactor());

    private List<GuardrailEvent> mixed() throws IOException {
        try (Reader r = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("audit-mixed.jsonl")), StandardCharsets.UTF_8)) {
            return parser.parse(r).events();
        }
    }

    private List<GuardrailEvent> parse(String jsonl) throws IOException {
        return parser.parse(new StringReader(jsonl)).events();
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static List<SeriesData> series(SqliteSeriesStore store, String... matchers) {
        List<LabelMatcher> ms = new java.util.ArrayList<>();
        ms.add(LabelMatcher.equal("__name__", GuardrailImporter.METRIC));
        for (int i = 0; i < matchers.length; i += 2) {
            ms.add(LabelMatcher.equal(matchers[i], matchers[i + 1]));
        }
        return store.select(ms, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void importsEventsAndTheirCounterAndAReimportAddsNothing() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            GuardrailImporter importer = new GuardrailImporter(ws, store);
            GuardrailImporter.Result first = importer.importEvents(mixed(), "sha-a");
            assertThat(first).isEqualTo(new GuardrailImporter.Result(7, 0, 7));
            assertThat(new GuardrailEventRepository(ws).count()).isEqualTo(7);

            List<SeriesData> injection = series(store, "category", "prompt_injection");
            assertThat(injection).hasSize(1);
            SeriesData s = injection.getFirst();
            assertThat(s.labels().get("app")).isEqualTo("ide-gateway");
            assertThat(s.labels().get("detector")).isEqualTo("llm-guard:PromptInjection");
            // the event at 09:12:03.441: 0 at 09:12, 1 at 09:13
            assertThat(s.timestamps()).containsExactly(ms("2026-11-17T09:12:00Z"), ms("2026-11-17T09:13:00Z"));
            assertThat(s.values()).containsExactly(0, 1);
            assertThat(series(store)).hasSize(7);

            GuardrailImporter.Result again = importer.importEvents(mixed(), "sha-a");
            assertThat(again).isEqualTo(new GuardrailImporter.Result(0, 7, 7));
            assertThat(new GuardrailEventRepository(ws).count()).isEqualTo(7);
            assertThat(series(store, "category", "prompt_injection").getFirst().values()).containsExactly(0, 1);
        }
    }

    @Test
    void theCounterIsRebuiltWhenAnOlderLogArrivesLater() throws IOException {
        String line = "{\"ts\":\"%s\",\"app\":\"a\",\"direction\":\"input\",\"decision\":\"blocked\",\"category\":\"jailbreak\",\"detector\":\"d\",\"request_id\":\"%s\"}\n";
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            GuardrailImporter importer = new GuardrailImporter(ws, store);
            importer.importEvents(parse(line.formatted("2026-11-17T10:00:30Z", "r2") + line.formatted("2026-11-17T10:02:10Z", "r3")), "new");
            importer.importEvents(parse(line.formatted("2026-11-17T09:59:59Z", "r1")), "old");
            SeriesData s = series(store, "app", "a").getFirst();
            assertThat(s.labels().get("category")).isEqualTo("prompt_injection");
            assertThat(s.timestamps()).containsExactly(ms("2026-11-17T09:59:00Z"), ms("2026-11-17T10:00:00Z"),
                    ms("2026-11-17T10:01:00Z"), ms("2026-11-17T10:02:00Z"), ms("2026-11-17T10:03:00Z"));
            assertThat(s.values()).containsExactly(0, 1, 2, 2, 3);
        }
    }

    @Test
    void aFailureLeavesNothingHalfImported() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            ws.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("CREATE TRIGGER no_chunks BEFORE INSERT ON chunks BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
                }
                return null;
            });
            GuardrailImporter importer = new GuardrailImporter(ws, store);
            List<GuardrailEvent> events = mixed();
            assertThatThrownBy(() -> importer.importEvents(events, "sha")).hasMessageContaining("disk trouble");
            assertThat(new GuardrailEventRepository(ws).count()).isZero();
            assertThat(series(store)).isEmpty();
            ws.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DROP TRIGGER no_chunks");
                }
                return null;
            });
            assertThat(importer.importEvents(events, "sha").imported()).isEqualTo(7);
            assertThat(series(store)).hasSize(7);
        }
    }

    @Test
    void onlyTheRedactedPromptIsStored() throws IOException {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            new GuardrailImporter(ws, store).importEvents(mixed(), "sha");
            List<GuardrailEventRepository.StoredEvent> stored = new GuardrailEventRepository(ws).between(0, Long.MAX_VALUE);
            assertThat(stored).extracting(GuardrailEventRepository.StoredEvent::redactedPrompt)
                    .contains("here is the key [REDACTED:aws_access_key]", "my card is [REDACTED:card]")
                    .noneMatch(p -> p != null && (p.contains("AKIAIOSFODNN7EXAMPLE") || p.contains("4111") || p.contains("attacker@")));
        }
    }
}
