package io.vigia.dashboards.ask;

import io.vigia.dashboards.time.TimeRange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan as JSON, for {@code vigia ask --plan-only --json} and for scoring: the first step's
 * action, metric, statistic, service, range (as typed and resolved, with the step) at the top, then
 * every step in full. Field names are those of the evaluation set's README.
 */
public final class PlanJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanJson() {
    }

    public static ObjectNode tree(AskPlan plan, AskContext ctx) {
        ObjectNode root = JSON.createObjectNode();
        root.put("question", plan.question());
        root.put("planner", plan.planner());
        root.put("intent", plan.intent().id());
        plan.primary().ifPresentOrElse(s -> step(root, s, ctx), () -> root.put("action", "none"));
        ArrayNode steps = root.putArray("steps");
        for (AskStep s : plan.steps()) {
            step(steps.addObject(), s, ctx);
        }
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode refused = root.putArray("refused");
        for (AskPlan.Refusal r : plan.refused()) {
            refused.addObject().put("what", r.what()).put("reason", r.reason());
        }
        return root;
    }

    public static String write(AskPlan plan, AskContext ctx) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(plan, ctx));
    }

    private static void step(ObjectNode n, AskStep s, AskContext ctx) {
        n.put("action", s.action());
        switch (s) {
            case AskStep.Query q -> {
                n.put("metric", q.metric());
                n.put("stat", q.stat() == null ? null : q.stat().id());
                n.put("service", q.service());
                n.put("by", q.by());
                ObjectNode f = n.putObject("filter");
                q.filter().forEach(f::put);
                n.put("language", q.language().name().toLowerCase(java.util.Locale.ROOT));
                n.put("expr", q.expr());
            }
            case AskStep.DeployImpact d -> {
                n.put("metric", ctx.latency().metric());
                n.put("stat", d.focus().id());
                n.put("service", d.service());
                n.put("deploy", d.version());
                StepRanges.deploy(s, ctx).ifPresent(dep -> n.putObject("deploy_found").put("version", dep.version())
                        .put("time", java.time.Instant.ofEpochMilli(dep.timeMillis()).toString()));
                n.put("window", TimeWindow.text(d.window()));
            }
            case AskStep.OpenDashboard o -> {
                n.putNull("service");
                n.put("dashboard", o.uid());
                n.put("title", o.title());
            }
            case AskStep.DriftCheck d -> {
                n.put("metric", StepBuilder.FEATURE);
                n.put("stat", Stat.DRIFT.id());
                n.putNull("service");
                n.put("feature", d.feature());
            }
            case AskStep.Report r -> {
                n.putNull("service");
                n.put("dashboard", r.uid());
                n.put("title", r.title());
            }
        }
        ObjectNode range = n.putObject("range");
        range.put("from", s.range().from());
        range.put("to", s.range().to());
        try {
            TimeRange r = StepRanges.resolve(s, ctx);
            range.put("start", r.from().toString());
            range.put("end", r.to().toString());
            range.put("step", TimeWindow.text(StepRanges.resolution(r, ctx).step()));
        } catch (IllegalArgumentException e) {
            range.put("error", e.getMessage());
        }
    }
}
