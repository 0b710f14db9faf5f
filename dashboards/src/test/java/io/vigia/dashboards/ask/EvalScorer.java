package io.vigia.dashboards.ask;

import io.vigia.dashboards.time.TimeRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation set's rule (README.md beside ask-eval.json): same action, metric, statistic and
 * service, same dashboard and deploy where expected, and each end of the range within one step.
 */
final class EvalScorer {
    private EvalScorer() {
    }

    /** What differs; empty when the plan is right. */
    static List<String> differences(JsonNode expect, ObjectNode plan, AskContext ctx) {
        List<String> diff = new ArrayList<>();
        for (String field : List.of("action", "metric", "stat", "service", "dashboard")) {
            if (expect.has(field) && !Objects.equals(text(expect.get(field)), text(plan.get(field)))) {
                diff.add(field + ": expected " + text(expect.get(field)) + ", got " + text(plan.get(field)));
            }
        }
        if (expect.has("deploy")) {
            String want = expect.get("deploy").asString();
            String got = text(plan.get("deploy"));
            String service = text(expect.get("service"));
            String latest = service == null ? null : ctx.deploy(service, AskStep.DeployImpact.LATEST).map(d -> d.version()).orElse(null);
            boolean ok = want.equals(got) || (want.equals("latest") && latest != null && latest.equals(got));
            if (!ok) {
                diff.add("deploy: expected " + want + ", got " + got);
            }
        }
        if (expect.has("range") && plan.has("range")) {
            JsonNode pr = plan.get("range");
            if (pr.has("error") || !pr.has("start")) {
                diff.add("range: " + text(pr.get("error")));
                return diff;
            }
            Instant deploy = null;
            if (plan.has("deploy_found")) {
                deploy = Instant.parse(plan.get("deploy_found").get("time").asString());
            }
            TimeRange want = new TimeWindow(expect.get("range").get("from").asString(), expect.get("range").get("to").asString())
                    .resolve(ctx.now(), ctx.zone(), deploy);
            Instant start = Instant.parse(pr.get("start").asString());
            Instant end = Instant.parse(pr.get("end").asString());
            Duration step = io.vigia.dashboards.time.PromDuration.parse(pr.get("step").asString());
            if (Duration.between(want.from(), start).abs().compareTo(step) > 0
                    || Duration.between(want.to(), end).abs().compareTo(step) > 0) {
                diff.add("range: expected " + expect.get("range").get("from").asString() + " to " + expect.get("range").get("to").asString()
                        + ", got " + pr.get("from").asString() + " to " + pr.get("to").asString());
            }
        }
        return diff;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }
}
