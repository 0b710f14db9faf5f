package io.vigia.dashboards.ask;

import io.vigia.persistence.workspace.SettingsRepository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The questions asked in a workspace, newest first, at most {@value #MAX}, kept in the workspace
 * settings (key {@value #SETTING}, a JSON array) rather than a table: the Ctrl+K dialog offers them
 * again. A damaged value reads as an empty history and is replaced on the next question.
 */
public final class AskHistory {
    public static final String SETTING = "ask.history";
    public static final int MAX = 50;
    /** Longer questions are kept cut: a history entry is for recognising, not for storing documents. */
    static final int MAX_LENGTH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SettingsRepository settings;

    public AskHistory(SettingsRepository settings) {
        this.settings = settings;
    }

    public List<String> questions() {
        return settings.get(SETTING).map(AskHistory::parse).orElse(List.of());
    }

    /** Puts {@code question} first (moving it up if it was asked before). */
    public void add(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            return;
        }
        if (q.length() > MAX_LENGTH) {
            q = q.substring(0, MAX_LENGTH);
        }
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(q);
        all.addAll(questions());
        settings.put(SETTING, JSON.writeValueAsString(new ArrayList<>(all).subList(0, Math.min(MAX, all.size()))));
    }

    private static List<String> parse(String json) {
        try {
            List<String> out = new ArrayList<>();
            for (var n : JSON.readTree(json)) {
                if (n.isString()) {
                    out.add(n.asString());
                }
            }
            return out;
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
