package io.vigia.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the CLI on a workspace, with what it printed: the tests' way to call {@code vigia}. */
record CliRun(int exit, String out, String err) {

    static CliRun vigia(Path workspace, String... args) {
        List<String> all = new ArrayList<>();
        if (workspace != null) {
            all.add("--workspace");
            all.add(workspace.toString());
        }
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigiaCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
