package io.vigia.dashboards.ask;

import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A step's range in instants and its query step: Grafana's resolution for {@value #POINTS} points
 * (a chart in the answer), never below the source's scrape interval.
 */
final class StepRanges {
    static final int POINTS = 300;

    private StepRanges() {
    }

    /** The deploy a step compares, when it compares one. */
    static Optional<Deploy> deploy(AskStep step, AskContext ctx) {
        return step instanceof AskStep.DeployImpact d ? ctx.deploy(d.service(), d.version()) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the range is not a time, or names a deploy that is not there */
    static TimeRange resolve(AskStep step, AskContext ctx) {
        Instant at = deploy(step, ctx).map(d -> Instant.ofEpochMilli(d.timeMillis())).orElse(null);
        return step.range().resolve(ctx.now(), ctx.zone(), at);
    }

    static GrafanaResolution resolution(TimeRange r, AskContext ctx) {
        Duration min = ctx.minStep().isZero() ? Duration.ofMinutes(1) : ctx.minStep();
        return GrafanaResolution.compute(r.from(), r.to(), POINTS, min);
    }
}
