package io.vigia.datasources.simulator;

import io.vigia.datasources.simulator.FleetCatalog.Cohort;
import io.vigia.datasources.simulator.FleetCatalog.GuardrailCheck;
import io.vigia.datasources.simulator.FleetCatalog.Route;
import io.vigia.datasources.simulator.FleetCatalog.SastRule;
import io.vigia.persistence.series.Labels;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steps the fleet through time, one scrape interval at a time, keeping every counter, gauge and
 * histogram as its exporter would. Deterministic: the same seed, scenario, start and interval give
 * the same samples and events, whichever sinks listen. Metric values and event details come from
 * two random streams, so asking for events does not change the numbers.
 */
public final class FleetSimulation {
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Madrid");

    private final FleetScenario scenario;
    private final long intervalMillis;
    private final UniformRandomProvider rng;
    private final UniformRandomProvider detailRng;
    private final List<Cell> cells = new ArrayList<>();
    private final Map<Labels, Cell> byLabels = new HashMap<>();
    private final List<SimulatedGuardrailEvent> stepEvents = new ArrayList<>();
    // Handles on cells by what they measure, so a step touches its cells without building labels.
    /** Per cohort (by index), its cells by model: looked up by the model's name, no key built per step. */
    private final List<Map<String, Cell[]>> copilotCells = new ArrayList<>();
    private final Map<String, Histogram> histograms = new HashMap<>();
    private final Map<String, Cell> gauges = new HashMap<>();
    private final Cell[][] guardrailCells = new Cell[FleetCatalog.APPS.size()][];
    private final Map<String, List<SastRule>> rulesByLanguage = new HashMap<>();
    private long next;
    private long eventSequence;

    /** One exported series: its labels, the service that exports it and its current value. */
    private static final class Cell {
        final Labels labels;
        final String target;
        double value;
        boolean live;

        Cell(Labels labels, String target) {
            this.labels = labels;
            this.target = target;
        }
    }

    /** The cells of one histogram series set: buckets (the last is +Inf), sum and count. */
    private record Histogram(double[] bounds, Cell[] buckets, Cell sum, Cell count) {
    }

