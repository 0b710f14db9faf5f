package io.vigia.views.explore;

import io.vigia.persistence.workspace.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries run in Explore, kept in the workspace's settings under {@value #KEY} as JSON: most
 * recent first, one entry per query and source, at most {@value #CAPACITY}. Blocking (SQLite);
 * called from background tasks.
 */
public final class QueryHistory {
    public static final String KEY = "explore.history";
    /** Where an unreadable history is set aside before a new one replaces it: nothing is lost. */
    public static final String UNREADABLE_KEY = "explore.history.unreadable";
    public static final int CAPACITY = 200;
    private static final Logger LOG = LoggerFactory.getLogger(QueryHistory.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<HistoryEntry>> LIST = new TypeReference<>() { };

    private final SettingsRepository settings;

    public QueryHistory(SettingsRepository settings) {
        this.settings = settings;
    }

    public List<HistoryEntry> load() {
        return read(settings.get(KEY)).orElse(List.of());
    }

    /** Puts the query first (dropping its older entry), trims to the capacity, saves, and returns the new list. */
    public synchronized List<HistoryEntry> add(HistoryEntry entry) {
        Optional<String> stored = settings.get(KEY);
        Optional<List<HistoryEntry>> read = read(stored);
        if (read.isEmpty() && stored.isPresent()) {
            settings.put(UNREADABLE_KEY, stored.get());
        }
        List<HistoryEntry> next = prepend(read.orElse(List.of()), entry);
        settings.put(KEY, JSON.writeValueAsString(next));
        return next;
    }

    static List<HistoryEntry> prepend(List<HistoryEntry> history, HistoryEntry entry) {
        List<HistoryEntry> next = new ArrayList<>(history.size() + 1);
        next.add(entry);
        for (HistoryEntry e : history) {
            if (next.size() >= CAPACITY) {
                break;
            }
            if (!e.sameQuery(entry)) {
                next.add(e);
            }
        }
        return List.copyOf(next);
    }

    private static Optional<List<HistoryEntry>> read(Optional<String> json) {
        if (json.isEmpty() || json.get().isBlank()) {
            return Optional.empty();
        }
        try {
            List<HistoryEntry> list = JSON.readValue(json.get(), LIST);
            return Optional.of(list.stream().filter(e -> e != null && e.expr() != null && e.source() != null).toList());
        } catch (JacksonException e) {
            LOG.warn("the Explore history in the workspace is unreadable ({}); starting a new one", e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
