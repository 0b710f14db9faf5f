package io.vigia.dashboards.ask;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.time.PromDuration;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.LabelMatcher;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * A model's tool call to a plan step, or the reason it is refused: a tool not in
 * {@link ToolCatalog}, arguments that are not a JSON object of strings, an unknown argument, or
 * a step the {@link StepGuard} refuses (PromQL that does not parse, a range over the limits, a
 * service or dashboard that is not there). Nothing here runs anything.
 */
final class ToolCalls {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Set<String>> ARGUMENTS = Map.of(
            ToolCatalog.QUERY_RANGE, Set.of("promql", "from", "to"),
            ToolCatalog.QUERY_LOGS, Set.of("logql", "from", "to"),
            ToolCatalog.DEPLOY_IMPACT, Set.of("service", "version", "window"),
            ToolCatalog.OPEN_DASHBOARD, Set.of("uid", "from", "to"),
            ToolCatalog.DRIFT_CHECK, Set.of("feature", "from", "to"),
            ToolCatalog.WEEKLY_REPORT, Set.of("dashboard", "week"));

    private final StepGuard guard;

    ToolCalls(StepGuard guard) {
        this.guard = guard;
    }

    /** The step, or a refusal naming the call and the reason. */
    sealed interface Outcome {
    }

    record Accepted(AskStep step) implements Outcome {
    }

    record Refused(AskPlan.Refusal refusal) implements Outcome {
    }

    Outcome toStep(ChatClient.ToolCall call, AskContext ctx) {
        String what = call.name() + "(" + shorten(call.arguments()) + ")";
        Set<String> allowed = ARGUMENTS.get(call.name());
        if (allowed == null) {
            return refuse(what, "unknown tool \"" + shorten(call.name()) + "\": only the read-only tools "
                    + ARGUMENTS.keySet().stream().sorted().toList() + " can be called");
        }
        JsonNode args;
        try {
            args = call.arguments().isBlank() ? JSON.createObjectNode() : JSON.readTree(call.arguments());
        } catch (JacksonException e) {
            return refuse(what, "the arguments are not JSON");
        }
        if (!args.isObject()) {
            return refuse(what, "the arguments are not a JSON object");
        }
        for (String name : args.propertyNames()) {
            if (!allowed.contains(name)) {
                return refuse(what, "unknown argument \"" + shorten(name) + "\"");
            }
            if (!args.get(name).isString()) {
                return refuse(what, "argument \"" + shorten(name) + "\" is not a string");
            }
        }
        AskStep step;
        try {
            step = switch (call.name()) {
                case ToolCatalog.QUERY_RANGE -> promql(arg(args, "promql", null), window(args, "now-1h"));
                case ToolCatalog.QUERY_LOGS -> new AskStep.Query(AskStep.QueryLanguage.LOGQL, arg(args, "logql", null),
                        window(args, "now-1h"), null, null, null, null, Map.of(), "log lines");
                case ToolCatalog.DEPLOY_IMPACT -> new AskStep.DeployImpact(arg(args, "service", null),
                        arg(args, "version", AskStep.DeployImpact.LATEST), PromDuration.parse(arg(args, "window", "1h")), Stat.P95);
                case ToolCatalog.OPEN_DASHBOARD -> {
                    Dashboard d = ctx.dashboard(arg(args, "uid", null)).orElse(null);
                    yield d == null ? null : new AskStep.OpenDashboard(d.uid(), d.title(), window(args, d.timeFrom()));
                }
                case ToolCatalog.DRIFT_CHECK -> new AskStep.DriftCheck(blankToNull(arg(args, "feature", "")), window(args, "now-7d"));
                default -> {
                    Dashboard d = ctx.dashboard(arg(args, "dashboard", BuiltInDashboards.COPILOT_HEALTH)).orElse(null);
                    boolean thisWeek = "this".equals(arg(args, "week", "last"));
                    yield d == null ? null : new AskStep.Report(d.uid(), d.title(), thisWeek
                            ? new TimeWindow("now/w", "now/w") : new TimeWindow("now-1w/w", "now-1w/w"));
                }
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return refuse(what, "bad arguments: " + e.getMessage());
        }
        if (step == null) {
            return refuse(what, "no such dashboard");
        }
        var refusal = guard.refusal(step, ctx);
        return refusal.<Outcome>map(r -> new Refused(new AskPlan.Refusal(what, r))).orElseGet(() -> new Accepted(step));
    }

    /** A model's PromQL as a query step; its metric and service read from the parsed selectors. */
    private static AskStep promql(String expr, TimeWindow w) {
        String metric = null;
        String service = null;
        try {
            Deque<Expr> todo = new ArrayDeque<>();
            todo.push(Parser.parse(expr, PromqlFeatures.DEFAULTS));
            while (!todo.isEmpty() && metric == null) {
                switch (todo.pop()) {
                    case Expr.VectorSelector v -> {
                        metric = family(v.name());
                        service = v.matchers().stream().filter(m -> m.name().equals("service") && m.type() == LabelMatcher.Type.EQUAL)
                                .map(LabelMatcher::value).findFirst().orElse(null);
                    }
                    case Expr.MatrixSelector m -> todo.push(m.selector());
                    case Expr.Call c -> c.args().forEach(todo::push);
                    case Expr.Aggregate a -> todo.push(a.expr());
                    case Expr.Binary b -> {
                        todo.push(b.rhs());
                        todo.push(b.lhs());
                    }
                    case Expr.Paren p -> todo.push(p.expr());
                    case Expr.Subquery s -> todo.push(s.expr());
                    default -> {
                    }
                }
            }
        } catch (RuntimeException e) {
            // not parsed: the guard refuses it with the parser's message
        }
        return new AskStep.Query(AskStep.QueryLanguage.PROMQL, expr, w, null, metric, service, null, Map.of(), "query");
    }

    /** A histogram's series named by its family, as the offline plans name it: {@code x_bucket} → {@code x}. */
    static String family(String name) {
        if (name == null) {
            return null;
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static TimeWindow window(JsonNode args, String defaultFrom) {
        return new TimeWindow(arg(args, "from", defaultFrom), arg(args, "to", "now"));
    }

    private static String arg(JsonNode args, String name, String fallback) {
        JsonNode v = args.get(name);
        if (v == null || v.asString().isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing \"" + name + "\"");
            }
            return fallback;
        }
        return v.asString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Refused refuse(String what, String reason) {
        return new Refused(new AskPlan.Refusal(what, reason));
    }

    static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

}
