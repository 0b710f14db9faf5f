package io.vigia.app.cli;

import io.vigia.datasources.simulator.AuditFilesSink;
import io.vigia.datasources.simulator.FanOutSink;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetSimulator;
import io.vigia.datasources.simulator.FleetSink;
import io.vigia.datasources.simulator.OpenMetricsBackfillWriter;
import io.vigia.datasources.simulator.SeriesWriterSink;
import io.vigia.datasources.simulator.SimulatorExporter;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vigia simulate}: the fleet simulator of docs/telemetry.md, deterministic from a seed.
 * Writes history (backfill file, the workspace store, audit files) and/or serves live /metrics.
 */
@Command(name = "simulate", description = {
        "Simulate a fleet of copilot users, guardrails and services (docs/telemetry.md), deterministically from a seed.",
        "History goes to an OpenMetrics backfill file (--openmetrics), the workspace store (--store) and audit files "
                + "(--audit-dir: guardrail JSONL, accepted suggestions, nightly SARIF); --serve exposes live /metrics."})
final class SimulateCommand extends WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "30", description = "Days of history to write (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--end", defaultValue = "now", description = "End of the history: RFC 3339, Unix seconds or now-… "
            + "(default: ${DEFAULT-VALUE}). The story's events sit on the days before it.")
    String end;

    @Option(names = "--interval", defaultValue = "5m", description = "Sample interval of the history (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--openmetrics", paramLabel = "FILE", description = "Write the history as an OpenMetrics backfill file "
            + "(for `promtool tsdb create-blocks-from openmetrics` or `vigia import openmetrics`).")
    Path openMetrics;

    @Option(names = "--store", description = "Write the history into the workspace's store.")
    boolean store;

    @Option(names = "--audit-dir", paramLabel = "DIR", description = "Write guardrail-audit.jsonl, accepted-suggestions.jsonl and sarif/*.sarif.")
    Path auditDir;

    @Option(names = "--serve", paramLabel = "HOST:PORT", description = "Serve live /metrics (e.g. 127.0.0.1:9464) until Ctrl+C.")
    String serve;

    @Option(names = "--serve-interval", defaultValue = "15s", description = "Step of the live fleet (default: ${DEFAULT-VALUE}).")
    String serveInterval;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (openMetrics == null && !store && auditDir == null && serve == null) {
            err.println("vigia simulate: choose at least one output: --openmetrics FILE, --store, --audit-dir DIR or --serve HOST:PORT");
            return 2;
        }
        if (days < 1 || days > 400) {
            err.println("vigia simulate: --days must be between 1 and 400, was " + days);
            return 2;
        }
        if (openMetrics != null || store || auditDir != null) {
            int code = history(out, err);
            if (code != 0) {
                return code;
            }
        }
        return serve == null ? 0 : serve(out, err);
    }

    private int history(PrintWriter out, PrintWriter err) throws IOException {
        Instant endTime = CliTime.parse(end, Instant.now());
        long step = CliTime.step(interval).toMillis();
        long endMillis = endTime.toEpochMilli();
        long startMillis = endMillis - Duration.ofDays(days).toMillis();
        List<FleetSink> sinks = new ArrayList<>();
        BufferedWriter file = openMetrics == null ? null : Files.newBufferedWriter(openMetrics, StandardCharsets.UTF_8);
        AuditFilesSink audit = auditDir == null ? null : new AuditFilesSink(auditDir);
        Workspace ws = store ? openWorkspace() : null;
        SqliteSeriesStore series = ws == null ? null : new SqliteSeriesStore(ws);
        SeriesWriter writer = series == null ? null : series.writer();
        SeriesWriterSink storeSink = writer == null ? null : new SeriesWriterSink(writer);
        try {
            if (file != null) {
                sinks.add(new OpenMetricsBackfillWriter(file));
            }
            if (audit != null) {
                sinks.add(audit);
            }
            if (storeSink != null) {
                sinks.add(storeSink);
            }
            long t0 = System.nanoTime();
            FleetScenario scenario = FleetSimulator.run(seed, startMillis, endMillis, step, new FanOutSink(sinks));
            if (writer != null) {
                writer.commit();
            }
            out.printf("Simulated %d days (seed %d, every %s) ending %s in %.1f s%n", days, seed, interval, endTime,
                    (System.nanoTime() - t0) / 1e9);
            if (openMetrics != null) {
                out.println("  backfill file: " + openMetrics);
            }
            if (storeSink != null) {
                out.println("  store: " + storeSink.samples() + " samples into " + ws.file());
            }
            if (audit != null) {
                out.println("  audit files: " + audit.guardrailEvents() + " guardrail events, " + audit.findings()
                        + " SAST findings in " + auditDir);
            }
            out.println("  story: " + scenario.deploys().size() + " deploys; p95 regression of payments at "
                    + Instant.ofEpochMilli(scenario.regressionDeploy().timeMillis()) + ", fixed at "
                    + Instant.ofEpochMilli(scenario.fixDeploy().timeMillis()) + "; model change at "
                    + Instant.ofEpochMilli(scenario.modelChange().timeMillis()) + "; prompt-injection campaign from "
                    + Instant.ofEpochMilli(scenario.injectionCampaign().startMillis()) + "; drift of prompt_tokens from "
                    + Instant.ofEpochMilli(scenario.driftEpisode().startMillis()));
            return 0;
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            throw e;
        } finally {
            if (file != null) {
                file.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (series != null) {
                series.close();
            }
            if (ws != null) {
                ws.close();
            }
        }
    }

    private int serve(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        int colon = serve.lastIndexOf(':');
        if (colon <= 0) {
            err.println("vigia simulate: --serve takes HOST:PORT, e.g. 127.0.0.1:9464");
            return 2;
        }
        int port;
        try {
            port = Integer.parseInt(serve.substring(colon + 1));
        } catch (NumberFormatException e) {
            err.println("vigia simulate: --serve port is not a number: " + serve);
            return 2;
        }
        String host = serve.substring(0, colon);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        try (SimulatorExporter exporter = SimulatorExporter.start(host, port, seed, CliTime.step(serveInterval).toMillis(),
                System::currentTimeMillis)) {
            out.println("Serving the simulated fleet on http://" + host + ":" + exporter.port() + "/metrics until Ctrl+C");
            out.flush();
            stop.await();
        }
        return 0;
    }
}