    public FleetSimulation(long seed, FleetScenario scenario, long startMillis, long intervalMillis) {
        if (intervalMillis < 1000) {
            throw new IllegalArgumentException("interval must be at least 1 s, was " + intervalMillis + " ms");
        }
        this.scenario = scenario;
        this.intervalMillis = intervalMillis;
        this.rng = RandomSource.SPLIT_MIX_64.create(seed);
        this.detailRng = RandomSource.SPLIT_MIX_64.create(seed ^ 0x9E3779B97F4A7C15L);
        this.next = startMillis;
        for (SastRule rule : FleetCatalog.SAST_RULES) {
            rulesByLanguage.computeIfAbsent(rule.language(), k -> new ArrayList<>()).add(rule);
        }
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** The time of the next step. */
    public long nextStepMillis() {
        return next;
    }

    /** Runs every step whose time is at most {@code untilMillis}. */
    public void advanceTo(long untilMillis, FleetSink sink) {
        while (next <= untilMillis) {
            step(next, sink);
            next += intervalMillis;
        }
    }

    /** The current value of every live series, for an exporter that is scraped now. */
    public void forEachLive(java.util.function.BiConsumer<Labels, Double> action) {
        for (Cell c : cells) {
            if (c.live) {
                action.accept(c.labels, c.value);
            }
        }
    }

    private void step(long t, FleetSink sink) {
        long from = t - intervalMillis;
        for (String service : FleetCatalog.SERVICES) {
            if (scenario.restartedIn(service, from, t)) {
                restart(service);
            }
        }
        boolean events = sink.wantsEvents();
        double seconds = intervalMillis / 1000.0;
        Map<String, Double> completionsByModel = new HashMap<>();
        double completions = copilot(t, seconds, sink, events, completionsByModel);
        guardrails(t, seconds, completions, sink, events);
        features(t, completionsByModel);
        http(t, seconds, completions);
        java.util.Set<String> down = new java.util.HashSet<>();
        for (String service : FleetCatalog.SERVICES) {
            String version = scenario.versionAt(service, t);
            gauge(service + "|" + version, () -> Labels.of("__name__", FleetMetrics.BUILD_INFO, "service", service,
                    "version", version), service, 1);
            if (scenario.scrapeGap(service, t)) {
                down.add(service);
            }
        }
        for (Cell c : cells) {
            if (c.live && (down.isEmpty() || !down.contains(c.target))) {
                sink.sample(c.labels, t + scrapeOffsetMillis(c.target), c.value);
            }
        }
    }

    /**
     * Where in the interval each target is scraped. Prometheus spreads its targets over the
     * interval, so samples never sit on whole minutes; that also keeps them off the edges of
     * range windows, where Prometheus 2 (closed windows) and 3 (left-open) would disagree.
     */
    static long scrapeOffsetMillis(String target) {
        return switch (target) {
            case "payments" -> 1_137;
            case "checkout" -> 2_411;
            case "search" -> 731;
            default -> 1_923;
        };
    }

    private void restart(String service) {
        for (Cell c : cells) {
            if (c.target.equals(service)) {
                c.value = 0;
                c.live = false;
            }
        }
    }

    private double copilot(long t, double seconds, FleetSink sink, boolean events, Map<String, Double> byModel) {
        double total = 0;
        Map<String, double[]> activeByTeam = new java.util.TreeMap<>();
        // the cohorts share four zones: each zone's local time is worked out once a step
        Map<ZoneId, ZonedDateTime> localTimes = new HashMap<>(8);
        for (int index = 0; index < FleetCatalog.COHORTS.size(); index++) {
            Cohort cohort = FleetCatalog.COHORTS.get(index);
            String model = scenario.modelOf(cohort, t);
            ZonedDateTime local = localTimes.computeIfAbsent(cohort.zone(), z -> Instant.ofEpochMilli(t).atZone(z));
            double activity = developerActivity(local);
            double expectedShown = cohort.users() * 22.0 * activity * seconds / 3600.0;
            double pAccept = acceptance(model, cohort.language());
            long accepted = poisson(expectedShown * pAccept);
            long rejected = poisson(expectedShown * 0.52);
            long ignored = poisson(expectedShown * Math.max(0, 1 - pAccept - 0.52));
            long shown = accepted + rejected + ignored;
            long linesSuggested = poisson(shown * 3.3);
            long linesAccepted = poisson(accepted * 2.8);
            long reverted = poisson(accepted * (model.equals(FleetCatalog.NEW_MODEL) ? 0.05 : 0.035));
            List<SastRule> rules = rulesByLanguage.getOrDefault(cohort.language(), List.of());
            Cell[] c = copilotCells(index, cohort, model, rules);
            add(c[0], shown);
            add(c[1], accepted);
            add(c[2], rejected);
            add(c[3], reverted);
            add(c[4], linesSuggested);
            add(c[5], linesAccepted);
            for (int i = 0; i < rules.size(); i++) {
                SastRule rule = rules.get(i);
                double share = i == 0 ? 0.6 : 0.4;
                long findings = poisson(accepted * sastRate(model) * share);
                add(c[6 + i], findings);
                if (events) {
                    for (long k = 0; k < findings; k++) {
                        sink.sastFinding(finding(t, cohort, model, rule));
                    }
                }
            }
            total += shown;
            byModel.merge(model, (double) shown, Double::sum);
            double[] team = activeByTeam.computeIfAbsent(cohort.team(), k -> new double[1]);
            team[0] += cohort.users() * dailyPresence(local);
        }
        activeByTeam.forEach((team, users) -> gauge(team, () -> Labels.of("__name__", FleetMetrics.ACTIVE_USERS,
                "team", team), FleetCatalog.GATEWAY, Math.round(users[0])));
        return total;
    }

    private void guardrails(long t, double seconds, double completions, FleetSink sink, boolean events) {
        stepEvents.clear();
        for (int a = 0; a < FleetCatalog.APPS.size(); a++) {
            String app = FleetCatalog.APPS.get(a);
            Cell[] appCells = guardrailCells(a);
            boolean chat = app.equals("chat-assistant");
            double requests = chat ? completions * 0.12 + 20 * seconds / 3600.0 : completions;
            long inputHits = 0;
            long outputHits = 0;
            for (int k = 0; k < FleetCatalog.GUARDRAIL_CHECKS.size(); k++) {
                GuardrailCheck check = FleetCatalog.GUARDRAIL_CHECKS.get(k);
                boolean input = check.direction().equals("input");
                long n = poisson(requests * check.perThousand() / 1000.0 * (chat && input ? 1.8 : 1.0));
                if (input) {
                    inputHits += n;
                } else {
                    outputHits += n;
                }
                if (check.category().equals("prompt_injection")) {
                    // Campaign attempts come on top of the regular requests.
                    n += poisson(scenario.injectionAttemptsPerHour(app, t) * seconds / 3600.0);
                }
                add(appCells[k], n);
                if (events) {
                    for (long e = 0; e < n; e++) {
                        stepEvents.add(guardrailEvent(t, app, check));
                    }
                }
            }
            long regular = Math.round(requests);
            add(appCells[appCells.length - 2], Math.max(0, regular - inputHits));
            add(appCells[appCells.length - 1], Math.max(0, regular - outputHits));
        }
        if (events) {
            stepEvents.sort(Comparator.comparingLong(SimulatedGuardrailEvent::timestampMillis));
            stepEvents.forEach(sink::guardrailEvent);
        }
    }

    private void features(long t, Map<String, Double> completionsByModel) {
        List<String> models = new ArrayList<>(completionsByModel.keySet());
        models.sort(null);
        for (String model : models) {
            double n = completionsByModel.get(model);
            for (FleetCatalog.Feature feature : FleetCatalog.FEATURES) {
                double shift = scenario.featureShift(feature.name(), t);
                double sigma = shift == 1.0 ? feature.sigma() : feature.sigma() * 1.2;
                observe(histogram(model + "|" + feature.name(), FleetMetrics.FEATURE,
                        new String[] {"feature", feature.name(), "model", model}, FleetCatalog.GATEWAY,
                        feature.upperBounds()), Math.round(n), feature.median() * shift, sigma);
            }
        }
    }

    private void http(long t, double seconds, double completions) {
        double load = businessLoad(t);
        for (int r = 0; r < FleetCatalog.ROUTES.size(); r++) {
            Route route = FleetCatalog.ROUTES.get(r);
            long requests = route.service().equals(FleetCatalog.GATEWAY)
                    ? Math.round(completions * 1.12)
                    : poisson(route.requestsPerSecond() * seconds * load);
            long errors = Math.min(requests, poisson(requests * scenario.errorRate(route, t)));
            double median = route.medianSeconds() * scenario.latencyFactor(route, t) * (0.9 + 0.2 * load);
            String[] ok = {"service", route.service(), "http_route", route.route(),
                    "http_request_method", route.method(), "http_response_status_code", "200"};
            String[] failed = ok.clone(); // labels are built here but only used when a histogram is first seen
            failed[7] = "500";
            observe(histogram("route" + r + "|200", FleetMetrics.HTTP, ok, route.service(), FleetCatalog.LATENCY_BUCKETS),
                    requests - errors, median, route.sigma());
            observe(histogram("route" + r + "|500", FleetMetrics.HTTP, failed, route.service(), FleetCatalog.LATENCY_BUCKETS),
                    errors, median * 0.6, route.sigma());
        }
    }

    /**
     * Adds {@code n} observations of a log-normal distribution to a histogram. Buckets get the
     * expected share of {@code n} (largest remainders keep the total exact), so the histogram's
     * quantiles follow the model smoothly while {@code n} itself is random.
     */
    private void observe(Histogram h, long n, double median, double sigma) {
        double[] bounds = h.bounds();
        double[] cdf = new double[bounds.length];
        double logMedian = Math.log(median);
        for (int i = 0; i < bounds.length; i++) {
            cdf[i] = StandardNormal.cdf((Math.log(bounds[i]) - logMedian) / sigma);
        }
        long[] counts = LargestRemainder.split(n, cdf);
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            // A bucket counts every observation at or below its bound: the running sum.
            cumulative += counts[i];
            add(h.buckets()[i], cumulative);
        }
        add(h.count(), n);
        // The sum is the expected mean times n, give or take the sampling error of a mean of n values.
        double mean = median * Math.exp(sigma * sigma / 2);
        double noise = n == 0 ? 0 : (rng.nextDouble() - 0.5) * 2 * sigma / Math.sqrt(n);
        add(h.sum(), n * mean * Math.max(0.1, 1 + noise));
    }

