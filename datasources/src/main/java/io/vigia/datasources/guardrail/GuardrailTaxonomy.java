package io.vigia.datasources.guardrail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the category names and detector (scanner) names of guardrail tools onto the taxonomy of
 * docs/telemetry.md. Names nobody mapped are kept as {@code other:<name>} (lower case, characters
 * other than letters, digits, {@code _ . -} replaced by {@code _}), never dropped.
 */
public final class GuardrailTaxonomy {
    public static final String NONE = "none";
    public static final Set<String> CATEGORIES = Set.of("prompt_injection", "sensitive_information", "secret_access",
            "excessive_agency", "system_prompt_leakage", "toxicity", "unbounded_consumption");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("jailbreak", "prompt_injection"),
            Map.entry("injection", "prompt_injection"),
            Map.entry("promptinjection", "prompt_injection"),
            Map.entry("indirect_prompt_injection", "prompt_injection"),
            Map.entry("pii", "sensitive_information"),
            Map.entry("sensitive", "sensitive_information"),
            Map.entry("sensitive_data", "sensitive_information"),
            Map.entry("personal_data", "sensitive_information"),
            Map.entry("anonymize", "sensitive_information"),
            Map.entry("data_leakage", "sensitive_information"),
            Map.entry("secret", "secret_access"),
            Map.entry("secrets", "secret_access"),
            Map.entry("credentials", "secret_access"),
            Map.entry("api_key", "secret_access"),
            Map.entry("dangerous_operation", "excessive_agency"),
            Map.entry("tool_misuse", "excessive_agency"),
            Map.entry("system_prompt_leak", "system_prompt_leakage"),
            Map.entry("prompt_leak", "system_prompt_leakage"),
            Map.entry("toxic", "toxicity"),
            Map.entry("hate", "toxicity"),
            Map.entry("harassment", "toxicity"),
            Map.entry("profanity", "toxicity"),
            Map.entry("policy_violation", "toxicity"),
            Map.entry("token_limit", "unbounded_consumption"),
            Map.entry("tokenlimit", "unbounded_consumption"),
            Map.entry("rate_limit", "unbounded_consumption"),
            // OWASP Top 10 for LLM Applications 2025 ids
            Map.entry("llm01", "prompt_injection"),
            Map.entry("llm02", "sensitive_information"),
            Map.entry("llm06", "excessive_agency"),
            Map.entry("llm07", "system_prompt_leakage"),
            Map.entry("llm10", "unbounded_consumption"));

    /**
     * LLM Guard scanner names (llm_guard_api/config/scanners.yml) with a clear place in the
     * taxonomy; the others (Language, Relevance, MaliciousURLs, ...) stay {@code other:<name>}.
     */
    private static final Map<String, String> SCANNERS = Map.ofEntries(
            Map.entry("promptinjection", "prompt_injection"),
            Map.entry("anonymize", "sensitive_information"),
            Map.entry("sensitive", "sensitive_information"),
            Map.entry("secrets", "secret_access"),
            Map.entry("toxicity", "toxicity"),
            Map.entry("bantopics", "toxicity"),
            Map.entry("bansubstrings", "toxicity"),
            Map.entry("bias", "toxicity"),
            Map.entry("tokenlimit", "unbounded_consumption"));

    private GuardrailTaxonomy() {
    }

    /** The taxonomy category of a category name as a tool wrote it. */
    public static String category(String raw) {
        String key = normalize(raw);
        if (key.isEmpty()) {
            return "other:unknown";
        }
        if (key.equals(NONE) || CATEGORIES.contains(key)) {
            return key;
        }
        if (key.startsWith("other:")) {
            String rest = key.substring("other:".length());
            return "other:" + (rest.isEmpty() ? "unknown" : rest);
        }
        String mapped = SYNONYMS.get(key);
        return mapped != null ? mapped : "other:" + key;
    }

    /** The category of a detector when the event names none: {@code llm-guard:PromptInjection} gives prompt_injection. */
    public static String categoryOfDetector(String detector) {
        if (detector == null || detector.isBlank()) {
            return "other:unknown";
        }
        String name = detector.substring(detector.lastIndexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
        String mapped = SCANNERS.get(name);
        return mapped != null ? mapped : "other:" + normalize(name);
    }

    /** Lower case; anything but letters, digits, {@code _ . - :} becomes {@code _}; at most 64 characters. */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.:-]+", "_").replaceAll("^_+|_+$", "");
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    // the OWASP Top 10 for LLM Applications 2025 entry of each category (docs/telemetry.md)
    private static final Map<String, String> OWASP = Map.of(
            "prompt_injection", "LLM01 Prompt Injection",
            "sensitive_information", "LLM02 Sensitive Information Disclosure",
            "secret_access", "LLM02 Sensitive Information Disclosure",
            "excessive_agency", "LLM06 Excessive Agency",
            "system_prompt_leakage", "LLM07 System Prompt Leakage",
            "unbounded_consumption", "LLM10 Unbounded Consumption",
            "toxicity", "(content policy; no LLM Top 10 entry)");

    /** The OWASP entry of a category; unknown ones ({@code other:<name>}) have none. */
    public static String owaspLabel(String category) {
        return OWASP.getOrDefault(category, "—");
    }
}
