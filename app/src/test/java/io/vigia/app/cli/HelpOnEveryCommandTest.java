package io.vigia.app.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigia <command> [<subcommand>] --help} and {@code -h} print that command's usage and exit 0, at every depth. */
class HelpOnEveryCommandTest {

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpAndH() {
        List<List<String>> paths = new ArrayList<>();
        collect(VigiaCommand.newCommandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("commands found").hasSizeGreaterThan(15);
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> {
            List<String> args = new ArrayList<>(path);
            args.add(flag);
            return DynamicTest.dynamicTest("vigia " + String.join(" ", args), () -> {
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertThat(run.exit()).as(run.err()).isZero();
                // picocli's help command prints its one-line header above its usage
                String usage = "Usage: vigia" + (path.isEmpty() ? "" : " " + String.join(" ", path));
                assertThat(run.out()).contains(usage);
                assertThat(run.out().substring(0, run.out().indexOf(usage)).lines().count()).as(run.out()).isLessThan(3);
                assertThat(run.err()).isEmpty();
            });
        }));
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias: the command is visited under its own name
            }
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, out);
        });
    }
}
