package io.vigia.app.cli;

import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.ApiErrorException;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code vigia query} and {@code vigia query-range}: PromQL on the workspace store or a server,
 * printed exactly as Prometheus's HTTP API answers, so the output can be diffed with a real
 * Prometheus. A failed query prints the API's error envelope and exits with status 1.
 */
final class QueryCommands {
    private QueryCommands() {
    }

    interface Run {
        QueryResponse run(io.vigia.datasources.api.MetricsSource source);
    }

    static int execute(WorkspaceCommand cmd, QuerySourceOptions options, CommandSpec spec, Run run) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = cmd.openWorkspace(); QuerySourceOptions.Opened opened = options.open(ws)) {
            out.println(PrometheusJson.toJson(run.run(opened.source())));
            return 0;
        } catch (QueryException e) {
            QueryException shown = e instanceof ApiErrorException api && api.serverMessage() != null
                    ? new QueryException(e.errorType(), api.serverMessage()) : e;
            out.println(PrometheusJson.errorJson(shown));
            return 1;
        } catch (IllegalArgumentException e) {
            out.println(PrometheusJson.errorJson(new QueryException("bad_data", e.getMessage())));
            return 1;
        }
    }

    @Command(name = "query", description = "Evaluate a PromQL expression at one time (Prometheus's /api/v1/query).")
    static final class Query extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        QuerySourceOptions source = new QuerySourceOptions();

        @Option(names = "--time", paramLabel = "T", description = "RFC 3339, Unix seconds or now-1h (default: now).")
        String time;

        @Parameters(paramLabel = "EXPR")
        String expr;

        @Override
        public Integer call() throws IOException {
            return execute(this, source, spec, s -> s.query(expr, time == null ? Instant.now() : CliTime.parse(time, Instant.now())));
        }
    }

    @Command(name = "query-range", description = "Evaluate a PromQL expression over a range (Prometheus's /api/v1/query_range).")
    static final class QueryRange extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        QuerySourceOptions source = new QuerySourceOptions();

        @Option(names = "--start", required = true, paramLabel = "T")
        String start;

        @Option(names = "--end", required = true, paramLabel = "T")
        String end;

        @Option(names = "--step", required = true, paramLabel = "D", description = "15s, 1m, or seconds.")
        String step;

        @Parameters(paramLabel = "EXPR")
        String expr;

        @Override
        public Integer call() throws IOException {
            Instant now = Instant.now();
            return execute(this, source, spec, s -> {
                Duration d = CliTime.step(step);
                if (d.isZero() || d.isNegative()) {
                    throw new QueryException("bad_data", "zero or negative query resolution step widths are not accepted. "
                            + "Try a positive integer");
                }
                Instant from = CliTime.parse(start, now);
                Instant to = CliTime.parse(end, now);
                if (to.isBefore(from)) {
                    throw new QueryException("bad_data", "end timestamp must not be before start time");
                }
                return s.queryRange(expr, from, to, d);
            });
        }
    }
}
