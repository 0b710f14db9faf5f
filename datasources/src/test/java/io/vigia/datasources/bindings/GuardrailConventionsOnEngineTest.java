package io.vigia.datasources.bindings;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.guardrail.OwaspMapping;
import io.vigia.datasources.bindings.guardrail.OwaspRollup;
import io.vigia.datasources.bindings.query.CounterWindow;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.GuardrailQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.vigia.datasources.bindings.FakeFleet.END;
import static io.vigia.datasources.bindings.FakeFleet.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each guardrail tool's counters, shaped as its code or documentation defines them, probed, bound
 * and queried on the embedded engine: blocks, block rate, blocks by OWASP id, coverage.
 */
class GuardrailConventionsOnEngineTest {
    private static final String HOUR = "1h";

    @Test
    void vigiasOwnDecisionsFoldIntoOwaspIdsAndCoverageIsUnknown() {
        FakeFleet f = new FakeFleet();
        String[] base = {"__name__", "vigia_guardrail_decisions_total", "app", "ide-gateway", "direction", "input"};
        f.counter(9, FakeFleet.with(base, "decision", "allowed", "category", "none", "detector", "none"));
        f.counter(0.5, FakeFleet.with(base, "decision", "blocked", "category", "prompt_injection", "detector", "llm-guard:PromptInjection"));
        f.counter(0.2, FakeFleet.with(base, "decision", "blocked", "category", "secret_access", "detector", "llm-guard:Secrets"));
        f.counter(0.2, FakeFleet.with(base, "decision", "redacted", "category", "sensitive_information", "detector", "presidio"));
        f.counter(0.1, FakeFleet.with(base, "decision", "blocked", "category", "other:weird", "detector", "custom"));
        GuardrailBinding g = FakeFleet.bindings(f).guardrails().orElseThrow();
        assertThat(g.vocabulary()).isEqualTo("vigia");
        assertThat(f.value(GuardrailQueries.blockRate(g, Set.of(), Filter.NONE, HOUR).promql())).isCloseTo(0.08, within(1e-9));

        Map<String, Double> byOwasp = owasp(f, g);
        assertThat(byOwasp).containsOnlyKeys("LLM01 Prompt Injection", "LLM02 Sensitive Information Disclosure", "unmapped: other:weird");
        assertThat(byOwasp.get("LLM01 Prompt Injection")).isCloseTo(1800, within(1e-6));

        GuardrailQueries.CoveragePlan c = GuardrailQueries.coverage(g, HOUR);
        assertThat(c.share()).isInstanceOf(QueryPlan.Unavailable.class);
        assertThat(((QueryPlan.Unavailable) c.share()).reason()).contains("fails open looks the same as one that passes");
    }

    @Test
    void liteLlmStatusAndGuardrailNames() {
        FakeFleet f = new FakeFleet();
        guard(f, "lakera-prompt-injection", "pre_call", 5, 0.5);
        guard(f, "presidio-pii", "post_call", 5, 0.25);
        guard(f, "acme-policy", "pre_call", 1, 0.1);
        f.counter(0.05, "__name__", "litellm_guardrail_errors_total", "guardrail_name", "acme-policy", "error_type", "TimeoutError",
                "hook_type", "pre_call");
        BoundInput in = FakeFleet.probe(f, SemanticInput.GUARDRAIL_DECISIONS);
        GuardrailBinding g = (GuardrailBinding) in.chosen();
        assertThat(in.conventionId()).isEqualTo("litellm");
        assertThat(in.notes()).anyMatch(n -> n.contains("fail open"));
        assertThat(owasp(f, g)).containsOnlyKeys("LLM01 Prompt Injection", "LLM02 Sensitive Information Disclosure", "unmapped: acme-policy");
        assertThat(f.value(GuardrailQueries.blocked(g, Set.of(), Filter.of(Dimension.DIRECTION, "post_call"),
                CounterWindow.RATE, "5m").promql())).isCloseTo(0.25, within(1e-9));
        // 11 checks a second, 0.05 of them errors.
        assertThat(f.value(GuardrailQueries.coverage(g, HOUR).share().promql())).isCloseTo(1 - 0.05 / 11, within(1e-9));
    }

