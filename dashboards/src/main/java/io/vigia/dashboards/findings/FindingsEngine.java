package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.bindings.SourceBindings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the anomaly rule over every watched series of a metrics source for one time range, links
 * each excursion to the changes before it (the given deploys and model changes, and the guardrail
 * spikes found in the same run) and writes the findings, most severe first. Blocking.
 */
public final class FindingsEngine {
    /** Ten minutes divides a week and is a multiple of the usual scrape intervals (15 s … 5 min). */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(10);
    /** Context shown either side of an excursion in its evidence chart. */
    static final Duration CONTEXT = Duration.ofHours(6);

    private final MetricsSource source;
    private final List<WatchedSeries> watched;
    private final Duration step;
    private final ZoneId zone;

    public FindingsEngine(MetricsSource source, List<WatchedSeries> watched, Duration step, ZoneId zone) {
        if (step.isZero() || step.isNegative() || SeasonalBand.WEEK_MS % step.toMillis() != 0) {
            throw new IllegalArgumentException("the step must divide a week: " + step);
        }
        this.source = source;
        this.watched = List.copyOf(watched);
        this.step = step;
        this.zone = zone;
    }

    /** The default watched series in the source's names ({@code null} bindings: Vigia's contract) at the default step. */
    public static FindingsEngine withDefaults(MetricsSource source, SourceBindings bindings, ZoneId zone) {
        return new FindingsEngine(source, WatchedSeriesList.of(bindings).watched(), DEFAULT_STEP, zone);
    }

    /**
     * @param changes deploys and model changes (time, subject, old, new), e.g. from
     *                {@link ChangeEvents#load}; those up to a day before the range count too
     */
    public List<Finding> find(TimeRange range, List<ChangeEvent> changes) throws QueryException {
        List<Anomaly> anomalies = new ArrayList<>();
        for (WatchedSeries w : watched) {
            anomalies.addAll(AnomalyRule.scan(source, w, range, step));
        }
        List<ChangeEvent> events = new ArrayList<>(changes);
        anomalies.stream().filter(a -> a.watched().spike() != null).map(Correlation::spikeOf).forEach(events::add);
        List<Finding> out = new ArrayList<>();
        FindingText text = new FindingText(zone);
        for (Anomaly a : anomalies) {
            out.add(finding(a, Correlation.causes(a, events), range, text));
        }
        out.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparing(Finding::start));
        return out;
    }

    private Finding finding(Anomaly a, List<Finding.Cause> causes, TimeRange range, FindingText text) {
        Excursion e = a.excursion();
        long rangeEnd = range.to().toEpochMilli();
        boolean ongoing = e.endMillis() >= Math.floorDiv(rangeEnd, step.toMillis()) * step.toMillis();
        Instant start = Instant.ofEpochMilli(e.startMillis());
        Instant end = Instant.ofEpochMilli(Math.min(e.endMillis(), rangeEnd));
        // an excursion is a finding (INFO at least); two band half-widths out and beyond is a WARNING
        double score = Math.max(Severity.INFO.limit(), Math.min(100, 25 + 50 * (e.widthsOutside() - 1)));
        Severity severity = Severity.of(score);
        long context = Math.max(CONTEXT.toMillis(), e.endMillis() - e.startMillis());
        Instant from = Instant.ofEpochMilli(Math.max(range.from().toEpochMilli(), e.startMillis() - context));
        Instant to = Instant.ofEpochMilli(Math.min(rangeEnd, e.endMillis() + context));
        Evidence evidence = new Evidence.SeriesBand(a.watched().expr(), a.series(), a.watched().unit(), from, to,
                slice(a.band(), from.toEpochMilli(), to.toEpochMilli()));
        String title = a.series().isEmpty() ? a.watched().title() : a.series() + " " + a.watched().title();
        return new Finding("anomaly:" + a.watched().id(), severity, score, title, text.anomaly(title, a, ongoing, causes),
                start, end, ongoing, evidence, new DashboardLink(a.watched().dashboardUid(), from, to), causes);
    }

    private static Band slice(Band b, long from, long to) {
        int i = 0;
        while (i < b.size() && b.timestamps()[i] < from) {
            i++;
        }
        int j = i;
        while (j < b.size() && b.timestamps()[j] <= to) {
            j++;
        }
        return new Band(Arrays.copyOfRange(b.timestamps(), i, j), Arrays.copyOfRange(b.values(), i, j),
                Arrays.copyOfRange(b.lower(), i, j), Arrays.copyOfRange(b.median(), i, j), Arrays.copyOfRange(b.upper(), i, j));
    }
}
