package io.vigia.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class ExternalConditionsTest {
    private final String sharedBefore = System.getProperty("vigia.shared.dir");

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty("vigia.external.strict");
        if (sharedBefore == null) {
            System.clearProperty("vigia.shared.dir");
        } else {
            System.setProperty("vigia.shared.dir", sharedBefore);
        }
    }

    /** Run only through the test kit below, never on its own (its name does not end in Test). */
    static class NeedsThings {
        @org.junit.jupiter.api.Test
        @NeedsSharedCorpus("corpus/nowhere")
        void corpus() {
        }

        @org.junit.jupiter.api.Test
        @NeedsProgram("vigia-no-such-program-4f1c")
        void program() {
        }

        @org.junit.jupiter.api.Test
        @NeedsProgram("sh")
        void installedProgram() {
        }

        @org.junit.jupiter.api.Test
        void aborted() {
            SharedCorpus.assume("corpus/nowhere");
        }
    }

    private Events run() {
        System.setProperty("vigia.shared.dir", dir.toString());
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsThings.class)).execute().testEvents();
    }

    @Test
    void aMissingCorpusOrProgramSkipsSayingWhatIsMissingAndHowToGetIt() {
        // off CI's strictness, which the property overrides: this build may itself run with CI=true
        System.setProperty("vigia.external.strict", "false");
        Events events = run();
        assertThat(events.skipped().count()).isEqualTo(2);
        assertThat(events.succeeded().count()).isEqualTo(1);
        assertThat(events.aborted().count()).isEqualTo(1);
        assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElseThrow()))
                .anySatisfy(r -> assertThat(r).startsWith("shared corpus absent: corpus/nowhere not found in " + dir)
                        .contains("-Dvigia.shared.dir=DIR"))
                .anySatisfy(r -> assertThat(r).startsWith("vigia-no-such-program-4f1c not installed: "));
    }

    @Test
    void underCiAMissingCorpusOrProgramFailsWithTheSameMessage() {
        System.setProperty("vigia.external.strict", "true");
        Events events = run();
        assertThat(events.skipped().count()).isZero();
        assertThat(events.aborted().count()).isZero();
        assertThat(events.failed().count()).isEqualTo(3);
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow().getMessage()))
                .anySatisfy(m -> assertThat(m).contains("shared corpus absent: corpus/nowhere not found"))
                .anySatisfy(m -> assertThat(m).contains("vigia-no-such-program-4f1c not installed"));
    }

    @Test
    void aKnownProgramSaysWhichPackageBringsIt() {
        assertThat(Programs.notInstalled("prometheus")).isEqualTo(
                "prometheus not installed: no executable 'prometheus' on the PATH (on Debian/Ubuntu: apt-get install prometheus)");
        assertThat(External.category(Programs.notInstalled("pdftotext"))).contains("pdftotext not installed");
        assertThat(External.category("some other reason")).isEmpty();
    }

    @Test
    void theSummaryAddsUpThisBuildsFilesAndIgnoresOlderOnes() throws Exception {
        Instant start = Instant.parse("2026-12-06T20:00:00Z");
        Files.writeString(dir.resolve("datasources.tsv"), "shared corpus absent\t290\nprometheus not installed\t2\n");
        Files.writeString(dir.resolve("src_test.tsv"), "prometheus not installed\t20\n");
        Files.writeString(dir.resolve("old.tsv"), "shared corpus absent\t1000\n");
        Files.setLastModifiedTime(dir.resolve("old.tsv"), FileTime.from(start.minusSeconds(3600)));
        for (String f : new String[] {"datasources.tsv", "src_test.tsv"}) {
            Files.setLastModifiedTime(dir.resolve(f), FileTime.from(start.plusSeconds(60)));
        }
        assertThat(ExternalSkipSummary.summary(dir, start))
                .isEqualTo("external: 312 tests skipped (shared corpus absent: 290; prometheus not installed: 22)");
        assertThat(ExternalSkipSummary.summary(dir.resolve("none"), start))
                .isEqualTo("external: no test skipped for a missing corpus or program");
    }
}
