package io.vigia.dashboards.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which statistic a question asks for. Exact cues first, most specific before most general
 * ("security findings in accepted code" is about SAST findings, not acceptance; "block rate"
 * before "blocked"); when no cue is there, the sentence embedding compares the question with each
 * statistic's description and with every metric of the workspace (name and HELP text), so
 * "how long do payment calls take" finds latency and a metric no statistic covers can still be
 * queried.
 */
final class StatChooser {
    /** Below this cosine similarity nothing is close enough to choose by meaning. */
    static final double MIN_SIMILARITY = 0.25;

    private final SentenceEmbedder embedder;

    StatChooser(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** A statistic, and for {@link Stat#RAW} the metric it reads. */
    record Choice(Stat stat, String rawMetric, boolean byMeaning) {
    }

    static Optional<Stat> byCues(QuestionText t) {
        if (t.hasAny("sast", "security", "vulnerabilities", "vulnerability", "cwe", "findings")) {
            return Optional.of(Stat.SAST_PER_1000);
        }
        if (t.hasAny("revert", "reverted", "reverts", "undone", "removed again")) {
            return Optional.of(Stat.REVERTED_SHARE);
        }
        if (t.hasAny("line acceptance", "lines acceptance", "lines accepted", "acceptance by lines", "lines of code")) {
            return Optional.of(Stat.LINES_ACCEPTANCE_RATE);
        }
        if (t.hasAny("injection", "injections", "jailbreak", "jailbreaks")) {
            return Optional.of(Stat.PROMPT_INJECTION);
        }
        boolean block = t.hasAny("block", "blocked", "blocks", "blocking");
        boolean ratio = t.hasAny("rate", "fraction", "share", "percent", "percentage", "ratio", "proportion");
        if (block && ratio) {
            return Optional.of(Stat.BLOCK_RATE);
        }
        if (t.hasAny("redacted", "redaction", "redactions", "redact")) {
            return Optional.of(Stat.REDACTED);
        }
        if (block) {
            return Optional.of(Stat.BLOCKED);
        }
        if (t.hasAny("detector", "detectors", "fires", "fired", "hits", "guardrail hits")) {
            return Optional.of(Stat.HITS);
        }
        if (t.hasAny("how many suggestions", "number of suggestions", "suggestions shown", "suggestions were shown",
                "suggestions were accepted", "count of suggestions")
                || (t.hasAny("how many", "number of", "count", "total") && t.hasAny("suggestion", "suggestions", "completions"))) {
            return Optional.of(Stat.COUNT);
        }
        if (t.hasAny("accept", "acceptance", "accepted", "accepts", "acceptances", "take rate")) {
            return Optional.of(Stat.ACCEPTANCE_RATE);
        }
        if (t.hasAny("active users", "developers", "people", "users", "adoption", "actively", "seats", "uses copilot",
                "use copilot", "using copilot", "used copilot")) {
            return Optional.of(Stat.ACTIVE_USERS);
        }
        if (t.hasAny("drift", "drifting", "drifted", "distribution shift", "getting longer", "getting shorter")) {
            return Optional.of(Stat.DRIFT);
        }
        if (t.hasAny("p50", "median", "50th")) {
            return Optional.of(Stat.P50);
        }
        if (t.hasAny("p90", "90th")) {
            return Optional.of(Stat.P90);
        }
        if (t.hasAny("p99", "99th", "tail")) {
            return Optional.of(Stat.P99);
        }
        if (t.hasAny("p95", "95th")) {
            return Optional.of(Stat.P95);
        }
        if (t.hasAny("mean", "average", "avg")) {
            return Optional.of(Stat.MEAN);
        }
        if (t.hasAny("error", "errors", "5xx", "500s", "failed", "failing", "failure", "failures", "reliable",
                "reliability", "healthy", "health", "availability", "success rate")) {
            return Optional.of(Stat.ERROR_SHARE);
        }
        if (t.hasAny("throughput", "traffic", "rps", "qps", "requests per second", "how many requests", "request rate",
                "load", "volume", "calls per second")) {
            return Optional.of(Stat.THROUGHPUT);
        }
        if (t.hasAny("latency", "latencies", "slow", "slower", "slowest", "fast", "faster", "fastest", "response time",
                "response times", "duration", "speed", "quick")) {
            return Optional.of(Stat.P95);
        }
        return Optional.empty();
    }

    /**
     * By meaning: the closest statistic description or workspace metric. {@code areaHint} (a service
     * was named: HTTP) restricts the statistics considered.
     */
    Optional<Choice> byMeaning(String question, AskContext ctx, Stat.Area areaHint) {
        float[] q = embedder.embed(question);
        double best = MIN_SIMILARITY;
        Choice choice = null;
        for (Stat s : Stat.values()) {
            if (s == Stat.RAW || s.describe().isEmpty() || (areaHint != null && s.area() != areaHint)) {
                continue;
            }
            double sim = SentenceEmbedder.cosine(q, embedder.embed(s.describe()));
            if (sim > best) {
                best = sim;
                choice = new Choice(s, null, true);
            }
        }
        if (areaHint == null) {
            for (AskContext.MetricInfo m : rawCandidates(ctx)) {
                double sim = SentenceEmbedder.cosine(q, embedder.embed(describe(m)));
                if (sim > best) {
                    best = sim;
                    choice = new Choice(Stat.RAW, m.name(), true);
                }
            }
        }
        return Optional.ofNullable(choice);
    }

    /** The workspace's metrics that the built-in statistics do not already read. */
    static List<AskContext.MetricInfo> rawCandidates(AskContext ctx) {
        List<AskContext.MetricInfo> out = new ArrayList<>();
        for (AskContext.MetricInfo m : ctx.metrics()) {
            String n = m.name();
            if (n.startsWith("vigia_") || n.startsWith(ctx.latency().metric()) || n.endsWith("_bucket") || n.startsWith("__")) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /** A metric as words: "process start time seconds: Start time of the process…". */
    static String describe(AskContext.MetricInfo m) {
        String words = m.name().replace('_', ' ');
        return m.help() == null || m.help().isBlank() ? words : words + ": " + m.help();
    }
}
