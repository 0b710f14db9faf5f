package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.deploy.ChangeEvent;
import io.vigia.datasources.bindings.deploy.DeployDetector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys and restarts of a source, found from its bindings ({@link DeployDetector}): a version,
 * image, generation or sync signal that moves is a deploy (service, old and new version, time); a
 * process start time that moves with no deploy of its service near is a restart, drawn as its own
 * marker. Blocking.
 */
public final class DeployEvents {
    public static final ChartColor RESTART_COLOR = ChartColor.hex("#8A63D2");
    /** The template of the deploy-marker annotation of the built-ins: the source's bound signals. */
    public static final String TEMPLATE = "@deploys";
    /** Detection reads at least this finely, whatever the panel's step: a restart is a step of one scrape. */
    private static final int MAX_POINTS = 50_000;

    private DeployEvents() {
    }

    /** What was found: deploys and restarts without a deploy, oldest first; signals that failed in {@code problems}. */
    public record Found(List<DeployMarkers.Deploy> deploys, List<ChangeEvent.Restart> restarts, List<String> problems) {
        public Found {
            deploys = List.copyOf(deploys);
            restarts = List.copyOf(restarts);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param scrape the source's scrape interval; the detection step is that, or coarser when the
     *               range holds more than {@value #MAX_POINTS} of them
     */
    public static Found find(MetricsSource source, SourceBindings b, TimeRange range, Duration scrape) throws QueryException {
        if (b.deploys().isEmpty() && b.restarts().isEmpty()) {
            return new Found(List.of(), List.of(), List.of());
        }
        Duration step = step(range, source.minInterval().orElse(scrape));
        DeployDetector.Detection d = new DeployDetector(source).detect(b.deploys().orElse(null), b.restarts().orElse(null),
                range.from(), range.to(), step);
        List<DeployMarkers.Deploy> deploys = new ArrayList<>();
        for (ChangeEvent.Deploy e : d.deploys()) {
            deploys.add(new DeployMarkers.Deploy(e.timeMillis(), e.service(), e.newVersion(), e.oldVersion()));
        }
        return new Found(deploys, d.bareRestarts(), d.problems());
    }

    static Duration step(TimeRange range, Duration scrape) {
        long rangeMs = Math.max(1, range.to().toEpochMilli() - range.from().toEpochMilli());
        long min = Math.max(1000, rangeMs / MAX_POINTS);
        return scrape.toMillis() >= min ? scrape : Duration.ofMillis(min);
    }

    /** Markers: deploys in the deploy colour ("payments 1.4.1 → 1.4.2"), restarts in their own ("restart prometheus localhost:9090"). */
    public static List<Annotation> annotations(Found f) {
        List<Annotation> out = new ArrayList<>(DeployMarkers.annotations(f.deploys()));
        for (ChangeEvent.Restart r : f.restarts()) {
            out.add(new Annotation(r.timeMillis(), r.timeMillis(), ("restart " + r.service() + " " + r.instance()).strip(), RESTART_COLOR));
        }
        return out;
    }
}
