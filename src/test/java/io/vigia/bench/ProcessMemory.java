package io.vigia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's memory as Linux counts it ({@code /proc/PID/status}, proc(5)), in KiB: resident
 * now ({@code VmRSS}) and at its peak ({@code VmHWM}), and the resident part split into anonymous
 * memory (heaps, stacks) and file pages mapped in ({@code RssFile}: Prometheus maps its blocks'
 * chunk files, so part of its data counts there).
 */
record ProcessMemory(long rssKib, long peakRssKib, long anonKib, long fileKib) {
    private static final Pattern G1_HEAP = Pattern.compile("garbage-first heap\\s+total reserved \\d+K, committed (\\d+)K, used (\\d+)K");

    static ProcessMemory of(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return new ProcessMemory(field(lines, "VmRSS"), field(lines, "VmHWM"), field(lines, "RssAnon"), field(lines, "RssFile"));
    }

    private static long field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name + ":")) {
                String[] parts = line.substring(name.length() + 1).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalStateException("no " + name + " in /proc/PID/status");
    }

    /** A JVM's heap as its G1 collector reports it, KiB. */
    record JvmHeap(long committedKib, long usedKib) {
    }

    /**
     * {@code jcmd PID GC.heap_info} of another JVM (the JDK running this one has jcmd); with
     * {@code fullGcFirst}, {@code GC.run} before, so that "used" is the live heap.
     */
    static JvmHeap jvmHeap(long pid, boolean fullGcFirst) throws IOException, InterruptedException {
        if (fullGcFirst) {
            jcmd(pid, "GC.run");
        }
        String out = jcmd(pid, "GC.heap_info");
        Matcher m = G1_HEAP.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no G1 heap line:\n" + out);
        }
        return new JvmHeap(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }
}
