package io.vigia.dashboards.report;

import io.vigia.dashboards.query.DeployEvents;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.bindings.ContractBindings;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.query.Dimension;
import io.vigia.datasources.bindings.query.Filter;
import io.vigia.datasources.bindings.query.HttpQueries;
import io.vigia.datasources.bindings.query.QueryPlan;
import java.util.Set;

import io.vigia.dashboards.analytics.Histogram;
import io.vigia.dashboards.analytics.DriftVerdict;
import io.vigia.dashboards.analytics.HistogramDrift;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.query.BucketHistograms;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.query.DriftPanel;
import io.vigia.dashboards.query.DriftSlices;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables a weekly report adds to the dashboard's panels, computed from the telemetry contract
 * (docs/telemetry.md): the SAST rules most often found on accepted AI suggestions, drift of the
 * model inputs against the week before, and each deploy of the week with its service's latency
 * and error share in the 24 hours before and after. A dashboard gets the tables whose metrics it
 * reads; a table without rows says so in its note.
 */
final class WeeklyEvidence {
    static final String SAST_TITLE = "Top SAST rules on accepted AI suggestions";
    static final String DRIFT_TITLE = "Drift alerts: model inputs vs the week before";
    static final String DEPLOYS_TITLE = "Deploys and their latency change";
    static final int TOP_RULES = 10;
    private static final String SAST = "vigia_copilot_accepted_with_sast_findings_total";
    private static final String FEATURE = "vigia_model_input_feature_bucket";
    private static final String HTTP = "http_server_request_duration_seconds";
    private static final Duration AROUND_DEPLOY = Duration.ofDays(1);
    /** The query step the drift test's slices are sized from (slices of a week: 105 minutes, 96 a week). */
    private static final Duration DRIFT_STEP = Duration.ofMinutes(15);

    private final MetricsSource source;
    private final IsoWeek week;
    private final ZoneId zone;
    private final TimeRange range;
    private final TimeRange previous;

    private final SourceBindings bindings;
    private final Duration scrape;

    WeeklyEvidence(MetricsSource source, IsoWeek week, ZoneId zone) {
        this(source, ContractBindings.of(""), Duration.ofMinutes(5), week, zone);
    }

    /**
     * @param bindings the source's bindings: deploys and restarts from its signals, latency and
     *                 errors from its own histogram and counter
     * @param scrape   the source's scrape interval, the finest step deploys are looked for at
     */
    WeeklyEvidence(MetricsSource source, SourceBindings bindings, Duration scrape, IsoWeek week, ZoneId zone) {
        this.source = source;
        this.bindings = bindings;
        this.scrape = scrape;
        this.week = week;
        this.zone = zone;
        this.range = week.range(zone);
        this.previous = week.previous().range(zone);
    }

    /**
     * The tables that belong to {@code d}: each one whose metrics the dashboard's panels (or its
     * deploy markers) read. A failing one is left out and its error added to {@code problems}.
     */
    List<Report.Table> tables(Dashboard d, List<String> problems) {
        List<Report.Table> out = new ArrayList<>();
        if (reads(d, SAST)) {
            add(out, SAST_TITLE, this::sastRules, problems);
        }
        if (reads(d, "vigia_model_input_feature")) {
            add(out, DRIFT_TITLE, this::drift, problems);
        }
        if (reads(d, "vigia_build_info") || reads(d, "@versions") || d.annotations().stream()
                .anyMatch(a -> a.enabled() && a.kind() == AnnotationSource.Kind.DEPLOYS)) {
            add(out, DEPLOYS_TITLE, this::deploys, problems);
        }
        return out;
    }

    private void add(List<Report.Table> out, String title, java.util.function.Supplier<Report.Table> table, List<String> problems) {
        try {
            out.add(table.get());
        } catch (QueryException | IllegalArgumentException e) {
            SourceUnavailableException.rethrowIfUnreachable(source, e);
            problems.add("\"" + title + "\": " + e.getMessage());
        }
    }

    private static boolean reads(Dashboard d, String metric) {
        return d.allPanels().stream().flatMap(p -> p.queries().stream()).anyMatch(q -> q.expr().contains(metric))
                || d.annotations().stream().anyMatch(a -> a.expr().contains(metric));
    }

