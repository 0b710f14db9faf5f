package io.vigia.datasources.simulator;

import java.time.ZoneId;
import java.util.List;

/**
 * The simulated organisation: who writes code with which copilot, which services run, what the
 * guardrails check. Fixed on purpose (only the random draws depend on the seed), so dashboards,
 * docs and tests can name its teams, services and rules.
 */
public final class FleetCatalog {
    /** The service that exports the copilot, guardrail and model-input metrics. */
    public static final String GATEWAY = "llm-gateway";
    public static final String OLD_MODEL = "gpt-4o-copilot";
    public static final String NEW_MODEL = "gpt-5-codex";
    public static final String OTHER_MODEL = "claude-sonnet-4";

    /** A group of developers sharing team, language, editor and (until the model change) model. */
    public record Cohort(String team, ZoneId zone, String language, String editor, String model, int users,
                         String repository) {
    }

    /** A SAST rule that can fire on accepted code; severity follows GitHub's security-severity bands. */
    public record SastRule(String tool, String id, String language, String severity, double securitySeverity,
                           String cwe, String message) {
    }

    /** One HTTP route of one service; latency is log-normal around {@code medianSeconds}. */
    public record Route(String service, String route, String method, double requestsPerSecond,
                        double medianSeconds, double sigma) {
    }

    /** One guardrail check that every app runs, with its rate of hits per 1,000 requests. */
    public record GuardrailCheck(String direction, String decision, String category, String detector,
                                 double perThousand) {
    }

    /** One model-input feature observed as a histogram. */
    public record Feature(String name, double[] upperBounds, double median, double sigma) {
    }

    public static final List<Cohort> COHORTS = List.of(
            cohort("payments-core", "Europe/Madrid", "java", "jetbrains", OLD_MODEL, 14, "acme/payments-api"),
            cohort("payments-core", "Europe/Madrid", "java", "vscode", OTHER_MODEL, 6, "acme/payments-api"),
            cohort("payments-core", "Europe/Madrid", "go", "vscode", OLD_MODEL, 8, "acme/ledger"),
            cohort("payments-core", "Europe/Madrid", "kotlin", "jetbrains", OTHER_MODEL, 5, "acme/payments-api"),
            cohort("web-platform", "America/New_York", "typescript", "vscode", OLD_MODEL, 18, "acme/storefront"),
            cohort("web-platform", "America/New_York", "typescript", "vscode", OTHER_MODEL, 9, "acme/storefront"),
            cohort("web-platform", "America/New_York", "typescript", "neovim", OLD_MODEL, 4, "acme/storefront"),
            cohort("web-platform", "America/New_York", "python", "vscode", OLD_MODEL, 5, "acme/search"),
            cohort("data-eng", "Europe/Berlin", "python", "vscode", OLD_MODEL, 12, "acme/pipelines"),
            cohort("data-eng", "Europe/Berlin", "python", "jetbrains", OTHER_MODEL, 7, "acme/pipelines"),
            cohort("data-eng", "Europe/Berlin", "go", "neovim", OTHER_MODEL, 3, "acme/ingest"),
            cohort("data-eng", "Europe/Berlin", "java", "jetbrains", OLD_MODEL, 6, "acme/ingest"),
            cohort("mobile", "Asia/Kolkata", "kotlin", "jetbrains", OLD_MODEL, 11, "acme/android-app"),
            cohort("mobile", "Asia/Kolkata", "typescript", "vscode", OTHER_MODEL, 6, "acme/mobile-web"),
            cohort("mobile", "Asia/Kolkata", "kotlin", "vscode", OLD_MODEL, 4, "acme/android-app"),
            cohort("mobile", "Asia/Kolkata", "go", "vscode", OLD_MODEL, 3, "acme/push-service"));

    /** Teams whose {@link #OLD_MODEL} cohorts move to {@link #NEW_MODEL} at the model change. */
    public static final List<String> NEW_MODEL_TEAMS = List.of("payments-core", "web-platform");

