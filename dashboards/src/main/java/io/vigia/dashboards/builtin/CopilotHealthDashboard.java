package io.vigia.dashboards.builtin;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.KpiDirection;

import java.util.List;

import static io.vigia.dashboards.builtin.Builder.instant;
import static io.vigia.dashboards.builtin.Builder.q;

/** Copilot Health: acceptance, SAST findings, reverts, blocked prompts, input drift. */
final class CopilotHealthDashboard {
    private CopilotHealthDashboard() {
    }

    static Dashboard build() {
        Builder b = new Builder();
        b.stat("Acceptance rate", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(" + Builder.ACCEPTED + "[$__range])) / sum(increase(" + Builder.SHOWN + "[$__range]))");
        b.stat("Acceptance rate by lines", "percentunit", KpiDirection.HIGHER_IS_BETTER,
                "sum(increase(vigia_copilot_lines_accepted_total[$__range])) / sum(increase(vigia_copilot_lines_suggested_total[$__range]))");
        b.stat("SAST-flagged per 1,000 accepted", "short", KpiDirection.LOWER_IS_BETTER,
                "1000 * sum(increase(vigia_copilot_accepted_with_sast_findings_total[$__range])) / sum(increase(" + Builder.ACCEPTED + "[$__range]))");
        b.stat("Reverted share of accepted", "percentunit", KpiDirection.LOWER_IS_BETTER,
                "sum(increase(vigia_copilot_suggestions_reverted_total[$__range])) / sum(increase(" + Builder.ACCEPTED + "[$__range]))");
        b.stat("Prompts blocked", "short", KpiDirection.NEUTRAL,
                "sum(increase(" + Builder.GUARD + "{decision=\"blocked\",direction=\"input\"}[$__range]))");
        b.stat("Active users", "short", KpiDirection.HIGHER_IS_BETTER, "sum(vigia_copilot_active_users)");
        b.row(8);
        b.timeSeries("Acceptance rate by team (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (team) (increase(" + Builder.ACCEPTED + "[1d])) / sum by (team) (increase(" + Builder.SHOWN + "[1d]))", "{{team}}"));
        b.timeSeries("Acceptance rate by model (trailing 24 h)", "percentunit", 12,
                q("A", "sum by (model) (increase(" + Builder.ACCEPTED + "[1d])) / sum by (model) (increase(" + Builder.SHOWN + "[1d]))", "{{model}}"));
        b.row(8);
        b.bars("Acceptance by language", "percentunit", 8,
                instant("A", "sum by (language) (increase(" + Builder.ACCEPTED + "[$__range])) / sum by (language) (increase(" + Builder.SHOWN + "[$__range]))", "{{language}}"));
        b.bars("Acceptance by editor", "percentunit", 8,
                instant("A", "sum by (editor) (increase(" + Builder.ACCEPTED + "[$__range])) / sum by (editor) (increase(" + Builder.SHOWN + "[$__range]))", "{{editor}}"));
        b.timeSeries("SAST-flagged per 1,000 accepted, by severity (trailing 24 h)", "short", 8,
                q("A", "1000 * sum by (severity) (increase(vigia_copilot_accepted_with_sast_findings_total[1d])) / scalar(sum(increase(" + Builder.ACCEPTED + "[1d])))", "{{severity}}"));
        b.row(8);
        b.timeSeries("Prompts blocked per hour, by category", "short", 12, Builder.STACKED,
                q("A", "@guard.blocked by=category fn=rate scale=3600", "{{category}}"));
        b.table("Prompts blocked by category", 12, Builder.OWASP,
                instant("A", "@guard.blocked by=category window=$__range sort=desc", "{{category}}"));
        b.row(8);
        b.timeSeries("Reverted share of accepted, by model (trailing 24 h)", "percentunit", 7,
                q("A", "sum by (model) (increase(vigia_copilot_suggestions_reverted_total[1d])) / sum by (model) (increase(" + Builder.ACCEPTED + "[1d]))", "{{model}}"));
        b.table("Input drift status", 10, Builder.DRIFT_STATUS,
                instant("A", Builder.FEATURE_BUCKET, "{{feature}}"));
        b.timeSeries("Active users by team", "short", 7,
                q("A", "sum by (team) (vigia_copilot_active_users)", "{{team}}"));
        return b.dashboard(BuiltInDashboards.COPILOT_HEALTH, "Copilot Health", "now-7d", List.of("copilot", "built-in"),
                List.of(BuiltInDashboards.deploys(), BuiltInDashboards.missingCopilotDays()));
    }
}
