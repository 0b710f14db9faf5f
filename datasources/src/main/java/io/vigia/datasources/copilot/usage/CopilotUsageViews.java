package io.vigia.datasources.copilot.usage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers the Copilot dashboards draw, read through {@link CopilotUsageQuery} (so its caveats
 * hold): surfaces by model and by IDE, Copilot code review by comment type, pull-request merge
 * times, AI credits per user, and third-party agents.
 */
public final class CopilotUsageViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CopilotUsageQuery query;

    public CopilotUsageViews(CopilotUsageQuery query) {
        this.query = query;
    }

    /**
     * One counter ({@code user_initiated_interaction_count}, {@code code_generation_activity_count},
     * {@code code_acceptance_activity_count}, {@code loc_added_sum}, ...) per surface and model
     * (totals_by_model_feature), per IDE (totals_by_ide: GitHub does not cross IDEs with features, so
     * an IDE's number covers every surface but the CLI), and the CLI's own totals (totals_by_cli,
     * which no IDE or feature breakdown includes).
     */
    public record SurfaceMix(Map<CopilotSurface, Map<String, Double>> byModel, Map<String, Double> byIde, Map<String, Double> cli) {
    }

    public SurfaceMix surfaces(String scope, String counter, LocalDate from, LocalDate to) {
        Map<CopilotSurface, Map<String, Double>> byModel = new EnumMap<>(CopilotSurface.class);
        for (Map.Entry<String, Double> e : sum(scope, Measure.of("totals_by_model_feature", counter), CopilotUsageQuery.BY_DIMENSION,
                from, to).entrySet()) {
            JsonNode dims = JSON.readTree(e.getKey());
            byModel.computeIfAbsent(CopilotSurface.ofFeature(dims.path("feature").asString("")), k -> new LinkedHashMap<>())
                    .merge(dims.path("model").asString(""), e.getValue(), Double::sum);
        }
        Map<String, Double> cli = new LinkedHashMap<>();
        for (String f : List.of("session_count", "request_count", "prompt_count", "token_usage.prompt_tokens_sum",
                "token_usage.output_tokens_sum")) {
            sum(scope, Measure.of("totals_by_cli", f), "", from, to).forEach((k, v) -> cli.put(f, v));
        }
        return new SurfaceMix(byModel, sum(scope, Measure.of("totals_by_ide", counter), "ide", from, to), cli);
    }

    /** Copilot code review's suggestions and how many were applied, in all and per comment type (security, bug_risk, ...). */
    public record CodeReview(double suggestions, double applied, List<CommentType> byCommentType) {
    }

    public record CommentType(String commentType, double suggestions, double applied) {
    }

    public CodeReview codeReview(String scope, LocalDate from, LocalDate to) {
        String byType = "pull_requests.copilot_suggestions_by_comment_type";
        Map<String, Double> suggested = sum(scope, Measure.of(byType, "total_copilot_suggestions"), "comment_type", from, to);
        Map<String, Double> applied = sum(scope, Measure.of(byType, "total_copilot_applied_suggestions"), "comment_type", from, to);
        List<CommentType> types = new ArrayList<>();
        suggested.forEach((t, n) -> types.add(new CommentType(t, n, applied.getOrDefault(t, 0.0))));
        applied.forEach((t, n) -> {
            if (!suggested.containsKey(t)) {
                types.add(new CommentType(t, 0, n));
            }
        });
        return new CodeReview(total(scope, Measure.of("pull_requests", "total_copilot_suggestions"), from, to),
                total(scope, Measure.of("pull_requests", "total_copilot_applied_suggestions"), from, to), types);
    }

    /**
     * Pull requests merged per day and their median minutes from creation to merge: all, created by
     * Copilot, reviewed by Copilot. GitHub gives one median per day (null when nothing merged);
     * medians of different days cannot be combined into the range's median, so they stay per day.
     */
    public record MergeTimes(DayValues median, DayValues medianCopilotAuthored, DayValues medianCopilotReviewed,
                             DayValues merged, DayValues mergedCopilotAuthored, DayValues mergedCopilotReviewed) {
    }

    public MergeTimes mergeTimes(String scope, LocalDate from, LocalDate to) {
        return new MergeTimes(pr(scope, "median_minutes_to_merge", from, to), pr(scope, "median_minutes_to_merge_copilot_authored", from, to),
                pr(scope, "median_minutes_to_merge_copilot_reviewed", from, to), pr(scope, "total_merged", from, to),
                pr(scope, "total_merged_created_by_copilot", from, to), pr(scope, "total_merged_reviewed_by_copilot", from, to));
    }

    /** AI credits per user (by login) over the range, and the scope's credits per day (users' reports only carry them). */
    public record AiCredits(Map<String, Double> byUser, DayValues perDay) {
    }

    public AiCredits aiCredits(String scope, LocalDate from, LocalDate to) {
        Measure credits = Measure.ofUsers("", "ai_credits_used");
        Map<String, String> logins = query.userLogins(scope, from, to);
        Map<String, Double> byUser = new LinkedHashMap<>();
        sum(scope, credits, CopilotUsageQuery.BY_SUBJECT, from, to).forEach((id, v) -> byUser.merge(logins.getOrDefault(id, id), v,
                Double::sum));
        return new AiCredits(byUser, query.daily(scope, credits, from, to));
    }

    /** One third-party agent (Claude, Codex, ...) by its stable agent_id and the name GitHub shows. */
    public record AgentUse(String agentId, String agentName, double interactions, double sessions) {
    }

    public List<AgentUse> thirdPartyAgents(String scope, LocalDate from, LocalDate to) {
        String b = "totals_by_3rd_party_agent";
        Map<String, Double> sessions = sum(scope, Measure.of(b, "session_count"), CopilotUsageQuery.BY_DIMENSION, from, to);
        Map<String, AgentUse> out = new LinkedHashMap<>();
        sum(scope, Measure.of(b, "user_initiated_interaction_count"), CopilotUsageQuery.BY_DIMENSION, from, to).forEach((d, n) -> {
            JsonNode dims = JSON.readTree(d);
            String id = dims.path("agent_id").asString("");
            AgentUse prev = out.get(id);
            out.put(id, new AgentUse(id, dims.path("agent_name").asString(""), n + (prev == null ? 0 : prev.interactions()),
                    sessions.getOrDefault(d, 0.0) + (prev == null ? 0 : prev.sessions())));
        });
        return List.copyOf(out.values());
    }

    private DayValues pr(String scope, String field, LocalDate from, LocalDate to) {
        return query.daily(scope, Measure.of("pull_requests", field), from, to);
    }

    private double total(String scope, Measure m, LocalDate from, LocalDate to) {
        return sum(scope, m, "", from, to).getOrDefault("", 0.0);
    }

    private Map<String, Double> sum(String scope, Measure m, String groupBy, LocalDate from, LocalDate to) {
        return switch (query.totals(scope, m, groupBy, from, to)) {
            case UsageTotals.Sum s -> s.byGroup();
            case UsageTotals.Refused r -> throw new IllegalStateException(r.reason().message());
        };
    }
}