    public static final List<SastRule> SAST_RULES = List.of(
            new SastRule("CodeQL", "java/sql-injection", "java", "high", 8.8, "CWE-89",
                    "Query built from user-controlled sources"),
            new SastRule("CodeQL", "java/weak-cryptographic-algorithm", "java", "medium", 5.3, "CWE-327",
                    "Use of a broken or risky cryptographic algorithm"),
            new SastRule("CodeQL", "js/xss", "typescript", "medium", 6.1, "CWE-79",
                    "Cross-site scripting vulnerability due to user-provided value"),
            new SastRule("Semgrep", "javascript.lang.security.audit.insecure-random", "typescript", "low", 3.7,
                    "CWE-338", "Insecure randomness used for a security-sensitive value"),
            new SastRule("CodeQL", "py/path-injection", "python", "high", 7.5, "CWE-22",
                    "Uncontrolled data used in path expression"),
            new SastRule("Semgrep", "python.lang.security.audit.logging-sensitive-data", "python", "medium", 5.0,
                    "CWE-312", "Clear-text logging of sensitive information"),
            new SastRule("Semgrep", "go.lang.security.hardcoded-credentials", "go", "critical", 9.8, "CWE-798",
                    "Hard-coded credentials"),
            new SastRule("CodeQL", "go/sql-injection", "go", "high", 8.8, "CWE-89",
                    "Database query built from user-controlled sources"),
            new SastRule("CodeQL", "java/path-injection", "kotlin", "high", 7.5, "CWE-22",
                    "Uncontrolled data used in path expression"),
            new SastRule("CodeQL", "java/insecure-cookie", "kotlin", "low", 3.1, "CWE-614",
                    "Failure to use secure cookies"));

    public static final List<Route> ROUTES = List.of(
            new Route("payments", "/v1/payments", "POST", 38, 0.120, 0.45),
            new Route("payments", "/v1/payments/{id}", "GET", 95, 0.030, 0.40),
            new Route("checkout", "/v1/checkout", "POST", 24, 0.210, 0.50),
            new Route("search", "/v1/search", "GET", 160, 0.060, 0.55),
            new Route(GATEWAY, "/v1/completions", "POST", 0, 0.450, 0.60));

    /** Services that are deployed, restarted and scraped as targets. */
    public static final List<String> SERVICES = List.of("payments", "checkout", "search", GATEWAY);

    /** OpenTelemetry's default explicit bucket bounds, cut to the range these services live in. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    public static final List<String> APPS = List.of("ide-gateway", "chat-assistant");

    public static final List<GuardrailCheck> GUARDRAIL_CHECKS = List.of(
            check("input", "blocked", "prompt_injection", "llm-guard:PromptInjection", 2.2),
            check("input", "blocked", "secret_access", "llm-guard:Secrets", 0.9),
            check("output", "redacted", "secret_access", "llm-guard:Secrets", 1.4),
            check("input", "redacted", "sensitive_information", "presidio:PII", 3.1),
            check("output", "redacted", "sensitive_information", "presidio:PII", 1.6),
            check("output", "blocked", "excessive_agency", "vigia:ToolPolicy", 0.6),
            check("output", "blocked", "system_prompt_leakage", "vigia:SystemPromptCanary", 0.3),
            check("input", "blocked", "toxicity", "llm-guard:Toxicity", 0.5),
            check("output", "blocked", "toxicity", "llm-guard:Toxicity", 0.2),
            check("input", "blocked", "unbounded_consumption", "litellm:max_budget", 0.4));

    /** OWASP Top 10 for LLM Applications 2025 id of each taxonomy category. */
    public static String owaspId(String category) {
        return switch (category) {
            case "prompt_injection" -> "LLM01";
            case "sensitive_information", "secret_access" -> "LLM02";
            case "excessive_agency" -> "LLM06";
            case "system_prompt_leakage" -> "LLM07";
            case "unbounded_consumption" -> "LLM10";
            default -> "";
        };
    }

    public static final List<Feature> FEATURES = List.of(
            new Feature("prompt_tokens", new double[] {128, 256, 512, 1024, 2048, 4096, 8192}, 700, 0.75),
            new Feature("context_files", new double[] {1, 2, 4, 8, 16, 32}, 3.5, 0.7));

    /** The feature that drifts during the drift episode. */
    public static final String DRIFTING_FEATURE = "prompt_tokens";

    private FleetCatalog() {
    }

    private static Cohort cohort(String team, String zone, String language, String editor, String model, int users,
                                 String repository) {
        return new Cohort(team, ZoneId.of(zone), language, editor, model, users, repository);
    }

    private static GuardrailCheck check(String direction, String decision, String category, String detector,
                                        double perThousand) {
        return new GuardrailCheck(direction, decision, category, detector, perThousand);
    }
}
