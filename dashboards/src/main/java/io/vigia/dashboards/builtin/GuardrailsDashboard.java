package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/** Guardrails: block rate, blocks by category, detector, app and direction, blocked prompts. */
final class GuardrailsDashboard {
    private GuardrailsDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.stat("Block rate", "percentunit", KpiDirection.NEUTRAL, "sum(increase(" + Builder.GUARD + "{decision=\"blocked\"}[$__range])) / sum(increase(" + Builder.GUARD + "[$__range]))");
        b.stat("Blocked", "short", KpiDirection.NEUTRAL, "sum(increase(" + Builder.GUARD + "{decision=\"blocked\"}[$__range]))");
        b.stat("Redacted", "short", KpiDirection.NEUTRAL, "sum(increase(" + Builder.GUARD + "{decision=\"redacted\"}[$__range]))");
        b.stat("Prompt injection attempts", "short", KpiDirection.LOWER_IS_BETTER, "sum(increase(" + Builder.GUARD + "{category=\"prompt_injection\"}[$__range]))");
        b.row(8);
        b.timeSeries("Block rate", "percentunit", 12,
                q("A", "sum(rate(" + Builder.GUARD + "{decision=\"blocked\"}[$__rate_interval])) / sum(rate(" + Builder.GUARD + "[$__rate_interval]))", "block rate"));
        b.timeSeries("Blocked per hour, by category", "short", 12, Builder.STACKED,
                q("A", "sum by (category) (rate(" + Builder.GUARD + "{decision=\"blocked\"}[$__rate_interval])) * 3600", "{{category}}"));
        b.row(8);
        b.bars("Hits by detector", "short", 8,
                instant("A", "sort_desc(sum by (detector) (increase(" + Builder.GUARD + "{decision!=\"allowed\"}[$__range])))", "{{detector}}"));
        b.bars("Hits by app", "short", 8,
                instant("A", "sum by (app) (increase(" + Builder.GUARD + "{decision!=\"allowed\"}[$__range]))", "{{app}}"));
        b.timeSeries("Input vs output hits per hour", "short", 8,
                q("A", "sum by (direction) (rate(" + Builder.GUARD + "{decision!=\"allowed\"}[$__rate_interval])) * 3600", "{{direction}}"));
        b.row(8);
        b.bars("Category mix: this week vs the week before", "short", 12, Builder.seriesNames("This week", "Week before"),
                instant("A", "sum by (category) (increase(" + Builder.GUARD + "{decision!=\"allowed\"}[1w]))", "{{category}}"),
                instant("B", "sum by (category) (increase(" + Builder.GUARD + "{decision!=\"allowed\"}[1w] offset 1w))", "{{category}}"));
        b.table("Hits by category", 12, Builder.OWASP,
                instant("A", "sort_desc(sum by (category) (increase(" + Builder.GUARD + "{decision!=\"allowed\"}[$__range])))", "{{category}}"));
        b.row(10);
        // the stored events (prompts redacted when stored, drawn inertly); "" is the workspace's own
        // logs unless a Loki source is the default for LogQL
        b.logs("Blocked prompts", 24, new Query("A", "", QueryLanguage.LOGQL, BuiltInDashboards.BLOCKED_PROMPTS, "", false, false, ""));
        return b.dashboard(BuiltInDashboards.GUARDRAILS, "Guardrails", "now-7d", List.of("guardrails", "built-in"), List.of());
    }
}
