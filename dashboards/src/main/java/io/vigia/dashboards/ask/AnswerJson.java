package io.vigia.dashboards.ask;

import io.vigia.dashboards.query.DeployImpact;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An answer as JSON ({@code vigia ask --json}): the plan, then per step its numbers and the exact queries. */
public final class AnswerJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerJson() {
    }

    public static String write(AskAnswer answer, AskContext ctx) {
        ObjectNode root = JSON.createObjectNode();
        root.set("plan", PlanJson.tree(answer.plan(), ctx));
        ArrayNode steps = root.putArray("answers");
        for (AskAnswer.StepAnswer s : answer.steps()) {
            ObjectNode n = steps.addObject().put("action", s.step().action());
            switch (s) {
                case AskAnswer.Numbers x -> {
                    n.put("query", x.query()).put("instant", x.instant()).put("start", x.range().from().toString())
                            .put("end", x.range().to().toString()).put("step_seconds", x.resolution().toSeconds());
                    ArrayNode series = n.putArray("series");
                    x.series().forEach(v -> series.addObject().put("name", v.name()).put("last", v.last()).put("min", v.min())
                            .put("max", v.max()).put("mean", v.mean()));
                }
                case AskAnswer.Impact x -> {
                    n.put("service", x.result().deploy().service()).put("version", x.result().deploy().version())
                            .put("deploy_time", java.time.Instant.ofEpochMilli(x.result().deploy().timeMillis()).toString())
                            .put("window_seconds", x.result().window().toSeconds()).put("step_seconds", x.result().step().toSeconds());
                    ArrayNode rows = n.putArray("rows");
                    for (DeployImpact.Row r : x.result().rows()) {
                        rows.addObject().put("measure", r.measure().name().toLowerCase(java.util.Locale.ROOT)).put("query", r.expr())
                                .put("before", r.before()).put("after", r.after()).put("change", r.change())
                                .put("change_percent", r.changePercent()).put("p_value", r.pValue()).put("significant", r.significant());
                    }
                }
                case AskAnswer.Lines x -> {
                    ArrayNode lines = n.put("query", x.step().expr()).putArray("lines");
                    x.lines().forEach(e -> lines.addObject().put("time", java.time.Instant.ofEpochMilli(e.timestampMillis()).toString())
                            .put("labels", e.labels().toString()).put("line", e.line()));
                }
                case AskAnswer.Dashboard x -> n.put("dashboard", x.step().uid()).put("start", x.range().from().toString())
                        .put("end", x.range().to().toString());
                case AskAnswer.Drift x -> {
                    ArrayNode scores = n.putArray("jensen_shannon");
                    x.scores().forEach(v -> scores.addObject().put("name", v.name()).put("value", v.last()));
                }
                case AskAnswer.Report x -> {
                    ArrayNode kpis = n.put("dashboard", x.report().dashboardUid()).put("week", x.report().week().toString()).putArray("kpis");
                    x.report().kpis().forEach(k -> kpis.addObject().put("title", k.title()).put("value", k.current())
                            .put("previous", k.previous()));
                }
                case AskAnswer.Refused x -> n.put("refused", x.reason());
                case AskAnswer.Failed x -> n.put("failed", x.message());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
