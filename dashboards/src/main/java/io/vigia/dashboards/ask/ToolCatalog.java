package io.vigia.dashboards.ask;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools a model is offered: exactly the plan's read-only steps, each described with a JSON
 * Schema for its arguments as the chat-completions format takes it ({@code type: "function"},
 * {@code function.name}, {@code function.description}, {@code function.parameters}). There is no
 * tool that writes, deletes, fetches a URL or changes a setting, so none can be called.
 */
final class ToolCatalog {
    static final String QUERY_RANGE = "query_range";
    static final String QUERY_LOGS = "query_logs";
    static final String DEPLOY_IMPACT = "deploy_impact";
    static final String OPEN_DASHBOARD = "open_dashboard";
    static final String DRIFT_CHECK = "drift_check";
    static final String WEEKLY_REPORT = "weekly_report";
    private static final String TIME = "Grafana time: now, now-7d, now-1w/w (start of last week), now/d";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToolCatalog() {
    }

    static ArrayNode tools() {
        ArrayNode tools = JSON.createArrayNode();
        tool(tools, QUERY_RANGE, "Run a PromQL query over a time range on the workspace's metrics (read-only).",
                new String[][] {{"promql", "PromQL expression"}, {"from", TIME}, {"to", TIME}}, "promql", "from", "to");
        tool(tools, QUERY_LOGS, "Read log lines with a LogQL log query over a time range (read-only, at most 200 lines).",
                new String[][] {{"logql", "LogQL log query, e.g. {job=\"guardrail\"}"}, {"from", TIME}, {"to", TIME}}, "logql", "from", "to");
        tool(tools, DEPLOY_IMPACT, "Compare p50/p95/p99 latency, 5xx share and throughput of a service before and after one of its deploys.",
                new String[][] {{"service", "service name"}, {"version", "deployed version, or latest"},
                        {"window", "time on each side, e.g. 1h (at most 1d)"}}, "service");
        tool(tools, OPEN_DASHBOARD, "Open a dashboard at a time range.",
                new String[][] {{"uid", "dashboard uid"}, {"from", TIME}, {"to", TIME}}, "uid");
        tool(tools, DRIFT_CHECK, "Check model-input features for drift over a range against the period before.",
                new String[][] {{"feature", "feature name, or empty for all"}, {"from", TIME}, {"to", TIME}}, "from", "to");
        tool(tools, WEEKLY_REPORT, "Build the weekly report of a dashboard.",
                new String[][] {{"dashboard", "dashboard uid"}, {"week", "last or this"}}, "dashboard");
        return tools;
    }

    private static void tool(ArrayNode tools, String name, String description, String[][] params, String... required) {
        ObjectNode f = tools.addObject().put("type", "function").putObject("function");
        f.put("name", name).put("description", description);
        ObjectNode schema = f.putObject("parameters").put("type", "object");
        ObjectNode props = schema.putObject("properties");
        for (String[] p : params) {
            props.putObject(p[0]).put("type", "string").put("description", p[1]);
        }
        ArrayNode req = schema.putArray("required");
        for (String r : required) {
            req.add(r);
        }
        schema.put("additionalProperties", false);
    }
}
