package io.vigia.e2e;

import io.vigia.app.cli.VigiaCommand;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The process {@link SigkillE2ETest} kills: it runs the real CLI commands ({@code vigia import
 * guardrail-log} and {@code vigia dashboard import}, through {@link VigiaCommand#run}, each opening
 * and closing the workspace as the launcher does) one after the other in one JVM, so one JVM
 * start serves one kill. It reports on standard output, one line each:
 * {@code @@ready}, {@code @@begin N KIND}, {@code @@committed N KIND} once the command returned 0
 * (the transaction is committed then), {@code @@failed N KIND EXIT}, {@code @@done}.
 *
 * <p>Operation N (N counts on across runs, so every operation writes something new): even N
 * imports {@value #EVENTS} guardrail decisions with request ids {@code bN-0 ..}; odd N edits
 * dashboard {@code crash-(N/2 mod 3)}, setting its title to {@code edit N}.
 */
public final class CrashLoopWorker {
    static final int EVENTS = 200;
    static final int DASHBOARDS = 3;
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private CrashLoopWorker() {
    }

    /** {@code WORKSPACE WORKDIR FIRST_OP COUNT} */
    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        say("@@ready");
        for (int n = first; n < first + count; n++) {
            boolean isImport = n % 2 == 0;
            String kind = isImport ? "import" : "dashboard";
            Path file = isImport
                    ? FaultFiles.guardrailLog(work.resolve("b" + n + ".jsonl"), "b" + n, EVENTS, START.plusSeconds(3600L * n))
                    : FaultFiles.dashboard(work.resolve("d" + n + ".json"), dashboardUid(n), "edit " + n);
            say("@@begin " + n + " " + kind);
            int exit = isImport
                    ? VigiaCommand.run("--workspace", ws.toString(), "import", "guardrail-log", file.toString())
                    : VigiaCommand.run("--workspace", ws.toString(), "dashboard", "import", file.toString());
            if (exit != 0) {
                say("@@failed " + n + " " + kind + " " + exit);
                System.exit(1);
            }
            say("@@committed " + n + " " + kind);
        }
        say("@@done");
    }

    static String dashboardUid(int op) {
        return "crash-" + (op / 2) % DASHBOARDS;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
