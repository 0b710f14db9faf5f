package io.vigia.datasources.bindings.query;

import io.vigia.datasources.bindings.CopilotBinding;

import java.util.List;
import java.util.Map;

/** PromQL for the copilot panels from a copilot binding. */
public final class CopilotQueries {
    private CopilotQueries() {
    }

    /** Accepted over shown suggestions in the window, overall or by team. */
    public static QueryPlan acceptanceRate(CopilotBinding c, boolean byTeam, String window) {
        if (byTeam && c.teamLabel() == null) {
            return new QueryPlan.Unavailable(c.accepted() + " has no team label");
        }
        String by = byTeam ? "by (" + c.teamLabel() + ") " : "";
        return new QueryPlan.Available("sum " + by + "(increase(" + c.accepted() + "[" + window + "])) / sum " + by
                + "(increase(" + c.shown() + "[" + window + "]))",
                byTeam ? Map.of(Dimension.TEAM, c.teamLabel()) : Map.of(), List.of());
    }

    /** Accepted over suggested lines in the window. */
    public static QueryPlan lineAcceptanceRate(CopilotBinding c, String window) {
        if (c.linesAccepted() == null || c.linesSuggested() == null) {
            return new QueryPlan.Unavailable("the source counts no suggested and accepted lines");
        }
        return new QueryPlan.Available("sum(increase(" + c.linesAccepted() + "[" + window + "])) / sum(increase("
                + c.linesSuggested() + "[" + window + "]))", Map.of(), List.of());
    }
}
