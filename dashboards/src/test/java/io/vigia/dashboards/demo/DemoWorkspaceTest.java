package io.vigia.dashboards.demo;

import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void loadsThirtyDaysInOneCommitThenRemovesThemForGood() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        try (Workspace ws = Workspace.open(dir.resolve("d.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            SettingsRepository settings = new SettingsRepository(ws);
            assertThat(DemoWorkspace.shouldLoad(settings, store)).isTrue();
            long[] recent = {-1};
            long from = now.minus(Duration.ofDays(30)).toEpochMilli();
            long total = DemoWorkspace.load(settings, store, now, new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                    recent[0] = samples;
                    // one commit: when the dashboards are told, the oldest day is readable as well as the newest
                    assertThat(store.select(List.of(LabelMatcher.equal("__name__", "vigia_build_info")), from, from + 3_600_000L))
                            .isNotEmpty();
                    assertThat(store.select(List.of(LabelMatcher.equal("__name__", "vigia_build_info")),
                            now.toEpochMilli() - 3_600_000L, now.toEpochMilli())).isNotEmpty();
                }

                @Override
                public void progress(long done, long all) {
                }
            }, () -> false);
            assertThat(recent[0]).isPositive().isEqualTo(total);
            assertThat(DemoWorkspace.isLoaded(settings)).isTrue();
            assertThat(DemoWorkspace.end(settings.all())).as("the demo's now, for later starts").contains(now);
            assertThat(DemoWorkspace.shouldLoad(settings, store)).isFalse();
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", "vigia_build_info")), from, from + 3_600_000L))
                    .as("the oldest day is there too").isNotEmpty();

            var events = new io.vigia.persistence.evidence.GuardrailEventRepository(ws);
            var stored = events.between(now.minus(Duration.ofDays(7)).toEpochMilli(), now.toEpochMilli());
            assertThat(stored).as("the last week's guardrail decisions, for the logs panels").hasSizeGreaterThan(100)
                    .hasSize(events.count());
            assertThat(stored).extracting(e -> e.redactedPrompt())
                    .as("hostile prompts among them").anyMatch(p -> p.contains("<script>"))
                    .anyMatch(p -> p.contains("\u202e")).anyMatch(p -> p.contains("\u001b["))
                    .as("secrets redacted before they are stored").noneMatch(p -> p.contains("AKIAIOSFODNN7EXAMPLE"))
                    .noneMatch(p -> p.contains("4111 1111 1111 1111"));
            var blocked = new io.vigia.datasources.logs.GuardrailEventLogs(ws).queryLogs(
                    io.vigia.dashboards.builtin.BuiltInDashboards.BLOCKED_PROMPTS, now.minus(Duration.ofDays(7)), now, 50,
                    io.vigia.datasources.http.CancellationToken.NONE);
            assertThat(blocked.entries()).hasSize(50).allSatisfy(e -> assertThat(e.line()).contains(" decision=blocked "));

            DemoWorkspace.remove(settings, store);
            assertThat(events.count()).as("the demo's events go with it").isZero();
            assertThat(store.seriesCount()).isZero();
            assertThat(settings.get(DemoWorkspace.SETTING)).contains(DemoWorkspace.REMOVED);
            assertThat(DemoWorkspace.end(settings.all())).isEmpty();
            assertThat(DemoWorkspace.shouldLoad(settings, store)).as("the demo does not come back").isFalse();
        }
    }

    @Test
    void aCancelledLoadLeavesTheSettingUnwrittenSoTheNextStartLoadsAgain() {
        try (Workspace ws = Workspace.open(dir.resolve("c.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            SettingsRepository settings = new SettingsRepository(ws);
            assertThatThrownBy(() -> DemoWorkspace.load(settings, store, Instant.now(), new DemoWorkspace.Listener() {
                @Override
                public void recentReady(long samples) {
                }

                @Override
                public void progress(long done, long all) {
                }
            }, () -> true)).isInstanceOf(CancellationException.class);
            assertThat(settings.get(DemoWorkspace.SETTING)).isEmpty();
            assertThat(store.seriesCount()).as("stopped during the simulation, nothing half-written stays").isZero();
            assertThat(DemoWorkspace.shouldLoad(settings, store)).isTrue();
        }
    }
}
