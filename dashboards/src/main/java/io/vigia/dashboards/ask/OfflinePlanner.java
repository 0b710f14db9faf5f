package io.vigia.dashboards.ask;

import io.vigia.dashboards.model.Dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planner that needs no model service: a grammar of intents over the question's words, the
 * workspace's own values (services, teams, routes, features, dashboards, deploys) and, where no
 * cue decides, the sentence embedding ({@link StatChooser}). Deterministic for a question and a
 * workspace; blocking only on the first question, while the embedding model loads.
 */
public final class OfflinePlanner implements AskPlanner {
    static final Duration DEPLOY_WINDOW = Duration.ofHours(1);
    private static final String[] DEPLOY_WORDS = {"deploy", "deploys", "deployed", "deployment", "deployments", "release",
            "releases", "released", "rollout", "rollouts", "rolled out", "rollback", "rolled back", "shipped", "upgrade", "canary"};
    private static final String[] DEPLOY_COMPARE = {"after", "before", "since", "impact", "affect", "affected", "effect",
            "make", "made", "around", "do to", "did to", "cause", "caused", "regress", "regressed", "break", "broke", "hurt", "hurts",
            "improve", "improved", "worse", "better", "degrade", "degraded", "help", "helped", "change", "changed"};

    private final StatChooser chooser;
    private final DashboardChooser dashboards;

    public OfflinePlanner(SentenceEmbedder embedder) {
        this.chooser = new StatChooser(embedder);
        this.dashboards = new DashboardChooser(embedder);
    }

    @Override
    public AskPlan plan(String question, AskContext ctx) {
        if (question == null || question.isBlank()) {
            return new AskPlan("", Intent.CURRENT, List.of(), List.of("ask a question, e.g. \"p95 of payments after the last deploy\""),
                    List.of(), "offline");
        }
        QuestionReading r = QuestionReading.read(question, ctx);
        List<String> notes = new ArrayList<>();
        Optional<Stat> cue = StatChooser.byCues(r.text());
        Intent intent = intent(r, cue);
        List<AskStep> steps = new ArrayList<>();
        switch (intent) {
            case REPORT -> {
                Dashboard d = dashboards.forReport(r, ctx);
                boolean thisWeek = r.has("this week") || r.range().map(w -> w.from().equals("now/w")).orElse(false);
                steps.add(new AskStep.Report(d.uid(), d.title(), thisWeek ? new TimeWindow("now/w", "now/w")
                        : new TimeWindow("now-1w/w", "now-1w/w")));
            }
            case OPEN_DASHBOARD -> {
                Dashboard d = dashboards.toOpen(r, question, ctx);
                steps.add(new AskStep.OpenDashboard(d.uid(), d.title(), r.range().orElse(new TimeWindow(d.timeFrom(), d.timeTo()))));
            }
            case DRIFT -> steps.add(new AskStep.DriftCheck(feature(r, ctx), range(r, intent, null, notes)));
            case COMPARE_DEPLOY, WHY, WHAT_CHANGED -> deploySteps(r, cue, intent, ctx, steps, notes);
            case DEPLOYS -> steps.add(query(Stat.VERSIONS, r, ctx, range(r, intent, null, notes), null, notes));
            default -> {
                StatChooser.Choice c = choose(r, cue, question, ctx, notes);
                TimeWindow w = range(r, intent, c.stat(), notes);
                AskContext.MetricInfo raw = c.rawMetric() == null ? null : ctx.metrics().stream()
                        .filter(m -> m.name().equals(c.rawMetric())).findFirst().orElse(null);
                AskStep first = query(c.stat(), r, ctx, w, raw, notes);
                if (first != null) {
                    steps.add(first);
                    if (intent == Intent.COMPARE_PERIODS) {
                        previous(w).map(p -> query(c.stat(), r, ctx, p, raw, notes)).ifPresent(steps::add);
                    }
                }
            }
        }
        return new AskPlan(question, intent, steps, notes, List.of(), "offline");
    }