    private Histogram histogram(String key, String name, String[] labels, String target, double[] bounds) {
        Histogram h = histograms.get(key);
        if (h == null) {
            Cell[] buckets = new Cell[bounds.length + 1];
            for (int i = 0; i <= bounds.length; i++) {
                buckets[i] = cell(name + "_bucket", withLe(labels, i < bounds.length ? formatBound(bounds[i]) : "+Inf"), target);
            }
            h = new Histogram(bounds, buckets, cell(name + "_sum", labels, target), cell(name + "_count", labels, target));
            histograms.put(key, h);
        }
        return h;
    }

    private Cell[] copilotCells(int cohortIndex, Cohort cohort, String model, List<SastRule> rules) {
        while (copilotCells.size() <= cohortIndex) {
            copilotCells.add(new HashMap<>());
        }
        return copilotCells.get(cohortIndex).computeIfAbsent(model, k -> {
            String[] labels = {"team", cohort.team(), "language", cohort.language(), "editor", cohort.editor(),
                    "model", model};
            Cell[] c = new Cell[6 + rules.size()];
            String[] families = {FleetMetrics.SHOWN, FleetMetrics.ACCEPTED, FleetMetrics.REJECTED,
                    FleetMetrics.REVERTED, FleetMetrics.LINES_SUGGESTED, FleetMetrics.LINES_ACCEPTED};
            for (int i = 0; i < families.length; i++) {
                c[i] = cell(families[i] + "_total", labels, FleetCatalog.GATEWAY);
            }
            for (int i = 0; i < rules.size(); i++) {
                SastRule rule = rules.get(i);
                // Editor is not a label of the SAST counter: cohorts that differ only by editor share it.
                c[6 + i] = cell(FleetMetrics.SAST + "_total", new String[] {"team", cohort.team(), "language",
                        cohort.language(), "model", model, "severity", rule.severity(), "rule", rule.id(),
                        "cwe", rule.cwe()}, FleetCatalog.GATEWAY);
            }
            return c;
        });
    }

