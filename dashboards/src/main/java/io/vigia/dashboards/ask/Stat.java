package io.vigia.dashboards.ask;

import java.util.List;
import java.util.Locale;

/**
 * What a question asks to compute, with the metric family it reads (docs/telemetry.md) and the
 * words users say for it. {@link #describe()} is what the sentence embedding matches free wording
 * against; {@link #keywords()} are exact cues (typos tolerated) that outrank the embedding.
 */
public enum Stat {
    P50(Area.HTTP, "s", "median p50 latency response time", "median", "p50", "50th"),
    P90(Area.HTTP, "s", "p90 latency response time", "p90", "90th"),
    P95(Area.HTTP, "s", "p95 latency slow response time tail", "p95", "95th", "latency", "slow", "slower", "fast",
            "faster", "response time", "duration"),
    P99(Area.HTTP, "s", "p99 tail latency slowest requests", "p99", "99th", "tail"),
    MEAN(Area.HTTP, "s", "average mean latency response time", "mean", "average", "avg"),
    ERROR_SHARE(Area.HTTP, "percentunit", "error rate share of failed requests 5xx server errors reliability",
            "error", "errors", "5xx", "500s", "failed", "failing", "failures", "reliable", "healthy", "health"),
    THROUGHPUT(Area.HTTP, "reqps", "throughput requests per second traffic load volume of requests",
            "throughput", "traffic", "rps", "requests per second", "qps", "load", "how many requests"),
    ACCEPTANCE_RATE(Area.COPILOT, "percentunit", "copilot suggestion acceptance rate accepted shown",
            "acceptance", "accept", "accepts", "accepted"),
    LINES_ACCEPTANCE_RATE(Area.COPILOT, "percentunit", "acceptance rate by lines of code accepted lines suggested",
            "line acceptance", "lines accepted", "lines of code"),
    REVERTED_SHARE(Area.COPILOT, "percentunit", "reverted share of accepted suggestions removed again",
            "revert", "reverted", "reverts", "undone", "removed again"),
    SAST_PER_1000(Area.COPILOT, "short", "SAST security findings per 1,000 accepted suggestions vulnerabilities",
            "sast", "security finding", "security findings", "vulnerabilities", "vulnerability", "cwe", "findings"),
    ACTIVE_USERS(Area.COPILOT, "short", "active users developers using copilot adoption",
            "active users", "developers", "people", "users", "adoption", "actively"),
    COUNT(Area.COPILOT, "short", "number of suggestions shown or accepted count", "how many suggestions"),
    BLOCKED(Area.GUARDRAIL, "short", "guardrail blocked prompts count", "blocked", "blocks", "block"),
    BLOCK_RATE(Area.GUARDRAIL, "percentunit", "guardrail block rate share of requests blocked fraction",
            "block rate", "blocking rate"),
    REDACTED(Area.GUARDRAIL, "short", "guardrail redacted decisions count", "redacted", "redaction", "redactions"),
    PROMPT_INJECTION(Area.GUARDRAIL, "short", "prompt injection jailbreak attempts", "injection", "injections",
            "jailbreak", "jailbreaks"),
    HITS(Area.GUARDRAIL, "short", "guardrail hits detector fired checks", "detector", "detectors", "hits", "fires",
            "fired", "guardrail"),
    DRIFT(Area.DRIFT, "none", "model input drift distribution shift prompt tokens context files",
            "drift", "drifting", "drifted", "distribution", "shift"),
    VERSIONS(Area.DEPLOY, "short", "deploys releases versions running rollouts", "deployed", "deploys", "versions",
            "version", "releases", "rollouts", "running"),
    /** A metric of the workspace that no built-in statistic covers: its value (gauges) or per-second rate (counters). */
    RAW(Area.OTHER, "short", "", new String[0]);

    /** Which family of telemetry a statistic reads. */
    public enum Area { HTTP, COPILOT, GUARDRAIL, DRIFT, DEPLOY, OTHER }

    private final Area area;
    private final String unit;
    private final String description;
    private final List<String> keywords;

    Stat(Area area, String unit, String description, String... keywords) {
        this.area = area;
        this.unit = unit;
        this.description = description;
        this.keywords = List.of(keywords);
    }

    public Area area() {
        return area;
    }

    /** Grafana unit id, for display and charts. */
    public String unit() {
        return unit;
    }

    public String describe() {
        return description;
    }

    public List<String> keywords() {
        return keywords;
    }

    /** The quantile of a latency statistic; NaN for the others. */
    public double quantile() {
        return switch (this) {
            case P50 -> 0.5;
            case P90 -> 0.9;
            case P95 -> 0.95;
            case P99 -> 0.99;
            default -> Double.NaN;
        };
    }

    /** The name in plans and JSON: {@code p95}, {@code error_share}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stat fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
