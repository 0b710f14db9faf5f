package io.vigia.datasources.promql.ast;

import java.util.Optional;

/**
 * The PromQL language switches of Prometheus's {@code --enable-feature} flag that this engine
 * implements, each with Prometheus's flag name and its default on a Prometheus server.
 * Names and defaults are taken from Prometheus's {@code docs/feature_flags.md} and
 * {@code cmd/prometheus/main.go} ({@code setFeatureListOptions}; the server sets
 * {@code ExperimentalDurationExpr: true} by default and calls the flag a no-op).
 */
public enum PromqlFeature {
    /** Functions and aggregations Prometheus marks experimental: info(), sort_by_label(), limitk(), ... */
    EXPERIMENTAL_FUNCTIONS("promql-experimental-functions", false),
    /** Arithmetic in range, subquery and offset durations: {@code rate(x[5m+30s])}, {@code offset (2*1m)}. */
    DURATION_EXPR("promql-duration-expr", true),
    /** The {@code anchored} and {@code smoothed} selector modifiers. */
    EXTENDED_RANGE_SELECTORS("promql-extended-range-selectors", false),
    /** {@code fill()}, {@code fill_left()}, {@code fill_right()} on binary operators. */
    BINOP_FILL_MODIFIERS("promql-binop-fill-modifiers", false),
    /** The metric name is removed when the result is assembled, not where a function ran. */
    DELAYED_NAME_REMOVAL("promql-delayed-name-removal", false),
    /** {@code __type__}/{@code __unit__} labels drive decisions (the rate() counter hint). */
    TYPE_AND_UNIT_LABELS("type-and-unit-labels", false),
    /** Start timestamps of samples feed rate(), increase(), irate(), resets() and start_timestamp(). */
    USE_START_TIMESTAMPS("use-start-timestamps", false);

    private final String flag;
    private final boolean defaultOn;

    PromqlFeature(String flag, boolean defaultOn) {
        this.flag = flag;
        this.defaultOn = defaultOn;
    }

    /** The name Prometheus's {@code --enable-feature} takes for it. */
    public String flag() {
        return flag;
    }

    /** Whether a Prometheus server has it on without {@code --enable-feature}. */
    public boolean defaultOn() {
        return defaultOn;
    }

    public static Optional<PromqlFeature> byFlag(String flag) {
        for (PromqlFeature f : values()) {
            if (f.flag.equals(flag)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
