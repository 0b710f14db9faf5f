package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.BaselineBands;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.time.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one panel refresh produced: its series ready for the chart (legend names applied, time
 * shift undone) with the refId of the query each came from, the step used, the sources' warnings
 * and infos, and the error of each query that failed (the others are still shown), and when some
 * of it came from the cache instead of the source, the oldest fetch time. {@code range} is the
 * range the data answers (null when the caller draws it on a range of its own): the painter draws
 * the data on it, so an old answer is never drawn on a new axis. {@code sent} is each query as it
 * was sent, or why it was not; {@code provenance} says which feed fed a panel that says so, or why
 * it is empty. {@code baseline} holds the series' usual bands when the panel asks for them
 * ({@code findings.PanelBaseline}).
 */
public record PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices,
                        List<String> errors, Instant staleSince, List<LogLine> logs, TimeRange range, List<Sent> sent,
                        Provenance provenance, BaselineBands baseline) {
    /**
     * One query as it was sent (bound to the source's names, variables and macros expanded), or why
     * it was not, with what the panel must say about it: the panel info shows these.
     */
    public record Sent(String refId, String expr, List<String> notes, String notRun) {
        public Sent {
            notes = List.copyOf(notes);
        }
    }

    public PanelData {
        baseline = baseline == null ? BaselineBands.NONE : baseline;
        sent = sent == null ? List.of() : List.copyOf(sent);
        provenance = provenance == null ? Provenance.NONE : provenance;
        logs = logs == null ? List.of() : List.copyOf(logs);
        series = List.copyOf(series);
        refIds = List.copyOf(refIds);
        if (refIds.size() != series.size()) {
            throw new IllegalArgumentException("one refId per series");
        }
        notices = List.copyOf(notices);
        errors = List.copyOf(errors);
    }

    /** The refId suffix and name suffix of a series drawn for the previous period (an overlay). */
    public static final String PREVIOUS_PERIOD_REF = "@previous";
    public static final String PREVIOUS_PERIOD_NAME = " (previous period)";

    /** Without bands. */
    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices,
                     List<String> errors, Instant staleSince, List<LogLine> logs, TimeRange range, List<Sent> sent,
                     Provenance provenance) {
        this(series, refIds, step, notices, errors, staleSince, logs, range, sent, provenance, BaselineBands.NONE);
    }

    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices,
                     List<String> errors, Instant staleSince, List<LogLine> logs, TimeRange range) {
        this(series, refIds, step, notices, errors, staleSince, logs, range, List.of(), Provenance.NONE);
    }

    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors) {
        this(series, refIds, step, notices, errors, null);
    }

    /** Without log lines. */
    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors,
                     Instant staleSince) {
        this(series, refIds, step, notices, errors, staleSince, List.of(), null, List.of(), Provenance.NONE);
    }

    /** Without log lines or range. */
    public PanelData(List<TimeSeriesData> series, List<String> refIds, Duration step, List<String> notices, List<String> errors,
                     Instant staleSince, Provenance provenance) {
        this(series, refIds, step, notices, errors, staleSince, List.of(), null, List.of(), provenance);
    }

    /** A failed load: nothing to draw, one error. */
    public static PanelData failed(TimeRange range, String error) {
        return new PanelData(List.of(), List.of(), Duration.ZERO, List.of(), List.of(error), null, List.of(), range, List.of(), Provenance.NONE);
    }

    /** This data as the answer for {@code r}. */
    public PanelData answering(TimeRange r) {
        return new PanelData(series, refIds, step, notices, errors, staleSince, logs, r, sent, provenance, baseline);
    }

    /** The log lines of a logs panel, newest first. */
    public static PanelData ofLogs(List<LogLine> lines, List<String> notices, List<String> errors) {
        return new PanelData(List.of(), List.of(), Duration.ZERO, notices, errors, null, lines, null, List.of(), Provenance.NONE);
    }

    /**
     * This data with {@code previous} (the same panel loaded one range length earlier, shifted back
     * onto this range) added as overlay series named "… (previous period)".
     */
    public PanelData withPreviousPeriod(PanelData previous) {
        List<TimeSeriesData> s = new ArrayList<>(series);
        List<String> r = new ArrayList<>(refIds);
        for (int i = 0; i < previous.series().size(); i++) {
            TimeSeriesData d = previous.series().get(i);
            s.add(new TimeSeriesData(d.name() + PREVIOUS_PERIOD_NAME, d.ts(), d.values()));
            r.add(previous.refIds().get(i) + PREVIOUS_PERIOD_REF);
        }
        List<String> n = new ArrayList<>(notices);
        previous.errors().forEach(e -> n.add("previous period: " + e));
        Instant st = staleSince == null ? previous.staleSince()
                : previous.staleSince() == null || staleSince.isBefore(previous.staleSince()) ? staleSince : previous.staleSince();
        return new PanelData(s, r, step, n, errors, st, logs, range, sent, provenance, baseline);
    }

    /** This data with the queries as sent. */
    public PanelData withSent(List<Sent> s) {
        return new PanelData(series, refIds, step, notices, errors, staleSince, logs, range, s, provenance, baseline);
    }

    /** What the panel must say about its numbers (binding notes, queries skipped), each once. */
    public List<String> bindingNotes() {
        List<String> out = new ArrayList<>();
        for (Sent s : sent) {
            for (String n : s.notes()) {
                if (!out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** This data with where it came from. */
    public PanelData withProvenance(Provenance p) {
        return new PanelData(series, refIds, step, notices, errors, staleSince, logs, range, sent, p, baseline);
    }

    /** This data with its series' usual bands, or the note saying why there are none. */
    public PanelData withBaseline(BaselineBands b) {
        return new PanelData(series, refIds, step, notices, errors, staleSince, logs, range, sent, provenance, b);
    }

    /** Whether some series has a value (not only NaN): the panel draws something. */
    public boolean hasValues() {
        for (TimeSeriesData s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return !logs.isEmpty();
    }

    /** True when some of the data is not a fresh answer but the cache's, fetched at {@link #staleSince()}. */
    public boolean isStale() {
        return staleSince != null;
    }
}
