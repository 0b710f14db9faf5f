package io.vigia.dashboards.ask;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question names, read against the workspace's own values: the service, a version, label
 * values to filter by, the label to break down by, whether it ranks ("which… highest", "top 3"),
 * the range and a deploy window. Team names are read before services ("payments-core" is a team),
 * and a value shorter than three letters is only read after "in"/"for" ("go" is also a verb).
 */
record QuestionReading(QuestionText text, String service, String version, Map<String, String> values, String by,
                       boolean ranks, Optional<TimeWindow> range, Optional<Duration> deployWindow) {
    private static final Pattern VERSION = Pattern.compile("\\bv?(\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][0-9a-z.]+)?)\\b");
    private static final String[] RANKING = {"which", "top", "highest", "lowest", "most", "least", "worst", "best",
            "slowest", "fastest", "biggest", "largest", "rank", "ranking"};
    private static final String[] BY_WORDS = {"by", "per", "each", "across", "which", "what", "every", "all"};

    static QuestionReading read(String question, AskContext ctx) {
        QuestionText t = QuestionText.of(question);
        Matcher v = VERSION.matcher(t.lower());
        String version = v.find() ? v.group(1) : null;
        Map<String, String> values = new LinkedHashMap<>();
        t.take(ctx.values("team")).ifPresent(x -> values.put("team", x));
        String service = t.take(ctx.services()).or(() -> distinctiveWord(t, ctx.services())).orElse(null);
        // two values of one label named ("payments vs checkout"): a comparison, so a breakdown by that label
        String compared = null;
        if (service != null && t.take(ctx.services()).isPresent()) {
            service = null;
            compared = StepBuilder.serviceLabel(ctx);
        }
        for (String label : List.of("model", "editor", "app", "detector", "feature", "language", "severity", "category")) {
            List<String> candidates = ctx.values(label).stream()
                    .filter(c -> c.length() >= 3 || t.has("in " + c) || t.has("for " + c)).toList();
            if (label.equals("category") && t.hasAny("injection", "injections")) {
                continue; // the statistic, not a filter
            }
            Optional<String> first = t.take(candidates);
            if (first.isPresent() && t.take(candidates).isPresent()) {
                compared = compared == null ? label : compared;
            } else {
                first.ifPresent(x -> values.put(label, x));
            }
        }
        String routeLabel = ctx.latency().route();
        if (routeLabel != null) {
            ctx.values(routeLabel).stream().filter(r -> r.startsWith("/") && t.lower().contains(r)).findFirst()
                    .ifPresent(r -> values.put(routeLabel, r));
        }
        boolean ranks = t.hasAny(RANKING);
        String by = compared != null ? compared : breakdown(t, ctx, ranks);
        return new QuestionReading(t, service, version, values, by, ranks, TimePhrases.range(t.lower()),
                TimePhrases.deployWindow(t.lower()));
    }

    /**
     * A service named by one distinctive word of its name ("the gateway" for {@code llm-gateway}): a
     * word of five letters or more that only one service has.
     */
    private static Optional<String> distinctiveWord(QuestionText t, List<String> services) {
        String found = null;
        for (String s : services) {
            for (String w : QuestionText.split(s)) {
                if (w.length() >= 5 && t.has(w)) {
                    if (found != null && !found.equals(s)) {
                        return Optional.empty();
                    }
                    found = s;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The label named after "by"/"per"/"which…", or a plural label word in a ranking question. */
    private static String breakdown(QuestionText t, AskContext ctx, boolean ranks) {
        Map<String, String> words = new LinkedHashMap<>();
        String svc = StepBuilder.serviceLabel(ctx);
        String route = ctx.latency().route() == null ? "http_route" : ctx.latency().route();
        for (String w : List.of("service", "services")) {
            words.put(w, svc);
        }
        for (String w : List.of("route", "routes", "endpoint", "endpoints", "path", "paths", "handler", "handlers")) {
            words.put(w, route);
        }
        String[][] plain = {{"team", "teams"}, {"model", "models"}, {"language", "languages"}, {"editor", "editors", "ide", "ides"},
                {"severity", "severities"}, {"category", "categories"}, {"detector", "detectors"}, {"app", "apps", "application", "applications"},
                {"feature", "features"}};
        for (String[] p : plain) {
            for (String w : p) {
                words.put(w, p[0]);
            }
        }
        for (Map.Entry<String, String> e : words.entrySet()) {
            for (String b : BY_WORDS) {
                if (t.has(b + " " + e.getKey())) {
                    return e.getValue();
                }
            }
        }
        if (ranks) {
            for (Map.Entry<String, String> e : words.entrySet()) {
                if (e.getKey().endsWith("s") && t.has(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    boolean has(String... phrases) {
        return text.hasAny(phrases);
    }
}
