package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.query.PreparedQuery;
import io.vigia.dashboards.query.QueryPath;
import io.vigia.dashboards.query.QueryPreparation;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.loki.Direction;
import io.vigia.datasources.loki.LogStream;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.loki.LokiResponse;
import io.vigia.datasources.loki.LokiResult;
import io.vigia.datasources.http.CancellationToken;
import io.vigia.datasources.grafana.GrafanaResolution;
import io.vigia.persistence.series.Labels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs one Explore query, blocking: PromQL as a range query for the graph (step chosen from the
 * graph's width as Grafana does) and an instant query at the end for the table; LogQL as one
 * range query whose log lines fill the logs view, or whose samples fill the graph.
 */
public final class QueryRunner {
    public static final int LOG_LIMIT = 1000;
    private final ExploreSources sources;
    private final Duration minInterval;

    /** @param minInterval the step's lower bound for sources that do not say their scrape interval */
    public QueryRunner(ExploreSources sources, Duration minInterval) {
        this.sources = sources;
        this.minInterval = minInterval;
    }

    public ExploreResult run(SourceChoice source, String expr, TimeRange range, int widthPx, CancellationToken token) {
        if (source.language() == QueryLanguage.LOGQL) {
            return logs(sources.logs(source.name()), expr, range, widthPx, token);
        }
        // the dashboards' query path: the same resolution, preparation (Grafana's macros, so that
        // queries copied from dashboards run as they are) and conversion to series as a panel's
        MetricsSource m = sources.metrics(source.name());
        GrafanaResolution res = QueryPath.resolution(range, widthPx, m, minInterval);
        Query query = new Query("A", source.name(), QueryLanguage.PROMQL, expr, "", false, false, "");
        PreparedQuery prepared = QueryPreparation.EXPAND.prepare(query, QueryPreparation.Context.macrosOnly(res));
        QueryPath path = new QueryPath();
        List<TimeSeriesData> graph = QueryPath.series(path.range(m, prepared, res.start(), res.end()), "", 0);
        QueryResult table = path.instant(m, prepared, range.to());
        List<ExploreResult.Row> rows = rows(table);
        return new ExploreResult(range, res.step(), graph, labelColumns(rows), rows, List.of(),
                path.notices().stream().distinct().toList());
    }

    private static ExploreResult logs(LokiClient loki, String expr, TimeRange range, int widthPx, CancellationToken token) {
        GrafanaResolution res = GrafanaResolution.compute(range.from(), range.to(), Math.max(1, widthPx), Duration.ofSeconds(1));
        LokiResponse r = loki.queryRange(res.expand(expr), range.from(), range.to(), res.step(), LOG_LIMIT, Direction.BACKWARD, token);
        return switch (r.result()) {
            case LokiResult.Streams s -> {
                List<ExploreResult.LogRow> lines = new ArrayList<>();
                for (LogStream stream : s.streams()) {
                    for (int i = 0; i < stream.size(); i++) {
                        lines.add(new ExploreResult.LogRow(stream.timestampMillis(i), stream.labels(), stream.lines()[i]));
                    }
                }
                lines.sort(Comparator.comparingLong(ExploreResult.LogRow::timestamp).reversed());
                yield new ExploreResult(range, res.step(), List.of(), List.of(), List.of(), lines, r.warnings());
            }
            case LokiResult.Samples samples -> {
                List<ExploreResult.Row> rows = rows(samples.result());
                yield new ExploreResult(range, res.step(), QueryPath.series(samples.result(), "", 0), labelColumns(rows), rows,
                        List.of(), r.warnings());
            }
        };
    }

    /** The instant result as table rows; a range vector (e.g. {@code up[5m]}) shows each series' last sample. */
    static List<ExploreResult.Row> rows(QueryResult result) {
        List<ExploreResult.Row> out = new ArrayList<>();
        switch (result) {
            case QueryResult.Vector v -> {
                for (int i = 0; i < v.size(); i++) {
                    out.add(new ExploreResult.Row(v.labels()[i], v.timestamps()[i], format(v.values()[i])));
                }
            }
            case QueryResult.Matrix m -> m.series().stream().filter(s -> s.size() > 0).forEach(s -> out.add(new ExploreResult.Row(
                    s.labels(), s.timestamps()[s.size() - 1], format(s.values()[s.size() - 1]))));
            case QueryResult.Scalar s -> out.add(new ExploreResult.Row(Labels.EMPTY, s.timestamp(), format(s.value())));
            case QueryResult.StringValue s -> out.add(new ExploreResult.Row(Labels.EMPTY, s.timestamp(), s.value()));
        }
        return out;
    }

    /** Every label name of the rows, {@code __name__} first. */
    static List<String> labelColumns(List<ExploreResult.Row> rows) {
        TreeSet<String> names = new TreeSet<>();
        boolean metric = false;
        for (ExploreResult.Row r : rows) {
            for (String n : r.labels().names()) {
                if (n.equals("__name__")) {
                    metric = true;
                } else {
                    names.add(n);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (metric) {
            out.add("__name__");
        }
        out.addAll(names);
        return out;
    }

    /** Sample values as Prometheus writes them: shortest round-trip digits, never exponent notation, +Inf, -Inf, NaN. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
