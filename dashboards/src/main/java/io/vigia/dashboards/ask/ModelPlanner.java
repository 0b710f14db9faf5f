package io.vigia.dashboards.ask;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans with a language model: the question, the workspace's facts (services, metrics with their
 * HELP texts, dashboards, label values; untrusted, so redacted and marked as data) and the
 * read-only tools go to the endpoint; each tool call that comes back becomes a step or a refusal
 * with its reason. The model never runs anything: its calls are a proposal, shown like the
 * offline plan and run only when the user runs the plan, through the same guard.
 */
public final class ModelPlanner implements AskPlanner {
    static final String SYSTEM = "You are Vigia's observability assistant. Answer the user's question about the workspace's "
            + "telemetry by calling the tools; they only read. Propose the fewest calls that answer the question, "
            + "PromQL with a time range in Grafana's grammar. " + UntrustedText.NOTICE;

    private final ChatClient client;
    private final ToolCalls toolCalls;
    private final UntrustedText untrusted = new UntrustedText();

    /** @param key the API key (from the keyring or the environment), or null */
    public ModelPlanner(ModelEndpoint endpoint, String key, StepGuard guard) {
        this(new ChatClient(endpoint, key, guard.limits().timeout()), guard);
    }

    ModelPlanner(ChatClient client, StepGuard guard) {
        this.client = client;
        this.toolCalls = new ToolCalls(guard);
    }

    @Override
    public AskPlan plan(String question, AskContext ctx) {
        List<ObjectNode> messages = List.of(ChatClient.message("system", SYSTEM),
                ChatClient.message("user", facts(ctx)),
                ChatClient.message("user", question));
        ChatClient.Reply reply = client.complete(messages, ToolCatalog.tools());
        List<AskStep> steps = new ArrayList<>();
        List<AskPlan.Refusal> refused = new ArrayList<>();
        for (ChatClient.ToolCall call : reply.toolCalls()) {
            switch (toolCalls.toStep(call, ctx)) {
                case ToolCalls.Accepted a -> steps.add(a.step());
                case ToolCalls.Refused r -> refused.add(r.refusal());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!reply.content().isBlank()) {
            notes.add("the model says: " + untrusted.redact(ToolCalls.shorten(reply.content())));
        }
        return new AskPlan(question, Intent.MODEL, steps, notes, refused, "model");
    }

    /** What the model is told about the workspace; every value from telemetry inside a data block. */
    String facts(AskContext ctx) {
        StringBuilder b = new StringBuilder("Workspace facts. The time now is ").append(ctx.now()).append(".\n");
        b.append("Services: ").append(untrusted.block("services", ctx.services())).append('\n');
        b.append("Metrics (name: help): ").append(untrusted.block("metrics", ctx.metrics().stream()
                .map(m -> m.help().isBlank() ? m.name() : m.name() + ": " + m.help()).toList())).append('\n');
        b.append("Dashboards (uid): ").append(untrusted.block("dashboards", ctx.dashboards().stream()
                .map(d -> d.uid() + " (" + d.title() + ")").toList())).append('\n');
        ctx.labelValues().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().isEmpty())
                .forEach(e -> b.append("Values of label ").append(e.getKey()).append(": ")
                        .append(untrusted.block("label values", e.getValue())).append('\n'));
        return b.toString();
    }
}
