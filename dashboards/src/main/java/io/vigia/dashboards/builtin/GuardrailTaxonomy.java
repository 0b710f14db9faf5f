package io.vigia.dashboards.builtin;

import java.util.Map;

/** The guardrail categories of docs/telemetry.md and their OWASP Top 10 for LLM Applications 2025 entries. */
public final class GuardrailTaxonomy {
    private static final Map<String, String> OWASP = Map.of(
            "prompt_injection", "LLM01 Prompt Injection",
            "sensitive_information", "LLM02 Sensitive Information Disclosure",
            "secret_access", "LLM02 Sensitive Information Disclosure",
            "excessive_agency", "LLM06 Excessive Agency",
            "system_prompt_leakage", "LLM07 System Prompt Leakage",
            "unbounded_consumption", "LLM10 Unbounded Consumption",
            "toxicity", "(content policy; no LLM Top 10 entry)");

    private GuardrailTaxonomy() {
    }

    /** The OWASP entry of a category; unknown ones ({@code other:<name>}) have none. */
    public static String owaspLabel(String category) {
        return OWASP.getOrDefault(category, "—");
    }
}
