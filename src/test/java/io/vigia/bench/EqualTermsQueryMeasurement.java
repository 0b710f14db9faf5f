package io.vigia.bench;

import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.http.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Vigia against Prometheus on equal terms (issue 18): the same week of samples in both, the same
 * dashboard queries through the same HTTP client to two server processes ({@code vigia serve} and
 * Prometheus), and beside that the engines alone (the evaluation time each server reports, and
 * Vigia's engine in this JVM), then the memory each server holds.
 *
 * <p>Not JMH: the servers are other processes, whose warm-up JMH cannot control. Instead every
 * round sends every query once through every probe, in an order that rotates from round to round
 * so that neither side always runs right after the other; the first rounds only warm up (both JITs,
 * both page caches). {@code -Dvigia.bench.quick=true} runs a day of 200 series and few rounds, a
 * smoke check of the harness, not a result. {@code -Dvigia.bench.data=DIR} is where the built data
 * sets are cached ({@code src/test/target/bench-data} by default); {@code
 * -Dvigia.bench.serveJvmArgs="..."} adds options to the {@code vigia serve} JVM, e.g. a
 * {@code -XX:StartFlightRecording=...} to profile it.
 */
final class EqualTermsQueryMeasurement implements Measurement {
    private static final Logger LOG = LoggerFactory.getLogger(EqualTermsQueryMeasurement.class);

    @Override
    public String area() {
        return "QueryVsPrometheus: equal terms";
    }

    @Override
    public String run() throws Exception {
        boolean quick = Boolean.getBoolean("vigia.bench.quick");
        FleetData data = quick ? FleetData.smoke() : FleetData.week();
        int warmup = quick ? 1 : 5;
        int measured = quick ? 3 : 15;
        String loadBefore = loadAverage();
        FleetDataCache.Prepared prepared = FleetDataCache.prepare(data, cacheRoot());
        List<FleetQuery> queries = FleetQuery.dashboard();
        FleetQuery.Window window = FleetQuery.Window.over(data);
        List<String> serveJvmOptions = serveJvmOptions();
        try (EqualTermsServers servers = EqualTermsServers.start(prepared, serveJvmOptions)) {
            String loadStart = loadAverage();
            double agreement = checkSameAnswers(servers, queries, window);
            double[][][] ms = rounds(servers, queries, window, warmup, measured);
            EqualTermsTable.Memory memory = memory(servers);
            String loadEnd = loadAverage();
            return new EqualTermsTable(prepared, queries, window, ms, memory).markdown(new EqualTermsTable.Conditions(
                    quick, warmup, measured, loadBefore, loadStart, loadEnd, agreement,
                    servers.toPrometheus().buildInfo(CancellationToken.NONE).version(), Runtime.version().toString(),
                    serveJvmOptions));
        }
    }

    /** Every contestant must give the same answer as Prometheus, or the timings compare different work. */
    private static double checkSameAnswers(EqualTermsServers s, List<FleetQuery> queries, FleetQuery.Window w) {
        double worst = 0;
        for (FleetQuery q : queries) {
            QueryResult expected = s.toPrometheus().queryRange(q.expr(), w.start(), w.end(), w.step()).result();
            QueryResult served = s.toServe().queryRange(q.expr(), w.start(), w.end(), w.step()).result();
            QueryResult local = s.inProcess().queryRange(q.expr(), w.start(), w.end(), w.step()).result();
            worst = Math.max(worst, MatrixComparison.check(q.name() + " (vigia serve)", expected, served));
            worst = Math.max(worst, MatrixComparison.check(q.name() + " (in-process engine)", expected, local));
            LOG.info("{}: {} series, the same from all three", q.name(), ((QueryResult.Matrix) expected).series().size());
        }
        return worst;
    }

    /** @return milliseconds by probe, query and measured round */
    private static double[][][] rounds(EqualTermsServers s, List<FleetQuery> queries, FleetQuery.Window w, int warmup, int measured)
            throws IOException, InterruptedException {
        QueryProbe[] probes = QueryProbe.values();
        double[][][] ms = new double[probes.length][queries.size()][measured];
        for (int r = 0; r < warmup + measured; r++) {
            long t0 = System.nanoTime();
            for (int q = 0; q < queries.size(); q++) {
                for (int k = 0; k < probes.length; k++) {
                    QueryProbe probe = probes[(k + r + q) % probes.length];
                    double v = probe.measure(s, queries.get(q), w);
                    if (r >= warmup) {
                        ms[probe.ordinal()][q][r - warmup] = v;
                    }
                }
            }
            LOG.info("Round {} of {} ({}) in {} s", r + 1, warmup + measured, r < warmup ? "warm-up" : "measured",
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        }
        return ms;
    }

    /** Both servers after the query set: what Linux counts, then what each runtime says of its heap. */
    private static EqualTermsTable.Memory memory(EqualTermsServers s) throws Exception {
        ProcessMemory prometheus = ProcessMemory.of(s.prometheus().pid());
        ProcessMemory serve = ProcessMemory.of(s.serve().pid());
        // client_golang's Go collector: bytes in heap spans in use (runtime.MemStats.HeapInuse)
        double goHeapInUse = ServerMetrics.scrape(s.prometheus().url()).value("go_memstats_heap_inuse_bytes");
        ProcessMemory.JvmHeap heap = ProcessMemory.jvmHeap(s.serve().pid(), false);
        ProcessMemory.JvmHeap live = ProcessMemory.jvmHeap(s.serve().pid(), true);
        return new EqualTermsTable.Memory(prometheus, serve, (long) (goHeapInUse / 1024), heap, live);
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("vigia.bench.data", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("vigia.project.dir", "."), "src", "test", "target", "bench-data");
    }

    private static List<String> serveJvmOptions() {
        String options = System.getProperty("vigia.bench.serveJvmArgs", "").trim();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
