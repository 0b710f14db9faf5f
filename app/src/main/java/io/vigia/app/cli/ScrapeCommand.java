package io.vigia.app.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vigia.app.VigiaVersion;
import io.vigia.app.diagnostics.SecretMasking;
import io.vigia.datasources.instrument.ClientJavaMetrics;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.datasources.logs.GuardrailEventLogs;
import io.vigia.datasources.serve.ServeSettings;
import io.vigia.datasources.serve.ServedWorkspace;
import io.vigia.datasources.serve.ServerAuth;
import io.vigia.datasources.serve.VigiaApiServer;

import io.vigia.datasources.scrape.ScrapeLoop;
import io.vigia.datasources.scrape.ScrapeResult;
import io.vigia.datasources.scrape.ScrapeTarget;
import io.vigia.datasources.scrape.Scraper;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code vigia scrape URL...}: for teams that run no Prometheus, scrapes {@code /metrics}
 * endpoints into the workspace store on an interval (OpenMetrics or text format, job/instance
 * labels, up and scrape_* series, staleness markers) until stopped (Ctrl+C) or for a given time.
 */
@Command(name = "scrape", description = "Scrape /metrics endpoints into the workspace store until stopped.")
final class ScrapeCommand extends WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "1..*", description = "Endpoints, e.g. http://127.0.0.1:9100/metrics")
    List<URI> urls;

    @Option(names = "--job", defaultValue = "scrape", description = "The job label (default: ${DEFAULT-VALUE}).")
    String job;

    @Option(names = "--interval", defaultValue = "15s", description = "Scrape interval (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this long (default: until Ctrl+C).")
    String duration;

    @Option(names = "--serve", paramLabel = "HOST:PORT", description = "Also serve the workspace as `vigia serve` does "
            + "(loopback only), with this process's scrape counters on /metrics.")
    String serve;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        Duration every = CliTime.step(interval);
        Duration timeout = every.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : every;
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        InetSocketAddress serveAddress;
        try {
            serveAddress = serve == null ? null : ListenAddress.parse(serve);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vigia scrape: " + e.getMessage().replace("--listen", "--serve"));
            return 2;
        }
        if (serveAddress != null && !serveAddress.getAddress().isLoopbackAddress()) {
            spec.commandLine().getErr().println("vigia scrape: --serve " + serve + " is not a loopback address; "
                    + "use `vigia serve --allow-remote` with credentials for that");
            return 2;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        VigiaMetrics metrics = serveAddress == null ? VigiaMetrics.NONE : new ClientJavaMetrics(registry, VigiaVersion.get());
        try (Workspace ws = openWorkspace(); SqliteSeriesStore store = new SqliteSeriesStore(ws); ScrapeLoop loop = new ScrapeLoop();
             VigiaApiServer server = serveAddress == null ? null : VigiaApiServer.start(
                     new ServeSettings(serveAddress, ServerAuth.NONE, ServeSettings.DEFAULT_QUERY_TIMEOUT, VigiaVersion.get()),
                     ServedWorkspace.of(store, new GuardrailEventLogs(ws)), registry, metrics, Clock.systemUTC())) {
            OkHttpClient http = new OkHttpClient();
            List<SeriesWriter> writers = new ArrayList<>();
            for (URI url : urls) {
                SeriesWriter writer = store.writer();
                writers.add(writer);
                loop.start(new Scraper(new ScrapeTarget(job, url, every, timeout), http, writer, Clock.systemUTC(), metrics),
                        r -> report(out, url, r));
            }
            out.println("Scraping " + urls.size() + " target(s) every " + interval + " into " + ws.file()
                    + (duration == null ? " until Ctrl+C" : " for " + duration)
                    + (server == null ? "" : "; serving it on " + server.url() + " "));
            out.flush();
            if (duration == null) {
                stop.await();
            } else {
                stop.await(CliTime.step(duration).toMillis(), TimeUnit.MILLISECONDS);
            }
            loop.close();
            writers.forEach(SeriesWriter::close);
        }
        return 0;
    }

    private static void report(PrintWriter out, URI url, ScrapeResult r) {
        synchronized (out) {
            out.printf("%s up=%d samples=%d%s%n", SecretMasking.mask(url.toString()), r.up() ? 1 : 0, r.samples(),
                        r.up() ? "" : " error: " + SecretMasking.mask(String.valueOf(r.error())));
            out.flush();
        }
    }
}