    private Intent intent(QuestionReading r, Optional<Stat> cue) {
        if (r.has("report", "reports", "summary", "summarize", "summarise", "digest", "recap")) {
            return Intent.REPORT;
        }
        boolean dashWord = r.has("dashboard", "dashboards", "board");
        if ((dashWord && (r.has("open", "show", "bring up", "go to", "display", "take me", "pull up", "view", "see")
                || dashboards.titleMatch(r.text()) != null))
                || (r.has("open", "bring up", "go to", "take me to", "pull up") && dashboards.titleMatch(r.text()) != null)) {
            return Intent.OPEN_DASHBOARD;
        }
        if (cue.filter(s -> s == Stat.DRIFT).isPresent()) {
            return Intent.DRIFT;
        }
        if (r.has("why")) {
            return Intent.WHY;
        }
        boolean deploy = r.has(DEPLOY_WORDS);
        // a version number of a named service means one of its deploys, said or not
        if (r.service() != null && (r.version() != null || (deploy && r.has(DEPLOY_COMPARE)))) {
            return Intent.COMPARE_DEPLOY;
        }
        if (r.has("what changed", "what has changed", "what's changed", "anything changed", "what is different")) {
            return Intent.WHAT_CHANGED;
        }
        if (deploy || (cue.isEmpty() && r.has("versions", "version running", "versions running"))
                || (cue.filter(s -> s == Stat.P95).isEmpty() && r.has("which versions", "what versions"))) {
            return Intent.DEPLOYS;
        }
        if (TimePhrases.comparesPeriods(r.text().lower())) {
            return Intent.COMPARE_PERIODS;
        }
        if (r.by() != null) {
            return r.ranks() ? Intent.TOP_K : Intent.BREAKDOWN;
        }
        if (r.range().isPresent() || r.has("trend", "trended", "trending", "over time", "history", "graph", "chart")) {
            return Intent.TREND;
        }
        return Intent.CURRENT;
    }

    private void deploySteps(QuestionReading r, Optional<Stat> cue, Intent intent, AskContext ctx, List<AskStep> steps,
                             List<String> notes) {
        Stat focus = cue.filter(s -> s.area() == Stat.Area.HTTP).orElse(Stat.P95);
        if (r.service() == null) {
            // no service to compare: what was deployed, then where the statistic stands per service
            steps.add(query(Stat.VERSIONS, r, ctx, range(r, Intent.DEPLOYS, null, notes), null, notes));
            notes.add("no service named: listing deploys instead of comparing one");
            return;
        }
        String version = r.version() == null ? AskStep.DeployImpact.LATEST : r.version();
        Duration window = r.deployWindow().orElse(DEPLOY_WINDOW);
        steps.add(new AskStep.DeployImpact(r.service(), version, window, focus));
        if (ctx.deploy(r.service(), version).isEmpty()) {
            notes.add("no deploy of " + r.service() + (version.equals(AskStep.DeployImpact.LATEST) ? "" : " " + version)
                    + " found in the last " + AskContextLoader.DAYS + " days");
        }
        if (intent == Intent.WHY && version.equals(AskStep.DeployImpact.LATEST)) {
            // the newest deploy may be the fix of a rise the one before it caused: compare that one too
            ctx.deploys().reversed().stream().filter(d -> r.service().equals(d.service())).skip(1).findFirst()
                    .ifPresent(d -> steps.add(new AskStep.DeployImpact(r.service(), d.version(), window, focus)));
        }
        if (intent != Intent.COMPARE_DEPLOY) {
            // the evidence beside the deploy: the same statistic per route over the last day
            QuestionReading byRoute = new QuestionReading(r.text(), r.service(), r.version(), r.values(),
                    ctx.latency().route(), true, r.range(), r.deployWindow());
            AskStep routes = query(focus, byRoute, ctx, r.range().orElse(TimeWindow.last("24h")), null, notes);
            if (routes != null) {
                steps.add(routes);
            }
        }
    }

    private StatChooser.Choice choose(QuestionReading r, Optional<Stat> cue, String question, AskContext ctx, List<String> notes) {
        if (cue.isPresent()) {
            return new StatChooser.Choice(cue.get(), null, false);
        }
        if (r.service() != null) {
            notes.add("no statistic named for " + r.service() + ": p95 latency");
            return new StatChooser.Choice(Stat.P95, null, false);
        }
        if (r.has("copilot", "suggestion", "suggestions", "completions accepted")) {
            return new StatChooser.Choice(Stat.ACCEPTANCE_RATE, null, false);
        }
        if (r.has("guardrail", "guardrails")) {
            return new StatChooser.Choice(Stat.BLOCKED, null, false);
        }
        Optional<StatChooser.Choice> meant = chooser.byMeaning(question, ctx, null);
        meant.ifPresent(c -> notes.add("matched by meaning: " + (c.rawMetric() != null ? c.rawMetric() : c.stat().describe())));
        return meant.orElseGet(() -> {
            notes.add("nothing in the question names a statistic: p95 latency of every service");
            return new StatChooser.Choice(Stat.P95, null, false);
        });
    }