    Report.Table sastRules() {
        String expr = "sort_desc(sum by (rule, cwe) (increase(" + SAST + "[" + seconds(range) + "s])))";
        String exprBefore = "sum by (rule, cwe) (increase(" + SAST + "[" + seconds(previous) + "s]))";
        QueryResult.Vector now = vector(source.query(expr, end(range)).result());
        QueryResult.Vector before = vector(source.query(exprBefore, end(previous)).result());
        Map<String, Double> beforeByKey = new LinkedHashMap<>();
        for (int i = 0; i < before.size(); i++) {
            beforeByKey.put(key(before.labels()[i]), before.values()[i]);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < now.size() && rows.size() < TOP_RULES; i++) {
            double v = now.values()[i];
            if (Double.isNaN(v) || Math.round(v) <= 0) {
                continue;
            }
            Labels l = now.labels()[i];
            double b = beforeByKey.getOrDefault(key(l), 0.0);
            rows.add(List.of(orDash(l.get("rule")), orDash(l.get("cwe")), num(Math.round(v)), num(Math.round(b)),
                    b > 0 ? num((v - b) / b) : "NaN"));
        }
        return new Report.Table(SAST_TITLE, List.of("Rule", "CWE", "This week", "Week before", "Change"),
                List.of("", "", "short", "short", ValueFormat.CHANGE), rows,
                rows.isEmpty() ? "No SAST finding was attributed to an accepted suggestion this week." : "");
    }

    Report.Table drift() {
        Map<String, Histogram> now = histograms(range);
        Map<String, Histogram> before = histograms(previous);
        Map<String, DriftSlices.Significance> sig;
        String untested = "no slices";
        try {
            sig = DriftSlices.test(source, FEATURE, "feature", range.to(), Duration.between(range.from(), range.to()), DRIFT_STEP);
        } catch (QueryException | IllegalArgumentException e) {
            SourceUnavailableException.rethrowIfUnreachable(source, e);
            sig = Map.of(); // the distances stand without their test; each row says why
            untested = "the slices could not be read: " + e.getMessage();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Histogram> e : now.entrySet()) {
            HistogramDrift d = DriftPanel.drift(before.get(e.getKey()), e.getValue());
            if (d == null) {
                rows.add(List.of(e.getKey(), "no baseline", "NaN", "NaN", num(Math.round(e.getValue().total())), "–", "NaN",
                        "NaN", "no test: nothing to compare with"));
                continue;
            }
            DriftSlices.Significance s = sig.get(e.getKey());
            boolean tested = s != null && s.test() != null;
            double q = tested ? s.q() : Double.NaN;
            rows.add(List.of(e.getKey(), DriftVerdict.of(d.status(), q), num(d.jensenShannon().distance()), num(d.psi().value()),
                    num(Math.round(e.getValue().total())),
                    tested ? String.format(Locale.ROOT, "%.3f–%.3f", s.test().interval().lower(), s.test().interval().upper()) : "–",
                    tested ? num(s.test().pValue()) : "NaN", num(q),
                    tested ? s.test().method() : "no test: " + (s == null ? untested : s.why())));
        }
        // alerts that hold first, then the qualified ones, then the rest
        rows.sort((x, y) -> Integer.compare(DriftVerdict.rank(x.get(1)), DriftVerdict.rank(y.get(1))));
        return new Report.Table(DRIFT_TITLE, List.of("Feature", "Verdict", "Jensen–Shannon", "PSI", "Requests", "JS 95% CI",
                "p", "q", "Test"), List.of("", "", "none", "none", "short", "", "none", "none", ""), rows,
                rows.isEmpty() ? "No model input histograms this week."
                        : "Verdict by Jensen–Shannon distance between this week's and the week before's bucket counts (0.05 "
                        + "warning, 0.1 drift), \"not significant\" where the block permutation test of the distance over "
                        + "slices of the two weeks gives q ≥ 0.05 (Benjamini–Hochberg across the features); docs/statistics.md.");
    }

    /** Per feature, the histogram of the week from the cumulative {@code le} buckets. */
    private Map<String, Histogram> histograms(TimeRange r) {
        QueryResult.Vector v = vector(source.query("sum by (feature, le) (increase(" + FEATURE + "[" + seconds(r) + "s]))",
                end(r)).result());
        BucketHistograms buckets = new BucketHistograms("feature");
        for (int i = 0; i < v.size(); i++) {
            buckets.add(v.labels()[i], v.values()[i]);
        }
        return buckets.histograms();
    }

