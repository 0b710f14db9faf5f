package io.vigia.dashboards.time;

import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Recently used ranges live in the workspace file: newest first, once each, at most eight, per workspace. */
class RecentRangesTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestEightOnceEachAcrossReopening() {
        RangeChoice april = RangeChoice.parse("2025-04-01 to 2025-04-30");
        RangeChoice zoomed = new RangeChoice.Absolute(new TimeRange(Instant.parse("2025-03-02T00:00:00Z"),
                Instant.parse("2025-04-30T23:00:00Z")));
        try (Workspace ws = Workspace.open(dir.resolve("a.vigia"))) {
            RecentRanges recent = new RecentRanges(new SettingsRepository(ws));
            assertThat(recent.load()).isEmpty();
            for (int d = 1; d <= 9; d++) {
                recent.add(RangeChoice.parse("now-" + d + "d"));
            }
            recent.add(april);
            recent.add(zoomed);
            assertThat(recent.add(april)).hasSize(RecentRanges.MAX).startsWith(april, zoomed);
        }
        try (Workspace ws = Workspace.open(dir.resolve("a.vigia"))) {
            var loaded = new RecentRanges(new SettingsRepository(ws)).load();
            assertThat(loaded).hasSize(8).startsWith(april, zoomed);
            assertThat(loaded.get(1)).isInstanceOf(RangeChoice.Absolute.class).isEqualTo(zoomed);
            assertThat(loaded.get(2).label()).isEqualTo("Last 9 days");
        }
        try (Workspace other = Workspace.open(dir.resolve("b.vigia"))) {
            assertThat(new RecentRanges(new SettingsRepository(other)).load()).as("another workspace has its own").isEmpty();
        }
    }

    @Test
    void unreadableOrHostileEntriesAreLeftOutNotFatal() {
        try (Workspace ws = Workspace.open(dir.resolve("c.vigia"))) {
            SettingsRepository settings = new SettingsRepository(ws);
            settings.put(RecentRanges.SETTING, "[{\"from\":\"now-1h\",\"to\":\"now\"},{\"from\":\"<script>\",\"to\":\"now\"},"
                    + "{\"from\":\"9\",\"to\":\"x\",\"absolute\":true},null,{\"from\":\"now-1h\",\"to\":\"now\"}]");
            assertThat(new RecentRanges(settings).load()).extracting(RangeChoice::label).containsExactly("Last 1 hour");
            settings.put(RecentRanges.SETTING, "{not json");
            assertThat(new RecentRanges(settings).load()).isEmpty();
            assertThat(new RecentRanges(settings).add(RangeChoice.parse("now-2h"))).extracting(RangeChoice::label)
                    .containsExactly("Last 2 hours");
        }
    }
}
