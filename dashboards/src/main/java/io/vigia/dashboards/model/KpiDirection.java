package io.vigia.dashboards.model;

/**
 * Whether a rise of a stat or KPI is good, bad or neither. Dashboards and every report format
 * colour a change by it, and a neutral KPI's change is not coloured.
 */
public enum KpiDirection {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL;

    /** How a change reads: good, bad, or plain (not coloured). */
    public enum Tone { GOOD, BAD, PLAIN }

    /** The tone of a relative change: plain for a neutral KPI, no change, or no comparison (NaN). */
    public Tone tone(double change) {
        if (this == NEUTRAL || Double.isNaN(change) || change == 0) {
            return Tone.PLAIN;
        }
        return (change > 0) == (this == HIGHER_IS_BETTER) ? Tone.GOOD : Tone.BAD;
    }

    /** The tone of a change at least {@code notable} in size (a report leaves small moves plain). */
    public Tone tone(double change, double notable) {
        return Math.abs(change) < notable ? Tone.PLAIN : tone(change);
    }
}