    Report.Table deploys() {
        DeployEvents.Found found = DeployEvents.find(source, bindings, range, scrape);
        if (found.deploys().isEmpty() && found.restarts().isEmpty() && !found.problems().isEmpty()) {
            throw new QueryException("execution", String.join("; ", found.problems()));
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ROOT).withZone(zone);
        List<List<String>> rows = new ArrayList<>();
        for (DeployMarkers.Deploy d : found.deploys()) {
            Instant at = Instant.ofEpochMilli(d.timeMillis());
            String service = d.service() == null ? "" : d.service();
            Filter svc = service.isEmpty() ? Filter.NONE : Filter.of(Dimension.SERVICE, service);
            QueryPlan p95 = bindings.latency().map(l -> HttpQueries.quantile(l, 0.95, svc, Set.of(), "1d"))
                    .orElse(new QueryPlan.Unavailable("no latency"));
            QueryPlan errors = bindings.requests().map(c -> HttpQueries.errorShare(c, svc, Set.of(), "1d"))
                    .orElse(new QueryPlan.Unavailable("no request counter"));
            double p95Before = scalar(p95, at);
            double p95After = scalar(p95, at.plus(AROUND_DEPLOY));
            double errBefore = scalar(errors, at);
            double errAfter = scalar(errors, at.plus(AROUND_DEPLOY));
            double change = Double.isNaN(p95Before) || Double.isNaN(p95After) || p95Before == 0 ? Double.NaN
                    : (p95After - p95Before) / p95Before;
            rows.add(List.of(when.format(at), orDash(service), orDash(d.version()), num(p95Before), num(p95After), num(change),
                    num(errBefore), num(errAfter)));
        }
        List<String> notes = new ArrayList<>();
        if (!rows.isEmpty()) {
            notes.add("Times in " + zone.getId() + "; before and after are the 24 hours either side of the deploy; p95 is the"
                    + " service's 95th percentile request duration, 5xx its share of server errors.");
        } else {
            notes.add("No deploy this week.");
        }
        if (!found.restarts().isEmpty()) {
            List<String> r = new ArrayList<>();
            for (var x : found.restarts()) {
                r.add((x.service() + " " + x.instance()).strip() + " at " + when.format(Instant.ofEpochMilli(x.timeMillis())));
            }
            notes.add(found.restarts().size() + (found.restarts().size() == 1 ? " restart" : " restarts")
                    + " without a deploy (not counted as deploys): " + String.join("; ", r) + ".");
        }
        if (bindings.latency().isPresent() && bindings.latency().get().kind() == io.vigia.datasources.bindings.LatencyKind.MEAN_ONLY
                && !rows.isEmpty()) {
            notes.add("p95 is not available: " + bindings.latency().get().metric() + " has no buckets.");
        }
        return new Report.Table(DEPLOYS_TITLE,
                List.of("When", "Service", "Version", "p95 before", "p95 after", "Change", "5xx before", "5xx after"),
                List.of("", "", "", "s", "s", ValueFormat.CHANGE, "percentunit", "percentunit"), rows, String.join(" ", notes));
    }

    private double scalar(QueryPlan plan, Instant at) {
        return plan instanceof QueryPlan.Available a ? scalar(a.promql(), at) : Double.NaN;
    }

    private double scalar(String expr, Instant at) {
        QueryResult.Vector v = vector(source.query(expr, at).result());
        return v.size() == 0 ? Double.NaN : v.values()[0];
    }

    private static QueryResult.Vector vector(QueryResult r) {
        if (r instanceof QueryResult.Vector v) {
            return v;
        }
        return new QueryResult.Vector(new Labels[0], new long[0], new double[0]);
    }

    private static String key(Labels l) {
        return l.get("rule") + "\u0000" + l.get("cwe");
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static long seconds(TimeRange r) {
        return Duration.between(r.from(), r.to()).toSeconds();
    }

    private static Instant end(TimeRange r) {
        return r.to().minusMillis(1);
    }

    /** A PromQL double-quoted string body: backslash and quote escaped (label values are telemetry). */
    static String promString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