    @Test
    void nemoCountsBlocksByRailTypeWrittenEitherWay() {
        FakeFleet f = new FakeFleet();
        f.counter(10, "__name__", "guardrails_requests_total", "job", "rails");
        f.counter(0.4, "__name__", "guardrails_requests_blocked_total", "job", "rails", "rail_type", "Input");
        f.counter(0.1, "__name__", "guardrails_requests_blocked_total", "job", "rails", "rail_type", "output");
        f.counter(0.5, "__name__", "guardrails_requests_errors_total", "job", "rails", "error_type", "TimeoutError");
        GuardrailBinding g = FakeFleet.bindings(f).guardrails().orElseThrow();
        assertThat(g.decisions()).isInstanceOf(GuardrailDecisions.SeparateCounters.class);
        assertThat(f.value(GuardrailQueries.blocked(g, Set.of(), Filter.of(Dimension.DIRECTION, "input"), CounterWindow.RATE, "5m").promql()))
                .isCloseTo(0.4, within(1e-9));
        assertThat(f.value(GuardrailQueries.blockRate(g, Set.of(), Filter.NONE, HOUR).promql())).isCloseTo(0.05, within(1e-9));
        assertThat(GuardrailQueries.blockRate(g, Set.of(Dimension.DIRECTION), Filter.NONE, HOUR))
                .as("the request total has no rail_type").isInstanceOf(QueryPlan.Unavailable.class);
        assertThat(GuardrailQueries.blockedByCategory(g, CounterWindow.INCREASE, HOUR)).isInstanceOf(QueryPlan.Unavailable.class);
        assertThat(f.value(GuardrailQueries.coverage(g, HOUR).share().promql())).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void llmGuardScannersThatFoundContentInvalid() {
        FakeFleet f = new FakeFleet();
        for (String[] s : new String[][]{{"PromptInjection", "0.3"}, {"Secrets", "0.1"}, {"Language", "0.2"}}) {
            f.counter(Double.parseDouble(s[1]), "__name__", "scanners_valid_total", "job", "llm-guard", "source", "input",
                    "scanner", s[0], "valid", "False");
            f.counter(5, "__name__", "scanners_valid_total", "job", "llm-guard", "source", "input", "scanner", s[0], "valid", "True");
        }
        GuardrailBinding g = FakeFleet.bindings(f).guardrails().orElseThrow();
        assertThat(f.value(GuardrailQueries.blocked(g, Set.of(), Filter.NONE, CounterWindow.RATE, "5m").promql())).isCloseTo(0.6, within(1e-9));
        assertThat(owasp(f, g)).containsOnlyKeys("LLM01 Prompt Injection", "LLM02 Sensitive Information Disclosure", "unmapped: Language");
    }

    @Test
    void aGuardrailThatStopsDecidingWhileTheGatewayServesDoesNotLookHealthy() {
        FakeFleet f = new FakeFleet();
        // LiteLLM decides for the first hour, then runs no more checks (fail open, skipped) while Kong keeps serving.
        String[] l = {"__name__", "litellm_guardrail_requests_total", "guardrail_name", "lakera-guard", "status", "success",
                "hook_type", "pre_call"};
        f.counter(10, T0, T0 + 3_600_000, l);
        f.gauge(36_000, T0 + 3_600_000 + FakeFleet.STEP, END, l);
        f.counter(10, "__name__", "kong_ai_llm_requests_total", "ai_provider", "openai", "ai_model", "gpt-4o", "workspace", "default");
        BoundInput in = FakeFleet.probe(f, SemanticInput.GUARDRAIL_DECISIONS);
        GuardrailBinding g = (GuardrailBinding) in.chosen();
        assertThat(g.coverage().requestsMetric()).isEqualTo("kong_ai_llm_requests_total");
        assertThat(in.notes()).anyMatch(n -> n.contains("kong_ai_llm_requests_total"));
        GuardrailQueries.CoveragePlan c = GuardrailQueries.coverage(g, HOUR);
        assertThat(f.value(c.share().promql())).as("nothing decided in the last hour").isCloseTo(0.0, within(1e-9));
        assertThat(f.value(c.notDecided().promql())).isCloseTo(36_000, within(1.0));
        assertThat(f.value(GuardrailQueries.coverage(g, "2h").share().promql())).isCloseTo(0.5, within(0.01));
    }

    private static void guard(FakeFleet f, String name, String hook, double perSecond, double erroring) {
        f.counter(perSecond - erroring, "__name__", "litellm_guardrail_requests_total", "guardrail_name", name, "status", "success", "hook_type", hook);
        f.counter(erroring, "__name__", "litellm_guardrail_requests_total", "guardrail_name", name, "status", "error", "hook_type", hook);
    }

    /** Blocks of the last hour by OWASP class label. */
    private static Map<String, Double> owasp(FakeFleet f, GuardrailBinding g) {
        String q = GuardrailQueries.blockedByCategory(g, CounterWindow.INCREASE, HOUR).promql();
        QueryResult.Vector v = (QueryResult.Vector) f.source.query(q, Instant.ofEpochMilli(END)).result();
        List<OwaspRollup.Count> counts = new OwaspRollup(OwaspMapping.standard(), g.vocabulary(), g.categoryLabel()).counts(v);
        return counts.stream().collect(Collectors.toMap(c -> c.owasp().label(), OwaspRollup.Count::value));
    }

}
