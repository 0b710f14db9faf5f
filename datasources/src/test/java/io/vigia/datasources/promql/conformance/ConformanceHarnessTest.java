package io.vigia.datasources.promql.conformance;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The promqltest harness itself: start-timestamp lines, a script it cannot read, the allow-list. */
class ConformanceHarnessTest {
    @TempDir
    Path dir;

    @Test
    void anStLineGivesTheNextSeriesStartOffsets() {
        List<TestScript.Command> cmds = TestScript.parse("""
                load 1m
                    c{type="a"}@st  _ -30s-1mx2 0 _x2
                    c{type="a"}     _ 0+60x5
                """);
        TestScript.SeriesLine s = ((TestScript.Load) cmds.get(0)).series().get(0);
        assertThat(s.startOffsets()).extracting(TestScript.Point::omitted)
                .containsExactly(true, false, false, false, false, true, true);
        assertThat(s.startOffsets().subList(1, 5)).extracting(TestScript.Point::value)
                .containsExactly(-30_000.0, -90_000.0, -150_000.0, 0.0);
    }

    @Test
    void anStLineWithoutItsSampleLineIsRefusedWithTheLine() {
        assertThatThrownBy(() -> TestScript.parse("load 1m\n    c@st 1m 2m\n    d 1 2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: @st metric does not match the following sample line metric");
    }

    @Test
    void anUnreadableScriptFailsAloneSayingWhy() throws Throwable {
        Path good = Files.writeString(dir.resolve("good.test"), "load 1m\n  m 1 2 3\n\neval instant at 2m m\n  m 3\n");
        Path bad = Files.writeString(dir.resolve("bad.test"), "load 1m\n  m 1 2\n\nfrobnicate everything\n");
        ConformanceSummary summary = new ConformanceSummary();

        DynamicNode badNode = PromqlConformanceTest.fileNode(summary, "x", bad);
        DynamicNode goodNode = PromqlConformanceTest.fileNode(summary, "x", good);

        assertThat(badNode).isInstanceOf(DynamicTest.class);
        assertThatThrownBy(() -> ((DynamicTest) badNode).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot read " + bad)
                .hasMessageContaining("line 4: unknown command: frobnicate everything");
        DynamicContainer container = (DynamicContainer) goodNode;
        List<? extends DynamicNode> cases = container.getChildren().toList();
        assertThat(cases).hasSize(1);
        ((DynamicTest) cases.get(0)).getExecutable().execute();
        assertThat(summary.file("x", "bad.test").failed).isEqualTo(1);
        assertThat(summary.file("x", "good.test").passed).isEqualTo(1);
        assertThat(summary.write(dir.resolve("summary.json")))
                .contains("promqltest x: 2 files (1 without failures), 1 passed, 1 failed, 0 skipped");
    }

    @Test
    void theAllowListNamesScripts() throws Exception {
        assertThat(PromqlConformanceTest.allowList()).isNotEmpty().allMatch(n -> n.endsWith(".test"))
                .doesNotHaveDuplicates();
    }
}
