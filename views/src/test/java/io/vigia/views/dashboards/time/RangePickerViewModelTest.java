package io.vigia.views.dashboards.time;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dashboards.RangeNavigation;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import io.vigia.views.chart.JavaFxToolkit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker's form, quick and recent ranges, and the time keys, without a scene. */
@ExtendWith(JavaFxToolkit.class)
class RangePickerViewModelTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @TempDir
    Path dir;

    private static RangeNavigation navigation() {
        return new RangeNavigation(RangeChoice.of("now-7d", "now"), Clock.fixed(NOW, MADRID), MADRID, () -> { });
    }

    @Test
    void aTypedRangeAppliesAndABadOneSaysWhere() {
        RangeNavigation nav = navigation();
        RangePickerViewModel vm = new RangePickerViewModel(nav, new SameThreadTaskExecutor().scope());
        assertThat(vm.labelProperty().get()).isEqualTo("Last 7 days");
        vm.toggle();
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.from().textProperty().get()).isEqualTo("now-7d");

        vm.from().textProperty().set("now-30x");
        assertThat(vm.from().messageProperty().get()).isEqualTo("Character 7: unknown unit 'x' (use s m h d w M Q y)");
        assertThat(vm.apply()).isFalse();
        assertThat(nav.rangeProperty().get().label()).isEqualTo("Last 7 days");

        // a whole range pasted into From is split into both fields
        vm.from().textProperty().set("2025-04-01 to 2025-04-30");
        assertThat(vm.from().messageProperty().get()).isEmpty();
        assertThat(vm.apply()).isTrue();
        assertThat(vm.to().textProperty().get()).isEqualTo("2025-04-30");
        assertThat(vm.openProperty().get()).isFalse();
        assertThat(nav.rangeProperty().get().resolve(NOW, MADRID)).isEqualTo(new TimeRange(
                Instant.parse("2025-03-31T22:00:00Z"), Instant.parse("2025-04-30T21:59:59.999Z")));
        assertThat(vm.labelProperty().get()).isEqualTo("2025-04-01 to 2025-04-30");

        vm.toggle();
        vm.from().textProperty().set("now");
        vm.to().textProperty().set("now-1h");
        assertThat(vm.apply()).isFalse();
        assertThat(vm.orderErrorProperty().get()).isEqualTo("\"From\" can't be after \"To\"");
    }

    @Test
    void pickedDatesAndAbsoluteRangesAreWrittenInTheDashboardsZone() {
        RangeNavigation nav = navigation();
        RangePickerViewModel vm = new RangePickerViewModel(nav, new SameThreadTaskExecutor().scope());
        nav.rangeProperty().set(new RangeChoice.Absolute(new TimeRange(Instant.parse("2025-03-02T00:00:00Z"), Instant.parse("2025-04-30T12:00:00Z"))));
        assertThat(vm.labelProperty().get()).isEqualTo("2025-03-02 01:00:00 to 2025-04-30 14:00:00");
        vm.toggle();
        assertThat(vm.from().textProperty().get()).isEqualTo("2025-03-02 01:00:00");
        vm.pick(false, LocalDate.of(2025, 5, 1), LocalTime.of(6, 30));
        assertThat(vm.to().textProperty().get()).isEqualTo("2025-05-01 06:30:00");
        assertThat(vm.apply()).isTrue();
        assertThat(nav.rangeProperty().get().resolve(NOW, MADRID).to()).isEqualTo(Instant.parse("2025-05-01T04:30:00Z"));
        assertThat(vm.zoneText()).isEqualTo("Europe/Madrid (UTC+02:00)");
    }

    @Test
    void quickRangesFilterAndRecentRangesArePersistedPerWorkspace() {
        try (Workspace ws = Workspace.open(dir.resolve("r.vigia"))) {
            RangeNavigation nav = navigation();
            RangePickerViewModel vm = new RangePickerViewModel(nav, new SameThreadTaskExecutor().scope());
            vm.setStore(new RecentRanges(new SettingsRepository(ws)));
            vm.filterProperty().set("year");
            assertThat(vm.quickRanges()).extracting(RangeChoice::label).contains("This year", "Previous year", "Last 1 year")
                    .doesNotContain("Last 7 days");
            vm.choose(vm.quickRanges().getFirst());
            assertThat(vm.recentRanges()).as("quick ranges are always listed; they are not repeated as recent").isEmpty();

            vm.toggle();
            vm.from().textProperty().set("now-45d");
            vm.to().textProperty().set("now-15d");
            vm.apply();
            vm.toggle();
            vm.from().textProperty().set("30d");
            vm.to().textProperty().set("now");
            vm.apply();
            assertThat(nav.rangeProperty().get().label()).isEqualTo("Last 30 days");

            RangePickerViewModel reopened = new RangePickerViewModel(navigation(), new SameThreadTaskExecutor().scope());
            reopened.setStore(new RecentRanges(new SettingsRepository(ws)));
            assertThat(reopened.recentRanges()).extracting(RangeChoice::label).containsExactly("Last 30 days", "now-45d to now-15d");
            reopened.choose(reopened.recentRanges().get(1));
            assertThat(reopened.recentRanges()).extracting(RangeChoice::label).containsExactly("now-45d to now-15d", "Last 30 days");
        }
    }

    @Test
    void timeKeysShiftAndZoomOutButNotWhileTyping() throws Exception {
        RangeNavigation nav = navigation();
        nav.resolveNow();
        AtomicLong clock = new AtomicLong(10_000);
        RangeKeys keys = new RangeKeys(new RangePickerViewModel(nav, new SameThreadTaskExecutor().scope()), clock::get);
        press(keys, KeyCode.T, false);
        press(keys, KeyCode.LEFT, false);
        TimeRange back = new TimeRange(NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(7)));
        assertThat(nav.rangeProperty().get()).isEqualTo(new RangeChoice.Absolute(back));

        nav.resolveNow();
        press(keys, KeyCode.T, false);
        clock.addAndGet(RangeKeys.SEQUENCE_MS + 1);
        KeyEvent late = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Z, false, false, false, false);
        keys.handle(late);
        assertThat(late.isConsumed()).isFalse();
        assertThat(nav.rangeProperty().get()).as("too late for a sequence").isEqualTo(new RangeChoice.Absolute(back));
        press(keys, KeyCode.T, false);
        press(keys, KeyCode.Z, false);
        nav.resolveNow();
        assertThat(nav.resolvedProperty().get().length()).isEqualTo(Duration.ofDays(14));

        press(keys, KeyCode.RIGHT, true);
        nav.resolveNow();
        assertThat(nav.resolvedProperty().get().to()).isEqualTo(NOW);

        // in a text field, t and the arrows are the field's
        RangeChoice before = nav.rangeProperty().get();
        TextField field = JavaFxToolkit.onFx(TextField::new);
        for (KeyCode code : new KeyCode[] {KeyCode.T, KeyCode.LEFT}) {
            KeyEvent typed = new KeyEvent(field, field, KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
            keys.handle(typed);
            assertThat(typed.isConsumed()).isFalse();
        }
        assertThat(nav.rangeProperty().get()).isEqualTo(before);
    }

    private static void press(RangeKeys keys, KeyCode code, boolean shortcut) {
        KeyEvent e = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, shortcut);
        keys.handle(e);
        assertThat(e.isConsumed()).as(code + " is a time key here").isTrue();
    }
}
