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

    private FleetScenario(long anchor) {
        this.anchor = anchor;
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
        regression = deploy(REGRESSION_SERVICE, "2.14.0", at(-4, 14, 0), "regresses p95 of POST " + REGRESSION_ROUTE);
        fix = deploy(REGRESSION_SERVICE, "2.14.1", at(-2, 10, 0), "fixes the p95 regression");
        deploys.sort(Comparator.comparingLong(Deploy::timeMillis));
        crashes.add(new Restart(FleetCatalog.GATEWAY, at(-7, 3, 17)));
        crashes.add(new Restart("payments", at(-12, 2, 41)));
        gaps.add(new Gap("search", new Window(at(-8, 2, 0), at(-8, 2, 25))));
        gaps.add(new Gap(FleetCatalog.GATEWAY, new Window(at(-18, 13, 0), at(-18, 13, 40))));
        gaps.add(new Gap("payments", new Window(at(-3, 1, 0), at(-3, 1, 15))));
        // a whole UTC day without the gateway's metrics (its exporter down): the missing day
        // Copilot Health marks as a data-quality warning
        gaps.add(new Gap(FleetCatalog.GATEWAY, new Window(at(-6, 0, 0), at(-5, 0, 0))));
        campaign = new Window(at(-11, 20, 0), at(-11, 20, 0) + Duration.ofHours(30).toMillis());
        drift = new Window(at(-9, 0, 0), at(-6, 0, 0));
    }

    /** The scenario whose story ends on the UTC day of {@code endMillis}. */
    public static FleetScenario endingAt(long endMillis) {
        return new FleetScenario(Instant.ofEpochMilli(endMillis).truncatedTo(ChronoUnit.DAYS).toEpochMilli());
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
        String version = INITIAL_VERSIONS.stream().filter(v -> v.startsWith(service + "=")).findFirst()
                .map(v -> v.substring(service.length() + 1)).orElseThrow();
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
        if (cohort.model().equals(FleetCatalog.OLD_MODEL) && FleetCatalog.NEW_MODEL_TEAMS.contains(cohort.team())
                && t >= modelChange.timeMillis()) {
            return FleetCatalog.NEW_MODEL;
        }
        return cohort.model();
    }

    /** Multiplier of a route's median latency at {@code t}. */
    public double latencyFactor(FleetCatalog.Route route, long t) {
        return regressed(route, t) ? 2.6 : 1.0;
    }

    public double errorRate(FleetCatalog.Route route, long t) {
        return regressed(route, t) ? 0.012 : 0.002;
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
        return app.equals("chat-assistant") ? 140 : 60;
    }

    /** Multiplier of a feature's median at {@code t}. */
    public double featureShift(String feature, long t) {
        return feature.equals(FleetCatalog.DRIFTING_FEATURE) && drift.contains(t) ? 2.4 : 1.0;
    }
}
