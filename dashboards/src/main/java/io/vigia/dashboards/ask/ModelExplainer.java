package io.vigia.dashboards.ask;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After a plan ran: the model is shown the evidence (numbers, series names, log lines: redacted
 * and marked as data) and asked to explain it in a few sentences. Tool calls in its reply are a
 * proposed next plan, checked like any other and never run here; the user decides.
 */
public final class ModelExplainer {
    static final String SYSTEM = "You explain observability evidence to the user in at most five sentences, citing the numbers. "
            + "You may propose further read-only tool calls. " + UntrustedText.NOTICE;

    private final ChatClient client;
    private final ToolCalls toolCalls;
    private final UntrustedText untrusted = new UntrustedText();

    public ModelExplainer(ModelEndpoint endpoint, String key, StepGuard guard) {
        this(new ChatClient(endpoint, key, guard.limits().timeout()), guard);
    }

    ModelExplainer(ChatClient client, StepGuard guard) {
        this.client = client;
        this.toolCalls = new ToolCalls(guard);
    }

    /** The model's explanation (untrusted text: redacted here, shown inert by the caller) and the follow-up it proposes. */
    public record Explanation(String text, AskPlan followUp) {
    }

    public Explanation explain(AskAnswer answer, AskContext ctx) {
        List<ObjectNode> messages = List.of(ChatClient.message("system", SYSTEM),
                ChatClient.message("user", answer.plan().question()),
                ChatClient.message("user", "Evidence from the plan that ran:\n" + evidence(answer)));
        ChatClient.Reply reply = client.complete(messages, ToolCatalog.tools());
        List<AskStep> steps = new ArrayList<>();
        List<AskPlan.Refusal> refused = new ArrayList<>();
        for (ChatClient.ToolCall call : reply.toolCalls()) {
            switch (toolCalls.toStep(call, ctx)) {
                case ToolCalls.Accepted a -> steps.add(a.step());
                case ToolCalls.Refused r -> refused.add(r.refusal());
            }
        }
        return new Explanation(untrusted.redact(reply.content()),
                new AskPlan(answer.plan().question(), Intent.MODEL, steps, List.of(), refused, "model"));
    }

    String evidence(AskAnswer answer) {
        StringBuilder b = new StringBuilder();
        for (AskAnswer.StepAnswer s : answer.steps()) {
            b.append("Step ").append(s.step().action()).append(": ");
            switch (s) {
                case AskAnswer.Numbers n -> {
                    b.append("query ").append(untrusted.block("query", List.of(n.query()))).append(" series: ");
                    b.append(untrusted.block("series", n.series().stream().map(x -> x.name() + " last=" + num(x.last())
                            + " min=" + num(x.min()) + " max=" + num(x.max()) + " mean=" + num(x.mean())).toList()));
                }
                case AskAnswer.Lines l -> b.append(untrusted.block("log lines", l.lines().stream()
                        .map(e -> e.labels() + " " + e.line()).toList()));
                case AskAnswer.Impact i -> b.append(untrusted.block("deploy impact", i.result().rows().stream()
                        .map(r -> r.measure().label() + " before=" + num(r.before()) + " after=" + num(r.after())
                                + " change=" + num(r.changePercent()) + "% p=" + num(r.pValue())).toList()));
                case AskAnswer.Drift d -> b.append(untrusted.block("drift", d.scores().stream()
                        .map(x -> x.name() + " jensen_shannon=" + num(x.last())).toList()));
                case AskAnswer.Report r -> b.append(untrusted.block("report", r.report().kpis().stream()
                        .map(k -> k.title() + " " + num(k.current()) + " (previous " + num(k.previous()) + ")").toList()));
                case AskAnswer.Dashboard d -> b.append("dashboard ").append(d.step().uid());
                case AskAnswer.Refused r -> b.append("refused: ").append(r.reason());
                case AskAnswer.Failed f -> b.append("failed: ").append(untrusted.block("error", List.of(f.message())));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.6g", v);
    }
}
