package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.model.PanelSources;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A panel's feeds ({@link PanelSources}) in Grafana's JSON, under {@code options.vigia.sources}:
 * Grafana draws the panel's own targets and ignores this object; Vigia reads the alternatives'
 * queries back from it. Origins are written by name in lower case; an unknown one is skipped.
 */
final class GrafanaPanelSources {
    private GrafanaPanelSources() {
    }

    static void write(PanelSources s, ObjectNode vigia) {
        if (!s.active()) {
            return;
        }
        ObjectNode out = vigia.putObject("sources");
        feed(s.own(), out.putObject("own"));
        ArrayNode alternatives = out.putArray("alternatives");
        for (PanelSources.Alternative a : s.alternatives()) {
            ObjectNode n = alternatives.addObject();
            feed(a.feed(), n);
            ArrayNode targets = n.putArray("targets");
            for (Query q : a.queries()) {
                ObjectNode t = targets.addObject();
                t.put("refId", q.refId());
                if (!q.dataSource().isEmpty()) {
                    t.put("datasource", q.dataSource());
                }
                t.put("expr", q.expr());
                t.put("legendFormat", q.legendFormat());
                t.put("instant", q.instant());
                if (q.hidden()) {
                    t.put("hide", true);
                }
                if (!q.minInterval().isEmpty()) {
                    t.put("interval", q.minInterval());
                }
            }
        }
    }

    static PanelSources read(JsonNode n) {
        PanelSources.Feed own = feed(n.path("own"));
        if (own == null) {
            return PanelSources.NONE;
        }
        PanelSources out = PanelSources.of(own);
        for (JsonNode a : n.path("alternatives")) {
            PanelSources.Feed f = feed(a);
            if (f == null) {
                continue;
            }
            List<Query> queries = new ArrayList<>();
            for (JsonNode t : a.path("targets")) {
                queries.add(new Query(t.path("refId").asString("A"), t.path("datasource").asString(""), QueryLanguage.PROMQL,
                        t.path("expr").asString(""), t.path("legendFormat").asString(""), t.path("instant").asBoolean(false),
                        t.path("hide").asBoolean(false), t.path("interval").asString("")));
            }
            out = out.or(f, queries);
        }
        return out;
    }

    private static void feed(PanelSources.Feed f, ObjectNode n) {
        ArrayNode origins = n.putArray("origins");
        f.origins().forEach(o -> origins.add(o.name().toLowerCase(Locale.ROOT)));
        if (!f.needs().isEmpty()) {
            n.put("needs", f.needs());
        }
        if (!f.note().isEmpty()) {
            n.put("note", f.note());
        }
    }

    private static PanelSources.Feed feed(JsonNode n) {
        List<DataOrigin> origins = new ArrayList<>();
        for (JsonNode o : n.path("origins")) {
            try {
                origins.add(DataOrigin.valueOf(o.asString("").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // an origin a newer Vigia wrote: the feed still works, named by the others
            }
        }
        if (origins.isEmpty()) {
            return null;
        }
        return new PanelSources.Feed(origins, n.path("needs").asString(""), n.path("note").asString(""));
    }
}
