package io.vigia.dashboards.query;

import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.datasources.logs.LogQueryResult;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.http.CancellationToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The log lines around a deploy, for the SRE flow: a LogQL log query from a template
 * ({@code $service} and {@code $version} filled from the deploy, escaped for a LogQL string) over
 * the window before and after the deploy, newest first.
 */
public final class DeployLogs {
    /** The default query on a Loki source: the deployed service's streams. */
    public static final String LOKI_DEFAULT = "{service=\"$service\"}";
    /** The default query on the embedded workspace: its guardrail events (it has no service logs). */
    public static final String EMBEDDED_DEFAULT = "{job=\"guardrail\"}";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    public static final int LIMIT = 500;

    public record Result(String query, Instant from, Instant to, List<LogLine> lines, List<String> warnings) {
        public Result {
            lines = List.copyOf(lines);
            warnings = List.copyOf(warnings);
        }
    }

    private DeployLogs() {
    }

    /** Blocking: one log query on {@code source}. */
    public static Result around(LogsSource source, String template, Deploy deploy, Duration window, CancellationToken token) {
        String query = expand(template, deploy);
        Instant at = Instant.ofEpochMilli(deploy.timeMillis());
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        LogQueryResult r = source.queryLogs(query, from, to, LIMIT, token);
        return new Result(query, from, to, LogLines.of(r.entries()), r.warnings());
    }

    static String expand(String template, Deploy d) {
        return template.replace("${service}", DeployImpact.escape(d.service())).replace("$service", DeployImpact.escape(d.service()))
                .replace("${version}", DeployImpact.escape(d.version())).replace("$version", DeployImpact.escape(d.version()));
    }
}
