package io.vigia.datasources.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happens to the fleet and when, placed on whole days before an anchor (the UTC midnight of
 * the simulated range's end), so a 30-day demo and a 10-day test see the same recent story:
 * a model change that raises SAST-flagged suggestions, a prompt-injection campaign, a drift
 * episode on one model-input feature, a {@code payments} deploy that regresses p95 and its fix,
 * routine deploys (each a restart, so counters reset), two crashes and a few scrape gaps.
 */
public final class FleetScenario {
    public static final String REGRESSION_SERVICE = "payments";
    public static final String REGRESSION_ROUTE = "/v1/payments";

    /** A new version of a service going live; the process restarts, so its counters reset. */
    public record Deploy(String service, String version, long timeMillis, String note) {
    }

    /** A time interval [start, end). */
    public record Window(long startMillis, long endMillis) {
        public boolean contains(long t) {
            return t >= startMillis && t < endMillis;
        }
    }

    /**
     * One incident: when it starts (whole days, hours and minutes from the anchor), how long it
     * lasts and how big it is (a multiplier; 1 for the regression and the drift, 0 for the
     * campaign, means no incident).
     */
    public record Incident(int day, int hour, int minute, Duration lasts, double size) {
        public Incident {
            if (lasts.isNegative() || !(size >= 0)) {
                throw new IllegalArgumentException("an incident needs a non-negative duration and size");
            }
        }
    }

    /**
     * Where and how big the story's incidents are. {@link #DEFAULT} is the documented story
     * (docs/telemetry.md); tests move and resize incidents with the other values, and
     * {@link #QUIET} keeps the deploys, crashes and gaps but has no incident at all.
     *
     * @param regression  payments 2.14.0 goes live at the start, 2.14.1 fixes it at the end;
     *                    size multiplies the p95 of POST /v1/payments
     * @param campaign    prompt-injection campaign; size multiplies the extra attempts per hour
     * @param drift       drift episode; size multiplies the median of prompt_tokens
     * @param modelChange whether llm-gateway 0.9.0 moves teams to the new model
     */
    public record Story(Incident regression, Incident campaign, Incident drift, boolean modelChange) {
        public static final Story DEFAULT = new Story(new Incident(-4, 14, 0, Duration.ofHours(44), 2.6),
                new Incident(-11, 20, 0, Duration.ofHours(30), 1.0), new Incident(-9, 0, 0, Duration.ofDays(3), 2.4), true);
        public static final Story QUIET = new Story(new Incident(-4, 14, 0, Duration.ofHours(44), 1.0),
                new Incident(-11, 20, 0, Duration.ofHours(30), 0), new Incident(-9, 0, 0, Duration.ofDays(3), 1.0), false);
    }

    private record Restart(String service, long timeMillis) {
    }

    private record Gap(String service, Window window) {
    }

    private static final List<String> INITIAL_VERSIONS = List.of(
            "payments=2.12.4", "checkout=3.7.2", "search=1.30.1", FleetCatalog.GATEWAY + "=0.8.7");

    private final long anchor;
    private final List<Deploy> deploys = new ArrayList<>();
    private final List<Restart> crashes = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final Deploy regression;
    private final Deploy fix;
    private final Deploy modelChange;
    private final Window campaign;
    private final Window drift;
    private final Story story;

    private FleetScenario(long anchor, Story story) {
        this.anchor = anchor;
        this.story = story;
        deploy("payments", "2.13.0", at(-18, 14, 0), "routine");
        deploy("checkout", "3.8.0", at(-22, 11, 0), "routine");
        deploy("checkout", "3.9.0", at(-15, 11, 0), "routine");
        deploy("checkout", "3.10.0", at(-8, 11, 0), "routine");
        deploy("checkout", "3.11.0", at(-1, 11, 0), "routine");
        deploy("search", "1.31.0", at(-20, 15, 0), "routine");
        deploy("search", "1.32.0", at(-6, 15, 0), "routine");
        modelChange = deploy(FleetCatalog.GATEWAY, "0.9.0", at(-16, 9, 0),
                "routes " + FleetCatalog.NEW_MODEL_TEAMS + " from " + FleetCatalog.OLD_MODEL + " to "
                        + FleetCatalog.NEW_MODEL);
        deploy(FleetCatalog.GATEWAY, "0.9.1", at(-5, 16, 0), "routine");
        Incident r = story.regression();
        long regressed = at(r.day(), r.hour(), r.minute());
        regression = deploy(REGRESSION_SERVICE, "2.14.0", regressed,
                r.size() == 1.0 ? "routine" : "regresses p95 of POST " + REGRESSION_ROUTE);
        fix = deploy(REGRESSION_SERVICE, "2.14.1", regressed + r.lasts().toMillis(),
                r.size() == 1.0 ? "routine" : "fixes the p95 regression");
        deploys.sort(Comparator.comparingLong(Deploy::timeMillis));
        crashes.add(new Restart(FleetCatalog.GATEWAY, at(-7, 3, 17)));
        crashes.add(new Restart("payments", at(-12, 2, 41)));
        gaps.add(new Gap("search", new Window(at(-8, 2, 0), at(-8, 2, 25))));
        gaps.add(new Gap(FleetCatalog.GATEWAY, new Window(at(-18, 13, 0), at(-18, 13, 40))));
        gaps.add(new Gap("payments", new Window(at(-3, 1, 0), at(-3, 1, 15))));
        // a whole UTC day without the gateway's metrics (its exporter down): the missing day
        // Copilot Health marks as a data-quality warning
        gaps.add(new Gap(FleetCatalog.GATEWAY, new Window(at(-6, 0, 0), at(-5, 0, 0))));
        campaign = window(story.campaign());
        drift = window(story.drift());
    }

    private Window window(Incident i) {
        long start = at(i.day(), i.hour(), i.minute());
        return new Window(start, start + i.lasts().toMillis());
    }

    /** The scenario whose story ends on the UTC day of {@code endMillis}. */
    public static FleetScenario endingAt(long endMillis) {
        return endingAt(endMillis, Story.DEFAULT);
    }

    /** As above, with the incidents placed and sized by {@code story}. */
    public static FleetScenario endingAt(long endMillis, Story story) {
        return new FleetScenario(Instant.ofEpochMilli(endMillis).truncatedTo(ChronoUnit.DAYS).toEpochMilli(), story);
    }

    public Story story() {
        return story;
    }

    private long at(int days, int hours, int minutes) {
        return anchor + Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).toMillis();
    }

    private Deploy deploy(String service, String version, long time, String note) {
        Deploy d = new Deploy(service, version, time, note);
        deploys.add(d);
        return d;
    }

    public List<Deploy> deploys() {
        return List.copyOf(deploys);
    }

    public Deploy regressionDeploy() {
        return regression;
    }

    public Deploy fixDeploy() {
        return fix;
    }

    /** The gateway deploy that moves {@link FleetCatalog#NEW_MODEL_TEAMS} to the new model. */
    public Deploy modelChange() {
        return modelChange;
    }

    public Window injectionCampaign() {
        return campaign;
    }

    public Window driftEpisode() {
        return drift;
    }

    public String versionAt(String service, long t) {
        // a loop, not a stream: the simulator asks for every service at every step
        String version = null;
        for (String v : INITIAL_VERSIONS) {
            if (v.length() > service.length() && v.charAt(service.length()) == '=' && v.startsWith(service)) {
                version = v.substring(service.length() + 1);
                break;
            }
        }
        if (version == null) {
            throw new java.util.NoSuchElementException("no initial version of " + service);
        }
        for (Deploy d : deploys) {
            if (d.service().equals(service) && d.timeMillis() <= t) {
                version = d.version();
            }
        }
        return version;
    }

    /** Whether {@code service} restarted (deploy or crash) in (from, to]. */
    public boolean restartedIn(String service, long from, long to) {
        for (Deploy d : deploys) {
            if (d.service().equals(service) && d.timeMillis() > from && d.timeMillis() <= to) {
                return true;
            }
        }
        for (Restart r : crashes) {
            if (r.service().equals(service) && r.timeMillis() > from && r.timeMillis() <= to) {
                return true;
            }
        }
        return false;
    }

    /** Whether a scrape of {@code service} at {@code t} failed (no samples then). */
    public boolean scrapeGap(String service, long t) {
        for (Gap g : gaps) {
            if (g.service().equals(service) && g.window().contains(t)) {
                return true;
            }
        }
        return false;
    }

    public String modelOf(FleetCatalog.Cohort cohort, long t) {
        if (story.modelChange() && cohort.model().equals(FleetCatalog.OLD_MODEL) && FleetCatalog.NEW_MODEL_TEAMS.contains(cohort.team())
                && t >= modelChange.timeMillis()) {
            return FleetCatalog.NEW_MODEL;
        }
        return cohort.model();
    }

    /** Multiplier of a route's median latency at {@code t}. */
    public double latencyFactor(FleetCatalog.Route route, long t) {
        return regressed(route, t) ? story.regression().size() : 1.0;
    }

    public double errorRate(FleetCatalog.Route route, long t) {
        return regressed(route, t) && story.regression().size() != 1.0 ? 0.012 : 0.002;
    }

    private boolean regressed(FleetCatalog.Route route, long t) {
        return route.service().equals(REGRESSION_SERVICE) && route.route().equals(REGRESSION_ROUTE)
                && t > regression.timeMillis() && t <= fix.timeMillis();
    }

    /** Extra prompt-injection attempts per hour on one app during the campaign. */
    public double injectionAttemptsPerHour(String app, long t) {
        if (!campaign.contains(t)) {
            return 0;
        }
        return (app.equals("chat-assistant") ? 140 : 60) * story.campaign().size();
    }

    /** Multiplier of a feature's median at {@code t}. */
    public double featureShift(String feature, long t) {
        return feature.equals(FleetCatalog.DRIFTING_FEATURE) && drift.contains(t) ? story.drift().size() : 1.0;
    }
}
