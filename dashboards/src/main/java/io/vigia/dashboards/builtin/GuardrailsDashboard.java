package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/**
 * Guardrails: block rate, blocks by category, detector, app and direction, blocks by OWASP id,
 * coverage (decisions made vs not made: a guardrail that errors, is skipped or fails open decides
 * nothing), blocked prompts. Written against the guardrail binding ({@code @guard.*}, see
 * docs/bindings.md): Vigia's decisions, LiteLLM, NeMo Guardrails, LLM Guard alike.
 */
final class GuardrailsDashboard {
    private GuardrailsDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.stat("Block rate", "percentunit", KpiDirection.NEUTRAL, "@guard.rate window=$__range");
        b.stat("Blocked", "short", KpiDirection.NEUTRAL, "@guard.blocked window=$__range");
        b.stat("Redacted", "short", KpiDirection.NEUTRAL, "@guard.decision value=redacted window=$__range");
        b.stat("Prompt injection attempts", "short", KpiDirection.LOWER_IS_BETTER, "@guard.owasp part=flagged id=LLM01 window=$__range");
        b.stat("Coverage: checks that decided", "percentunit", KpiDirection.HIGHER_IS_BETTER, "@guard.coverage part=share window=$__range", 8);
        b.row(8);
        b.timeSeries("Block rate", "percentunit", 12,
                q("A", "@guard.rate", "block rate"));
        b.timeSeries("Blocked per hour, by category", "short", 12, Builder.STACKED,
                q("A", "@guard.blocked by=category fn=rate scale=3600", "{{category}}"));
        b.row(8);
        b.bars("Hits by detector", "short", 8,
                instant("A", "@guard.flagged by=detector window=$__range sort=desc", "{{detector}}"));
        b.bars("Hits by app", "short", 8,
                instant("A", "@guard.flagged by=app window=$__range", "{{app}}"));
        b.timeSeries("Input vs output hits per hour", "short", 8,
                q("A", "@guard.flagged by=direction fn=rate scale=3600", "{{direction}}"));
        b.row(8);
        b.bars("Category mix: this week vs the week before", "short", 12, Builder.seriesNames("This week", "Week before"),
                instant("A", "@guard.flagged by=category window=1w", "{{category}}"),
                instant("B", "@guard.flagged by=category window=1w offset=1w", "{{category}}"));
        b.table("Hits by category", 12, Builder.OWASP,
                instant("A", "@guard.flagged by=category window=$__range sort=desc", "{{category}}"));
        b.row(8);
        b.bars("Blocks by OWASP LLM Top 10 (2025)", "short", 12,
                instant("A", "@guard.owasp window=$__range", "{{owasp}}"));
        b.timeSeries("Guardrail checks per hour: decided vs not decided", "short", 12,
                q("A", "@guard.coverage part=decided window=1h", "decided"),
                q("B", "@guard.coverage part=not_decided window=1h", "not decided (errors, not run)"));
        b.row(10);
        // the stored events (prompts redacted when stored, drawn inertly); "" is the workspace's own
        // logs unless a Loki source is the default for LogQL
        b.logs("Blocked prompts", 24, new Query("A", "", QueryLanguage.LOGQL, BuiltInDashboards.BLOCKED_PROMPTS, "", false, false, ""));
        return b.dashboard(BuiltInDashboards.GUARDRAILS, "Guardrails", "now-7d", List.of("guardrails", "built-in"), List.of());
    }
}
