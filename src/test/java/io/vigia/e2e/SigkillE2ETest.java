package io.vigia.e2e;

import io.vigia.dashboards.grafana.GrafanaImporter;
import io.vigia.persistence.workspace.DashboardRepository;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL during imports and dashboard edits, 100 times, on one workspace: each round starts
 * {@link CrashLoopWorker} (the real CLI commands in a fresh JVM), waits until it is ready plus a
 * random delay (seeded, so a run can be repeated), kills it with SIGKILL, and then opens the
 * workspace: {@code PRAGMA integrity_check} must say ok, every import and edit the worker reported
 * committed must be there, the one it was in the middle of is there entirely or not at all, and
 * every dashboard is a readable document. The kill points (delays and what the worker was doing)
 * and the times are printed for docs/reliability.md.
 *
 * <p>{@code -Dvigia.faults.kills=N} and {@code -Dvigia.faults.seed=S} change the count and seed.
 */
class SigkillE2ETest {
    private static final int KILLS = Integer.getInteger("vigia.faults.kills", 100);
    private static final long SEED = Long.getLong("vigia.faults.seed", 20261123L);
    /**
     * Kill between 0 and this many ms after the worker said it is ready, or longer where this
     * machine needs longer to reach its first commit (see {@link #msFromReadyToFirstCommit}).
     */
    private static final int MAX_DELAY_MS = 1500;
    private static final int OPS_PER_RUN = 10_000;

    @TempDir
    Path dir;

    @Test
    void killedHundredTimesDuringImportsAndEditsTheWorkspaceAlwaysOpensIntactWithEveryCommitKept() throws Exception {
        Path ws = dir.resolve("ws.vigia");
        Path work = Files.createDirectory(dir.resolve("inputs"));
        SplittableRandom random = new SplittableRandom(SEED);
        int nextOp = 0;
        List<Integer> committedImports = new ArrayList<>();
        Map<String, Integer> lastCommittedEdit = new HashMap<>();
        Map<String, Integer> committedEdits = new HashMap<>();
        Map<String, Integer> begunEdits = new HashMap<>();
        Map<String, Integer> stages = new TreeMap<>();
        int inFlightKept = 0;
        int inFlightLost = 0;
        List<String> killLog = new ArrayList<>();
        long t0 = System.nanoTime();
        long checkNanos = 0;

        // on a loaded machine the worker's JVM takes longer to reach its first commit: kills spread over
        // twice that time still land inside imports and edits, as they do at 1.5 s on a quiet one
        int maxDelay = Math.max(MAX_DELAY_MS, 2 * msFromReadyToFirstCommit(dir.resolve("calibration.vigia"), work));
        for (int k = 0; k < KILLS; k++) {
            int delay = random.nextInt(maxDelay + 1);
            Run run = runAndKill(ws, work, nextOp, delay);
            assertThat(run.lines).as("round %d: the worker must be killed while working, not finish or fail: %s", k, run.lines)
                    .noneMatch(l -> l.startsWith("@@done") || l.startsWith("@@failed"));
            int begun = -1;
            for (String l : run.lines) {
                String[] f = l.split(" ");
                if (f[0].equals("@@begin")) {
                    begun = Integer.parseInt(f[1]);
                    if (f[2].equals("dashboard")) {
                        begunEdits.merge(CrashLoopWorker.dashboardUid(begun), 1, Integer::sum);
                    }
                } else if (f[0].equals("@@committed")) {
                    int op = Integer.parseInt(f[1]);
                    if (f[2].equals("import")) {
                        committedImports.add(op);
                    } else {
                        lastCommittedEdit.put(CrashLoopWorker.dashboardUid(op), op);
                        committedEdits.merge(CrashLoopWorker.dashboardUid(op), 1, Integer::sum);
                    }
                }
            }
            String stage = stage(run.lastLine);
            stages.merge(stage, 1, Integer::sum);
            killLog.add(delay + "ms:" + stage);

            long c0 = System.nanoTime();
            try (Workspace w = Workspace.open(ws)) {
                assertThat(w.integrityCheck()).as("round %d (killed %d ms after ready, %s)", k, delay, stage).isEqualTo("ok");
                Map<Integer, Integer> events = eventsPerBatch(w);
                for (int op : committedImports) {
                    assertThat(events.get(op)).as("round %d: import %d was reported committed", k, op).isEqualTo(CrashLoopWorker.EVENTS);
                }
                boolean unreportedImport = begun >= 0 && begun % 2 == 0 && !committedImports.contains(begun);
                if (unreportedImport) {
                    Integer n = events.get(begun);
                    assertThat(n == null ? 0 : n).as("round %d: the import in flight is all or nothing", k)
                            .isIn(0, CrashLoopWorker.EVENTS);
                    if (n != null) {
                        committedImports.add(begun); // committed just before the kill, not yet reported
                        inFlightKept++;
                    } else {
                        inFlightLost++;
                    }
                }
                int lastBegun = Math.max(nextOp - 1, begun);
                assertThat(events.keySet()).as("round %d: no batch that was never begun", k).allMatch(b -> b <= lastBegun);
                DashboardRepository dashboards = new DashboardRepository(w);
                for (StoredDashboard d : dashboards.list()) {
                    int edit = Integer.parseInt(d.title().substring("edit ".length()));
                    assertThat(edit).as("round %d: %s holds at least its last committed edit", k, d.uid())
                            .isGreaterThanOrEqualTo(lastCommittedEdit.getOrDefault(d.uid(), -1));
                    assertThat(d.version()).as("round %d: versions of %s", k, d.uid())
                            .isBetween((long) committedEdits.getOrDefault(d.uid(), 0), (long) begunEdits.getOrDefault(d.uid(), 0));
                    assertThat(GrafanaImporter.read(d.document()).dashboard().title()).isEqualTo(d.title());
                    if (edit > lastCommittedEdit.getOrDefault(d.uid(), -1)) {
                        lastCommittedEdit.put(d.uid(), edit); // the edit in flight had committed
                        committedEdits.merge(d.uid(), 1, Integer::sum);
                    }
                }
                assertThat(dashboards.list().stream().map(StoredDashboard::uid).toList())
                        .containsAll(lastCommittedEdit.keySet());
            }
            checkNanos += System.nanoTime() - c0;
            nextOp = Math.max(nextOp, begun + 1);
        }
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long events;
        try (Workspace w = Workspace.open(ws)) {
            events = eventsPerBatch(w).values().stream().mapToLong(Integer::longValue).sum();
        }
        System.out.printf("FAULT SIGKILL x%d (seed %d): %d ms in all (%d ms checking), %d operations begun, %d imports "
                        + "(%d guardrail events) and %d dashboard edits committed; in-flight import found committed %d, absent %d; "
                        + "workspace %d KiB; worker stage at the kill %s%nFAULT kill points: %s%n",
                KILLS, SEED, totalMs, TimeUnit.NANOSECONDS.toMillis(checkNanos), nextOp, committedImports.size(), events,
                committedEdits.values().stream().mapToInt(Integer::intValue).sum(), inFlightKept, inFlightLost,
                Files.size(ws) / 1024, stages, String.join(" ", killLog));
        assertThat(committedImports).as("work was committed between the kills").isNotEmpty();
        assertThat(stages).as("kills landed inside imports and inside dashboard edits").containsKeys("in-import", "in-dashboard");
    }

