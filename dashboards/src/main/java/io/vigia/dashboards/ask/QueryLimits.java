package io.vigia.dashboards.ask;

import java.time.Duration;

/**
 * What one step may cost: the longest range (of the step and of any range selector or subquery in
 * its PromQL), points per series (Prometheus's own 11,000), series in a result, time to run, and
 * log lines. A step over a limit is refused with the limit named, never cut short silently.
 */
public record QueryLimits(Duration maxRange, long maxPoints, int maxSeries, Duration timeout, int maxLogLines) {
    public static final QueryLimits DEFAULTS = new QueryLimits(Duration.ofDays(31), 11_000, 500, Duration.ofSeconds(30), 200);
}
