package io.vigia.dashboards.time;

import io.vigia.persistence.workspace.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time ranges last applied in this workspace's range pickers, newest first, at most
 * {@value #MAX} (Grafana keeps its picker's history in the browser; Vigia keeps it in the
 * workspace's settings, so each workspace has its own). Blocking: called from background tasks.
 * A stored list that cannot be read, or an entry that is no longer a time, is left out rather
 * than failing the picker.
 */
public final class RecentRanges {
    /** The settings key. */
    public static final String SETTING = "dashboards.recent-ranges";
    public static final int MAX = 8;
    private static final int MAX_TEXT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RecentRanges.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SettingsRepository settings;

    public RecentRanges(SettingsRepository settings) {
        this.settings = settings;
    }

    /** One entry as stored: Grafana expressions, or epoch milliseconds when {@code absolute}. */
    record Stored(String from, String to, boolean absolute) {
        static Stored of(RangeChoice c) {
            return new Stored(c.from(), c.to(), c instanceof RangeChoice.Absolute);
        }

        Optional<RangeChoice> choice() {
            if (from == null || to == null || from.length() > MAX_TEXT || to.length() > MAX_TEXT) {
                return Optional.empty();
            }
            try {
                if (absolute) {
                    return Optional.of(new RangeChoice.Absolute(new TimeRange(Instant.ofEpochMilli(Long.parseLong(from)),
                            Instant.ofEpochMilli(Long.parseLong(to)))));
                }
                TimeExpression.parse(from);
                TimeExpression.parse(to);
                return Optional.of(RangeChoice.of(from, to));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public List<RangeChoice> load() {
        Optional<String> text = settings.get(SETTING);
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            Stored[] stored = JSON.readValue(text.get(), Stored[].class);
            List<RangeChoice> out = new ArrayList<>();
            for (Stored s : stored) {
                if (s != null) {
                    s.choice().filter(c -> !out.contains(c)).ifPresent(out::add);
                }
            }
            return List.copyOf(out.subList(0, Math.min(MAX, out.size())));
        } catch (JacksonException e) {
            LOG.warn("the recent time ranges of this workspace are unreadable and were ignored: {}", e.getOriginalMessage());
            return List.of();
        }
    }

    /** Puts {@code choice} first (once), keeps the newest {@value #MAX}, saves; returns the new list. */
    public List<RangeChoice> add(RangeChoice choice) {
        List<RangeChoice> next = new ArrayList<>();
        next.add(choice);
        for (RangeChoice c : load()) {
            if (next.size() < MAX && !(c.from().equals(choice.from()) && c.to().equals(choice.to()))) {
                next.add(c);
            }
        }
        settings.put(SETTING, JSON.writeValueAsString(next.stream().map(Stored::of).toList()));
        return List.copyOf(next);
    }
}