    private static String stage(String lastLine) {
        if (lastLine == null) {
            return "starting";
        }
        String[] f = lastLine.split(" ");
        return switch (f[0]) {
            case "@@ready" -> "before-first-op";
            case "@@begin" -> "in-" + f[2];
            case "@@committed" -> "after-" + f[2];
            default -> "other";
        };
    }

    /** Guardrail events per import batch (request ids {@code bN-i}). */
    private static Map<Integer, Integer> eventsPerBatch(Workspace w) {
        return w.read(c -> {
            Map<Integer, Integer> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT substr(request_id, 2, instr(request_id, '-') - 2), count(*) "
                    + "FROM guardrail_events GROUP BY 1"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(Integer.parseInt(rs.getString(1)), rs.getInt(2));
                }
            }
            return out;
        });
    }

    record Run(List<String> lines, String lastLine) {
    }

    /** How long a worker takes from ready to its first committed operation on this machine, now (in its own workspace). */
    private static int msFromReadyToFirstCommit(Path ws, Path work) throws Exception {
        Process p = worker(ws, work, 1_000_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long ready = 0;
            for (String l; (l = r.readLine()) != null; ) {
                if (l.equals("@@ready")) {
                    ready = System.nanoTime();
                } else if (l.startsWith("@@committed")) {
                    return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
                } else if (l.startsWith("@@failed")) {
                    throw new AssertionError("the calibration worker failed: " + l);
                }
            }
            throw new AssertionError("the calibration worker ended without committing");
        } finally {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process worker(Path ws, Path work, int first) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), CrashLoopWorker.class.getName(),
                ws.toString(), work.toString(), String.valueOf(first), String.valueOf(OPS_PER_RUN))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Starts the worker at operation {@code first}, kills it {@code delayMs} after it is ready, returns its report lines. */
    private static Run runAndKill(Path ws, Path work, int first, int delayMs) throws Exception {
        Process p = worker(ws, work, first);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.startsWith("@@")) {
                        queue.add(l);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        });
        try {
            String first1 = queue.poll(120, TimeUnit.SECONDS);
            assertThat(first1).as("the worker did not start").isEqualTo("@@ready");
            lines.add(first1);
            Thread.sleep(delayMs);
            p.destroyForcibly(); // SIGKILL on Linux
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(60));
        } finally {
            p.destroyForcibly();
        }
        queue.drainTo(lines);
        return new Run(lines, lines.getLast());
    }
}
