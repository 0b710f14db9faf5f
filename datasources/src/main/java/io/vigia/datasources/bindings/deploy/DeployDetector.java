package io.vigia.datasources.bindings.deploy;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.bindings.DeploySignal;
import io.vigia.datasources.bindings.DeploySignals;
import io.vigia.datasources.bindings.RestartBinding;
import io.vigia.datasources.bindings.query.DeploySignalQueries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds deploys (and restarts) in any {@link MetricsSource}, the embedded store or a remote
 * Prometheus, from the deploy signals a source was bound to: range queries at the scrape interval,
 * changes found in the results. Blocking; run it off the UI thread.
 */
public final class DeployDetector {
    private final MetricsSource source;

    /** What was found, and the signals whose query failed (the others still count). */
    public record Detection(List<ChangeEvent> events, List<String> problems) {
        public Detection {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }

        public List<ChangeEvent.Deploy> deploys() {
            return events.stream().filter(e -> e instanceof ChangeEvent.Deploy).map(e -> (ChangeEvent.Deploy) e).toList();
        }

        /** Restarts that no deploy explains. */
        public List<ChangeEvent.Restart> bareRestarts() {
            return events.stream().filter(e -> e instanceof ChangeEvent.Restart r && !r.withDeploy())
                    .map(e -> (ChangeEvent.Restart) e).toList();
        }
    }

    public DeployDetector(MetricsSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @param signals  the deploy signals; null when the source has none (its restarts are still found)
     * @param restarts the process start-time binding, or null; a restart within two steps of a
     *                 deploy of the same service is marked as that deploy's
     * @param step     the resolution, ideally the scrape interval; deploy times are known to within it
     */
    public Detection detect(DeploySignals signals, RestartBinding restarts, Instant from, Instant to, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the step must be positive, got " + step);
        }
        long stepMs = step.toMillis();
        List<ChangeEvent.Deploy> deploys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DeploySignal s : signals == null ? List.<DeploySignal>of() : signals.signals()) {
            try {
                QueryResult.Matrix m = RangeChunks.query(source, DeploySignalQueries.series(s), from, to, step);
                List<ChangeEvent.Deploy> found = switch (s.kind()) {
                    case VERSION_LABEL, IMAGE_TAG -> SignalTimeline.versions(m, s, stepMs);
                    case GENERATION_STEP, SYNC_COUNTER -> SignalTimeline.steps(m, s, stepMs);
                };
                for (ChangeEvent.Deploy d : found) {
                    if (deploys.stream().noneMatch(seen -> sameDeploy(seen, d, stepMs))) {
                        deploys.add(d);
                    }
                }
            } catch (QueryException e) {
                problems.add(s.metric() + ": " + e.getMessage());
            }
        }
        List<ChangeEvent> events = new ArrayList<>(deploys);
        if (restarts != null) {
            try {
                QueryResult.Matrix m = RangeChunks.query(source, DeploySignalQueries.restarts(restarts), from, to, step);
                for (SignalTimeline.SeenRestart seen : SignalTimeline.restarts(m, restarts)) {
                    ChangeEvent.Restart r = seen.restart();
                    // The deploy's time is the step that first saw the new version, the restart's the
                    // process's own start, earlier by the start-up time (seconds for a JVM, a minute
                    // for a large application): match the deploy against the step that saw the new
                    // start time too, which the same scrape usually brings.
                    boolean withDeploy = deploys.stream().anyMatch(d -> d.service().equals(r.service())
                            && (Math.abs(d.timeMillis() - r.timeMillis()) <= 2 * stepMs
                            || Math.abs(d.timeMillis() - seen.seenAtMillis()) <= 2 * stepMs));
                    events.add(new ChangeEvent.Restart(r.service(), r.instance(), r.timeMillis(), withDeploy, r.metric()));
                }
            } catch (QueryException e) {
                problems.add(restarts.metric() + ": " + e.getMessage());
            }
        }
        events.sort(Comparator.comparingLong(ChangeEvent::timeMillis).thenComparing(ChangeEvent::service));
        return new Detection(events, problems);
    }

    /** The same deploy seen through a second signal: same service and new version, within two steps. */
    private static boolean sameDeploy(ChangeEvent.Deploy a, ChangeEvent.Deploy b, long stepMs) {
        return a.service().equals(b.service()) && Objects.equals(a.newVersion(), b.newVersion())
                && Math.abs(a.timeMillis() - b.timeMillis()) <= 2 * stepMs;
    }
}