    private Cell[] guardrailCells(int appIndex) {
        if (guardrailCells[appIndex] == null) {
            String app = FleetCatalog.APPS.get(appIndex);
            List<GuardrailCheck> checks = FleetCatalog.GUARDRAIL_CHECKS;
            Cell[] c = new Cell[checks.size() + 2];
            for (int k = 0; k < checks.size(); k++) {
                GuardrailCheck check = checks.get(k);
                c[k] = cell(FleetMetrics.GUARDRAIL + "_total", new String[] {"app", app, "direction", check.direction(),
                        "decision", check.decision(), "category", check.category(), "detector", check.detector()},
                        FleetCatalog.GATEWAY);
            }
            for (int d = 0; d < 2; d++) {
                c[checks.size() + d] = cell(FleetMetrics.GUARDRAIL + "_total", new String[] {"app", app, "direction",
                        d == 0 ? "input" : "output", "decision", "allowed", "category", "none", "detector", "none"},
                        FleetCatalog.GATEWAY);
            }
            guardrailCells[appIndex] = c;
        }
        return guardrailCells[appIndex];
    }

    private static String[] withLe(String[] labels, String le) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = "le";
        all[labels.length + 1] = le;
        return all;
    }

    private static void add(Cell cell, double increment) {
        cell.value += increment;
        cell.live = true;
    }

    private Cell cell(String name, String[] labels, String target) {
        String[] pairs = new String[labels.length + 2];
        pairs[0] = "__name__";
        pairs[1] = name;
        System.arraycopy(labels, 0, pairs, 2, labels.length);
        Labels key = Labels.of(pairs);
        Cell c = byLabels.get(key);
        if (c == null) {
            c = new Cell(key, target);
            byLabels.put(key, c);
            cells.add(c);
        }
        return c;
    }

    private void gauge(String key, java.util.function.Supplier<Labels> labels, String target, double value) {
        Cell c = gauges.get(key);
        if (c == null) {
            c = new Cell(labels.get(), target);
            gauges.put(key, c);
            cells.add(c);
        }
        c.live = true;
        c.value = value;
    }

    private long poisson(double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        return PoissonSampler.of(rng, mean).sample();
    }

    private static double acceptance(String model, String language) {
        double base = switch (model) {
            case FleetCatalog.NEW_MODEL -> 0.31;
            case FleetCatalog.OTHER_MODEL -> 0.33;
            default -> 0.29;
        };
        return base + switch (language) {
            case "java" -> 0.02;
            case "python" -> 0.01;
            case "go" -> -0.02;
            case "kotlin" -> -0.03;
            default -> 0.0;
        };
    }

    /** Share of accepted suggestions a SAST finding is later attributed to. */
    private static double sastRate(String model) {
        return switch (model) {
            case FleetCatalog.NEW_MODEL -> 0.011;
            case FleetCatalog.OTHER_MODEL -> 0.003;
            default -> 0.0035;
        };
    }

    /** 0..1: how busy developers are at their local time {@code local} (office hours, lunch dip, weekends). */
    private static double developerActivity(ZonedDateTime local) {
        double hour = local.getHour() + local.getMinute() / 60.0;
        double day = hour >= 8 && hour <= 19 ? Math.pow(Math.sin(Math.PI * (hour - 8) / 11), 1.2) : 0.03;
        if (hour >= 13 && hour < 14) {
            day *= 0.7;
        }
        return isWeekend(local) ? day * 0.08 : day;
    }

    /** Share of a team that used the copilot in the last 24 hours. */
    private static double dailyPresence(ZonedDateTime local) {
        return isWeekend(local) ? 0.35 : 0.9;
    }

    /** Traffic of the business services: a daily cycle in Madrid time, quieter at weekends. */
    private static double businessLoad(long t) {
        ZonedDateTime local = Instant.ofEpochMilli(t).atZone(BUSINESS_ZONE);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double day = 0.35 + 0.65 * Math.pow(Math.sin(Math.PI * hour / 24), 2);
        return isWeekend(local) ? day * 0.7 : day;
    }

    private static boolean isWeekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private SimulatedGuardrailEvent guardrailEvent(long t, String app, GuardrailCheck check) {
        long ts = t - intervalMillis + 1 + (long) (detailRng.nextDouble() * (intervalMillis - 1));
        List<String> models = List.of(FleetCatalog.OLD_MODEL, FleetCatalog.OTHER_MODEL, FleetCatalog.NEW_MODEL);
        return new SimulatedGuardrailEvent(ts, app, check.direction(), check.decision(), check.category(), check.detector(),
                Math.round((0.8 + 0.2 * detailRng.nextDouble()) * 1000) / 1000.0,
                models.get(detailRng.nextInt(models.size())),
                "u-" + (1000 + detailRng.nextInt(400)),
                String.format(Locale.ROOT, "r-%016x", detailRng.nextLong()),
                PromptSamples.pick(check.category(), detailRng));
    }

    private SastFinding finding(long t, Cohort cohort, String model, SastRule rule) {
        long acceptedAt = t - intervalMillis + 1 + (long) (detailRng.nextDouble() * (intervalMillis - 1));
        int start = 10 + detailRng.nextInt(400);
        int end = start + detailRng.nextInt(14);
        int findingStart = start + detailRng.nextInt(end - start + 1);
        String id = String.format(Locale.ROOT, "s-%08d", ++eventSequence);
        return new SastFinding(id, acceptedAt, cohort.team(), cohort.language(), cohort.editor(), model,
                cohort.repository(), SourcePaths.pick(cohort.language(), detailRng), start, end, rule,
                findingStart, Math.min(end, findingStart + detailRng.nextInt(3)));
    }

    static String formatBound(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) + ".0" : Double.toString(b);
    }
}
