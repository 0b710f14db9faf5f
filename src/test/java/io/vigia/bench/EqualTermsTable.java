package io.vigia.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Markdown of {@link EqualTermsQueryMeasurement}: speed over HTTP, the engines alone, memory, conditions. */
record EqualTermsTable(FleetDataCache.Prepared data, List<FleetQuery> queries, FleetQuery.Window window,
                       double[][][] ms, Memory memory) {

    /** Both servers' memory after the query set, KiB. */
    record Memory(ProcessMemory prometheus, ProcessMemory serve, long goHeapInUseKib, ProcessMemory.JvmHeap jvmHeap,
                  ProcessMemory.JvmHeap jvmLiveHeap) {
    }

    /** How the run went: rounds, machine load ({@code uptime}'s three averages), versions, agreement of answers. */
    record Conditions(boolean quick, int warmup, int measured, String loadBeforeBuild, String loadStart, String loadEnd,
                      double agreement, String prometheusVersion, String javaVersion, List<String> serveJvmOptions) {
        /** How the {@code vigia serve} JVM was started, as the table says it. */
        String serveOptions() {
            return serveJvmOptions.isEmpty() ? "default JVM options, no -Xmx" : "JVM options " + String.join(" ", serveJvmOptions);
        }
    }

    String markdown(Conditions c) {
        StringBuilder sb = new StringBuilder();
        if (c.quick()) {
            sb.append("**Quick smoke run** (a day of 200 series, few rounds): checks the harness, not a result.\n\n");
        }
        sb.append(String.format(Locale.ROOT, "%,d samples (%,d series × %,d: %d day%s at 15 s), %d range queries of %,d steps "
                        + "every %d s; median of %d measured rounds after %d warm-up round%s, (min–max) beside it, milliseconds.%n%n",
                data.data().samples(), data.data().series(), data.data().samplesPerSeries(), data.data().days(),
                data.data().days() == 1 ? "" : "s", queries.size(), FleetQuery.STEPS, window.step().toSeconds(),
                c.measured(), c.warmup(), c.warmup() == 1 ? "" : "s"));
        sb.append("(a) Over HTTP, one client for both (Vigia's `PrometheusClient`: OkHttp with gzip, the same JSON decoding), "
                + "each server a separate process on loopback. Goal: vigia serve ≤ 1.0× Prometheus (stretch 0.5×).\n\n");
        sb.append("| query | Prometheus over HTTP | vigia serve over HTTP | serve ÷ Prometheus |\n|---|---:|---:|---:|\n");
        for (int q = 0; q < queries.size(); q++) {
            sb.append("| ").append(queries.get(q).name()).append(" | ").append(cell(QueryProbe.PROMETHEUS_HTTP, q)).append(" | ")
                    .append(cell(QueryProbe.SERVE_HTTP, q)).append(" | ")
                    .append(ratio(QueryProbe.SERVE_HTTP, QueryProbe.PROMETHEUS_HTTP, q)).append(" |\n");
        }
        sb.append("| geometric mean |  |  | ").append(geometricMean(QueryProbe.SERVE_HTTP, QueryProbe.PROMETHEUS_HTTP)).append(" |\n\n");
        sb.append("(b) The engines alone: the evaluation time each server reports (`stats=true`: `data.stats.timings.evalTotalTime`), "
                + "and Vigia's engine called in the benchmark's JVM.\n\n");
        sb.append("| query | Prometheus evalTotalTime | vigia serve evalTotalTime | serve ÷ Prometheus | Vigia engine in-process "
                + "| in-process ÷ Prometheus |\n|---|---:|---:|---:|---:|---:|\n");
        for (int q = 0; q < queries.size(); q++) {
            sb.append("| ").append(queries.get(q).name()).append(" | ").append(cell(QueryProbe.PROMETHEUS_EVAL, q)).append(" | ")
                    .append(cell(QueryProbe.SERVE_EVAL, q)).append(" | ")
                    .append(ratio(QueryProbe.SERVE_EVAL, QueryProbe.PROMETHEUS_EVAL, q)).append(" | ")
                    .append(cell(QueryProbe.ENGINE_IN_PROCESS, q)).append(" | ")
                    .append(ratio(QueryProbe.ENGINE_IN_PROCESS, QueryProbe.PROMETHEUS_EVAL, q)).append(" |\n");
        }
        sb.append("| geometric mean |  |  | ").append(geometricMean(QueryProbe.SERVE_EVAL, QueryProbe.PROMETHEUS_EVAL))
                .append(" |  | ").append(geometricMean(QueryProbe.ENGINE_IN_PROCESS, QueryProbe.PROMETHEUS_EVAL)).append(" |\n\n");
        sb.append(memoryTable()).append('\n');
        sb.append(String.format(Locale.ROOT, """
                        Queries: %s. Data: Prometheus %s TSDB %s (promtool backfill, then compacted by Prometheus itself); \
                        Vigia workspace %s (the same file imported by `OpenMetricsImporter`). The answers agree (largest \
                        relative difference %.1e). Load averages (1, 5, 15 min): %s before the data was prepared, %s when the \
                        servers were up, %s at the end. Java %s for vigia serve (%s) and the client.
                        """, queryList(), c.prometheusVersion(), bytes(data.tsdbBytes()), bytes(data.workspaceBytes()),
                c.agreement(), c.loadBeforeBuild(), c.loadStart(), c.loadEnd(), c.javaVersion(), c.serveOptions()));
        return sb.toString();
    }

    private String memoryTable() {
        Memory m = memory;
        return "Memory after the query set (`/proc/PID/status`; heap from each runtime):\n\n"
                + "| server | VmRSS | VmHWM (peak) | RssAnon | RssFile | heap in use | live heap after a full GC |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                + "| Prometheus | " + kib(m.prometheus().rssKib()) + " | " + kib(m.prometheus().peakRssKib()) + " | "
                + kib(m.prometheus().anonKib()) + " | " + kib(m.prometheus().fileKib()) + " | " + kib(m.goHeapInUseKib())
                + " (Go, `go_memstats_heap_inuse_bytes`) | n/a |\n"
                + "| vigia serve | " + kib(m.serve().rssKib()) + " | " + kib(m.serve().peakRssKib()) + " | "
                + kib(m.serve().anonKib()) + " | " + kib(m.serve().fileKib()) + " | " + kib(m.jvmHeap().usedKib())
                + " of " + kib(m.jvmHeap().committedKib()) + " committed (JVM, `jcmd GC.heap_info`) | "
                + kib(m.jvmLiveHeap().usedKib()) + " |\n";
    }

    private String queryList() {
        StringBuilder sb = new StringBuilder();
        for (FleetQuery q : queries) {
            sb.append(sb.isEmpty() ? "" : "; ").append(q.name()).append(" `").append(q.expr().replace("|", "\\|")).append('`');
        }
        return sb.toString();
    }

    private String cell(QueryProbe p, int q) {
        double[] v = ms[p.ordinal()][q];
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", median(v), Arrays.stream(v).min().orElseThrow(),
                Arrays.stream(v).max().orElseThrow());
    }

    private String ratio(QueryProbe p, QueryProbe baseline, int q) {
        return String.format(Locale.ROOT, "%.2f×", median(ms[p.ordinal()][q]) / median(ms[baseline.ordinal()][q]));
    }

    private String geometricMean(QueryProbe p, QueryProbe baseline) {
        double logSum = 0;
        for (int q = 0; q < queries.size(); q++) {
            logSum += Math.log(median(ms[p.ordinal()][q]) / median(ms[baseline.ordinal()][q]));
        }
        return String.format(Locale.ROOT, "**%.2f×**", Math.exp(logSum / queries.size()));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String kib(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    private static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
