package io.vigia.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's failures; the sync itself is tested on recorded responses in CopilotRecordedResponsesTest. */
class SyncCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigiaCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = dir.resolve("ws.vigia").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cl.execute(all);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void withoutATokenItSaysWhichVariableToSet() {
        String[] r = run("sync", "copilot", "--org", "acme", "--token-env", "VIGIA_TEST_NO_SUCH_VARIABLE");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("$VIGIA_TEST_NO_SUCH_VARIABLE is not set");
    }

    @Test
    void anUnreachableApiIsOneClearLineAndExitOne() {
        // any variable that is set stands in for a token: the request never reaches a server
        String[] r = run("sync", "copilot", "--enterprise", "acme", "--token-env", "PATH", "--api-url", "http://127.0.0.1:9/", "--days", "1");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).startsWith("vigia: cannot reach 127.0.0.1");
    }

    @Test
    void anOrganizationOrAnEnterpriseIsRequired() {
        assertThat(run("sync", "copilot")[0]).isEqualTo("2");
        assertThat(run("sync", "copilot", "--org", "a", "--enterprise", "b")[0]).isEqualTo("2");
    }
}
