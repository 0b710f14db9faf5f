package io.vigia.app.cli;

import io.vigia.datasources.otlp.OtlpReceiver;
import io.vigia.datasources.otlp.OtlpReceiverOptions;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code vigia receive otlp}: receive what the assistants export over OpenTelemetry into the workspace. */
@Command(name = "receive", description = "Receive telemetry pushed to Vigia into the workspace.", subcommands = ReceiveCommand.Otlp.class)
final class ReceiveCommand extends WorkspaceCommand {

    @Command(name = "otlp", description = {
        "Receive OTLP/HTTP metrics, logs and traces (protobuf or JSON, gzip) on /v1/metrics, /v1/logs and /v1/traces",
        "into the workspace's series store until stopped (Ctrl+C). Point Claude Code, Copilot Chat or the Copilot CLI at it",
        "with OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 (see README)."})
    static final class Otlp extends WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = OtlpReceiverOptions.DEFAULT_LISTEN,
                description = "Where to listen (default: ${DEFAULT-VALUE}, loopback only).")
        String listen;

        @Option(names = "--allow-remote", description = "Allow an address other than loopback; anyone who can reach it can write into the workspace.")
        boolean allowRemote;

        @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "" + OtlpReceiverOptions.DEFAULT_MAX_BODY_BYTES,
                description = "Largest request body after decompression; larger ones get HTTP 413 (default: ${DEFAULT-VALUE}, 20 MiB).")
        long maxBodyBytes;

        @Option(names = "--capture-content", description = {
            "Keep prompt and response content the assistants send (off by default: none is kept). When on, it is redacted",
            "(secrets, personal data) and appended to WORKSPACE.otlp-content.jsonl, readable by its owner only."})
        boolean captureContent;

        @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (default: until Ctrl+C).")
        String duration;

        @Override
        public Integer call() throws InterruptedException, IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path workspacePath = workspacePath();
            Optional<Path> content = captureContent
                    ? Optional.of(workspacePath.resolveSibling(workspacePath.getFileName() + ".otlp-content.jsonl"))
                    : Optional.empty();
            OtlpReceiverOptions options;
            try {
                options = new OtlpReceiverOptions(OtlpReceiverOptions.parseListen(listen), allowRemote, maxBodyBytes, content);
            } catch (IllegalArgumentException e) {
                err.println("vigia: " + e.getMessage());
                return 2;
            }
            if (options.isRemote()) {
                err.println("vigia: WARNING: listening on " + options.listen().getAddress().getHostAddress()
                        + ", not loopback: the receiver has no authentication, so anyone who can reach this port can write into the workspace");
                err.flush();
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
                OtlpReceiver receiver;
                try {
                    receiver = OtlpReceiver.start(options, store.writer(), store, Clock.systemUTC());
                } catch (IOException e) {
                    err.println("vigia: " + e.getMessage());
                    return 1;
            }
                try (receiver) {
                    run(out, receiver, ws, content, stop);
            }
            }
            return 0;
        }

        private void run(PrintWriter out, OtlpReceiver receiver, Workspace ws, Optional<Path> content, CountDownLatch stop)
                throws InterruptedException {
            out.println("Receiving OTLP/HTTP on http://" + receiver.address().getHostString() + ":" + receiver.address().getPort()
                    + " (/v1/metrics, /v1/logs, /v1/traces) into " + ws.file()
                    + (content.isPresent() ? ", content redacted into " + content.get() : ", no prompt or response content kept")
                    + (duration == null ? " until Ctrl+C" : " for " + duration));
            out.flush();
            if (duration == null) {
                stop.await();
            } else {
                stop.await(CliTime.step(duration).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