    private AskStep query(Stat stat, QuestionReading r, AskContext ctx, TimeWindow range, AskContext.MetricInfo raw,
                          List<String> notes) {
        Map<String, String> filter = filterFor(stat, r.values(), ctx);
        String countMetric = r.has("accept", "accepted", "acceptances") ? StepBuilder.ACCEPTED : StepBuilder.SHOWN;
        String service = stat.area() == Stat.Area.HTTP || stat == Stat.VERSIONS ? r.service() : null;
        String by = r.by();
        if (stat.area() == Stat.Area.HTTP && by != null && !by.equals(StepBuilder.serviceLabel(ctx)) && !by.equals(ctx.latency().route())) {
            notes.add("latency cannot be broken down by " + by + ": whole service");
            by = null;
        }
        StepBuilder.Built b = StepBuilder.build(stat, ctx, service, filter, by, countMetric, raw);
        if (b.expr() == null) {
            notes.add(b.reason());
            return null;
        }
        String title = stat.describe().isEmpty() ? b.metric() : stat.id().replace('_', ' ')
                + (service == null ? "" : " of " + service) + (by == null ? "" : " by " + by);
        return new AskStep.Query(AskStep.QueryLanguage.PROMQL, b.expr(), range, stat, b.metric(), service, by, filter, title);
    }

    private static Map<String, String> filterFor(Stat stat, Map<String, String> values, AskContext ctx) {
        List<String> labels = switch (stat.area()) {
            case COPILOT -> List.of("team", "model", "language", "editor", "severity");
            case GUARDRAIL -> List.of("app", "category", "detector");
            case HTTP -> ctx.latency().route() == null ? List.of() : List.of(ctx.latency().route());
            default -> List.of();
        };
        Map<String, String> f = new java.util.TreeMap<>();
        values.forEach((k, v) -> {
            if (labels.contains(k)) {
                f.put(k, v);
            }
        });
        return f;
    }

    /**
     * The question's range, else the default of its intent. Copilot usage counts and ratios default to
     * a day, not an hour: imported GitHub numbers come once a day, and an hour of a night is empty.
     */
    private TimeWindow range(QuestionReading r, Intent intent, Stat stat, List<String> notes) {
        if (TimePhrases.comparesPeriods(r.text().lower()) && intent != Intent.REPORT) {
            return TimeWindow.last(r.has("day", "yesterday", "today") && !r.has("week") ? "1d" : "7d");
        }
        if (r.range().isPresent()) {
            return r.range().get();
        }
        boolean now = r.has("now", "right now", "current", "currently", "at the moment", "running");
        TimeWindow w = now && intent != Intent.DRIFT ? TimeWindow.last("1h") : switch (intent) {
            case CURRENT -> stat != null && stat.area() == Stat.Area.COPILOT && stat != Stat.ACTIVE_USERS
                    ? TimeWindow.last("24h") : TimeWindow.last("1h");
            case DRIFT -> TimeWindow.last("7d");
            case DEPLOYS -> now ? TimeWindow.last("1h") : TimeWindow.last("24h");
            default -> TimeWindow.last("24h");
        };
        notes.add("no range given: " + w);
        return w;
    }

    private static String feature(QuestionReading r, AskContext ctx) {
        String f = r.values().get("feature");
        if (f == null && r.has("prompt", "prompts", "tokens") && r.has("longer", "shorter", "length", "size", "bigger",
                "smaller", "tokens")) {
            f = ctx.values("feature").contains("prompt_tokens") ? "prompt_tokens" : null;
        }
        return f;
    }

    /** The period of equal length before a rolling window ({@code now-7d} → {@code now-14d} to {@code now-7d}). */
    static Optional<TimeWindow> previous(TimeWindow w) {
        if (!w.to().equals("now") || !w.from().startsWith("now-")) {
            return Optional.empty();
        }
        String d = w.from().substring(4);
        try {
            Duration len = io.vigia.dashboards.time.PromDuration.parse(d);
            return Optional.of(new TimeWindow("now-" + TimeWindow.text(len.multipliedBy(2)), w.from()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
