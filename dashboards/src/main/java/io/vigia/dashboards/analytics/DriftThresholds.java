package io.vigia.dashboards.analytics;

/**
 * Warning and drift levels for each score. A distance at or above its drift level is
 * {@link DriftStatus#DRIFT}, at or above its warning level {@link DriftStatus#WARNING}; a p-value
 * below its drift level is {@code DRIFT}, below its warning level {@code WARNING}.
 *
 * <p>The drift levels of {@link #DEFAULTS} are the defaults of the drift tools users compare with:
 * <ul>
 * <li>PSI 0.1: Evidently's {@code psi} stattest default threshold (Evidently docs, "All
 *     statistical tests" table), also the lower bound of the classic PSI bands (below 0.1 no
 *     significant change, 0.1–0.25 moderate, above 0.25 significant: Siddiqi, <i>Credit Risk
 *     Scorecards</i>, Wiley 2006).</li>
 * <li>Jensen–Shannon distance 0.1: Evidently's {@code jensenshannon} default threshold and
 *     NannyML's {@code jensen_shannon} default {@code ConstantThreshold(upper=0.1)}. NannyML uses
 *     base 2 as Vigia does; Evidently calls scipy with the natural log, whose distance is
 *     1/sqrt(ln 2) ≈ 1.2 times larger, so Vigia is slightly more lenient than Evidently there.</li>
 * <li>Kolmogorov–Smirnov and chi-square p &lt; 0.05: Evidently's {@code ks} and {@code chisquare}
 *     default threshold, NannyML's {@code chi2} default alert.</li>
 * <li>Normalized Wasserstein-1 (distance divided by the baseline's standard deviation) 0.1:
 *     Evidently's {@code wasserstein} default threshold.</li>
 * </ul>
 * The warning levels are Vigia's own (no tool defines an early warning): half the drift level for
 * distances, p &lt; 0.10 for tests.
 */
public record DriftThresholds(
        Level psi,
        Level jensenShannon,
        Level wassersteinNormalized,
        Level pValue) {

    public static final DriftThresholds DEFAULTS = new DriftThresholds(
            new Level(0.05, 0.1),
            new Level(0.05, 0.1),
            new Level(0.05, 0.1),
            new Level(0.10, 0.05));

    public DriftThresholds {
        if (psi == null || jensenShannon == null || wassersteinNormalized == null || pValue == null) {
            throw new IllegalArgumentException("every threshold level is required");
        }
        if (pValue.warning() < pValue.drift()) {
            throw new IllegalArgumentException("p-value warning level must be >= its drift level: " + pValue);
        }
        for (Level l : new Level[] {psi, jensenShannon, wassersteinNormalized}) {
            if (l.warning() > l.drift()) {
                throw new IllegalArgumentException("distance warning level must be <= its drift level: " + l);
            }
        }
    }

    /** A warning and a drift level. */
    public record Level(double warning, double drift) {
        public Level {
            if (!(warning >= 0) || !(drift >= 0) || Double.isInfinite(warning) || Double.isInfinite(drift)) {
                throw new IllegalArgumentException("threshold levels must be finite and >= 0: " + warning + ", " + drift);
            }
        }

        /** Status of a distance (larger is worse). NaN is reported as drift: it cannot be trusted as OK. */
        public DriftStatus ofDistance(double value) {
            if (!(value < drift)) {
                return DriftStatus.DRIFT;
            }
            return value >= warning ? DriftStatus.WARNING : DriftStatus.OK;
        }

        /** Status of a p-value (smaller is worse). */
        public DriftStatus ofPValue(double p) {
            if (!(p >= drift)) {
                return DriftStatus.DRIFT;
            }
            return p < warning ? DriftStatus.WARNING : DriftStatus.OK;
        }
    }
}
