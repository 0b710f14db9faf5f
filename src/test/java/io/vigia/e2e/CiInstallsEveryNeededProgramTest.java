package io.vigia.e2e;

import io.vigia.testsupport.Programs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule for every test that needs a program: it says so with {@code @NeedsProgram}, the program's
 * Debian package is known, and {@code .ci/run} installs it, so CI never skips (or fails) for it.
 */
class CiInstallsEveryNeededProgramTest {
    private static final Pattern NEEDS = Pattern.compile("@NeedsProgram\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");

    @Test
    void everyProgramATestNeedsIsInstalledByCi() throws IOException {
        Path root = Path.of(System.getProperty("vigia.project.dir"));
        Set<String> programs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/")
                    && !p.toString().contains("/target/")
                    && !p.toString().contains("/test-support/")).toList()) { // its own tests name made-up programs
                Matcher m = NEEDS.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher n = NAME.matcher(m.group(1));
                    while (n.find()) {
                        programs.add(n.group(1));
                    }
                }
            }
        }
        assertThat(programs).contains("prometheus", "promtool", "pdftotext");
        String ci = Files.readString(root.resolve(".ci/run"));
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            String pkg = Programs.debianPackage(program).orElse(null);
            if (pkg == null || !ci.contains(pkg)) {
                missing.add(program + (pkg == null ? " (no known Debian package: add it to Programs)" : " (package " + pkg + ")"));
            }
        }
        assertThat(missing).as(".ci/run must install every program a test needs").isEmpty();
    }
}
