package io.vigia.testsupport;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the tests of this module's run that were skipped for a missing corpus or program and
 * writes the counts to {@code target/external-skips/MODULE.tsv} under the project root, where
 * {@link ExternalSkipSummary} sums them up at the end of the build. Registered through
 * {@code META-INF/services}, so every module whose tests have this jar on the class path reports.
 */
public final class ExternalSkipListener implements TestExecutionListener {
    private final Map<String, Integer> skipped = new TreeMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        External.category(reason).ifPresent(c -> skipped.merge(c, testsUnder(id), Integer::sum));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            result.getThrowable().flatMap(t -> External.category(t.getMessage()))
                    .ifPresent(c -> skipped.merge(c, testsUnder(id), Integer::sum));
        }
    }

    /** A skipped class counts as the tests declared in it (at least one: a factory's tests are not known). */
    private int testsUnder(TestIdentifier id) {
        if (id.isTest() || plan == null) {
            return 1;
        }
        long tests = plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        return (int) Math.max(1, tests);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String projectDir = System.getProperty("vigia.project.dir");
        if (projectDir == null) {
            return; // not run by the build (an IDE): nothing to sum up
        }
        Path root = Path.of(projectDir).toAbsolutePath().normalize();
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        String name = root.equals(module) ? "root" : root.relativize(module).toString().replace('/', '_').replace('\\', '_');
        StringBuilder tsv = new StringBuilder();
        skipped.forEach((category, count) -> tsv.append(category).append('\t').append(count).append('\n'));
        try {
            Path dir = root.resolve("target").resolve("external-skips");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".tsv"), tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the external skips of " + name, e);
        }
    }
}
