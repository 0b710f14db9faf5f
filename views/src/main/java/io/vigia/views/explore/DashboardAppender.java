package io.vigia.views.explore;

import io.vigia.dashboards.edit.DashboardEditor;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.persistence.workspace.StoredDashboard;

import java.util.List;
import java.util.UUID;

/**
 * "Add to dashboard": a panel with Explore's query, appended under the last panel of a stored
 * dashboard or as the first panel of a new one, saved as a new version. Blocking.
 */
public final class DashboardAppender {
    public static final int TITLE_MAX = 60;
    private final DashboardStore store;

    public DashboardAppender(DashboardStore store) {
        this.store = store;
    }

    /** A dashboard the panel can go to. */
    public record Target(String uid, String title) {
        @Override
        public String toString() {
            return title.isBlank() ? uid : title;
        }
    }

    public List<Target> targets() {
        return store.list().stream().map((StoredDashboard s) -> new Target(s.uid(), s.title())).toList();
    }

    /** Appends the panel to the stored dashboard {@code uid}. */
    public Dashboard append(String uid, Query query, String panelTitle) {
        Dashboard d = store.load(uid).orElseThrow(() -> new IllegalArgumentException("no dashboard with uid " + uid));
        Dashboard next = new DashboardEditor(d).add(panel(query, panelTitle));
        store.save(next);
        return next;
    }

    /** Creates a dashboard titled {@code title} holding the panel, over the given time range. */
    public Dashboard create(String title, Query query, String panelTitle, String timeFrom, String timeTo) {
        String t = title == null || title.isBlank() ? "Explore" : title.strip();
        Dashboard d = new Dashboard("explore-" + UUID.randomUUID().toString().substring(0, 8), t, List.of("explore"),
                timeFrom, timeTo, "", List.of(), List.of(), List.of());
        Dashboard next = new DashboardEditor(d).add(panel(query, panelTitle));
        store.save(next);
        return next;
    }

    /** Explore's query as a panel query: PromQL becomes a time series panel, LogQL a logs panel. */
    public static Query query(String expr, String source, QueryLanguage language) {
        return new Query("A", source, language, expr, "", false, false, "");
    }

    static Panel panel(Query query, String panelTitle) {
        PanelType type = query.language() == QueryLanguage.LOGQL ? PanelType.LOGS : PanelType.TIME_SERIES;
        String title = panelTitle == null || panelTitle.isBlank() ? titleFor(query.expr()) : panelTitle.strip();
        return Panel.of(0, type, title, new GridPos(0, 0, 12, 8), List.of(query), FieldConfig.DEFAULT);
    }

    /** The expression on one line, cut to {@value #TITLE_MAX} characters. */
    public static String titleFor(String expr) {
        String one = expr.strip().replaceAll("\\s+", " ");
        return one.length() <= TITLE_MAX ? one : one.substring(0, TITLE_MAX - 1) + "…";
    }
}
