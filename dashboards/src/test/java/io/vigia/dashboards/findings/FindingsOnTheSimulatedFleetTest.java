package io.vigia.dashboards.findings;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.simulator.FleetScenario;
import io.vigia.datasources.simulator.FleetScenario.Incident;
import io.vigia.datasources.simulator.FleetScenario.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings on the simulator's story (docs/telemetry.md): the payments p95 regression (linked
 * to payments 2.14.0), the prompt-injection campaign and the drift episode are found, and nothing
 * else is, except the SAST rate the model change really raised; the same with the incidents moved
 * and resized for seeds 1 to 5; and a month without incidents gives no finding at all.
 */
class FindingsOnTheSimulatedFleetTest {
    private static final Logger LOG = LoggerFactory.getLogger(FindingsOnTheSimulatedFleetTest.class);
    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final int DAYS = 30;

    @TempDir
    Path dir;

    @Test
    void theDemoStoryIsFoundWithItsCausesAndNothingElse() {
        check(42, Story.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void incidentsMovedInTimeAndSizeAreFoundForEverySeed(long seed) {
        int s = (int) seed;
        // every incident at least 2 weeks after the data starts, so that its band has 2 earlier weeks
        Story story = new Story(
                new Incident(-2 - s % 3, 8 + 2 * s, 30, Duration.ofHours(20 + 6 * s), 1.8 + 0.2 * s),
                new Incident(-15 + s, (5 * s) % 24, 0, Duration.ofHours(8 + 4 * s), 0.4 + 0.2 * s),
                new Incident(-9 + s % 2, 3 * s, 0, Duration.ofHours(30 + 8 * s), 1.5 + 0.2 * s),
                true);
        check(seed, story);
    }

    @Test
    void aMonthWithoutIncidentsGivesNoFinding() {
        try (SimulatedFleet f = new SimulatedFleet(dir, 7, END, DAYS, Story.QUIET)) {
            TimeRange lastWeek = new TimeRange(END.minus(Duration.ofDays(7)), END);
            TimeRange all = new TimeRange(f.start, END);
            List<ChangeEvent> events = ChangeEvents.load(f.source, null, all, FindingsEngine.DEFAULT_STEP);
            assertThat(FindingsEngine.withDefaults(f.source, null, ZoneOffset.UTC).find(lastWeek, events)).isEmpty();
            assertThat(FindingsEngine.withDefaults(f.source, null, ZoneOffset.UTC).find(all, events))
                    .as("no finding in the whole month either").isEmpty();
            assertThat(events).as("the routine deploys are still there").isNotEmpty()
                    .noneMatch(e -> e.kind() == ChangeEvent.Kind.MODEL_CHANGE);
        }
    }

    private void check(long seed, Story story) {
        try (SimulatedFleet f = new SimulatedFleet(dir, seed, END, DAYS, story)) {
            TimeRange range = new TimeRange(f.start, END);
            long t0 = System.nanoTime();
            List<ChangeEvent> events = ChangeEvents.load(f.source, null, range, FindingsEngine.DEFAULT_STEP);
            List<Finding> findings = FindingsEngine.withDefaults(f.source, null, ZoneOffset.UTC).find(range, events);
            LOG.info("seed {}: {} findings in {} ms", seed, findings.size(), (System.nanoTime() - t0) / 1_000_000);
            findings.forEach(x -> LOG.info("  {} {} {}", x.severity(), (int) x.score(), x.explanation()));
            FleetScenario sc = f.scenario;

            Finding regression = one(findings, "anomaly:latency-p95", "payments",
                    sc.regressionDeploy().timeMillis(), sc.fixDeploy().timeMillis());
            assertThat(regression.causes()).isNotEmpty();
            ChangeEvent cause = regression.causes().getFirst().event();
            assertThat(cause.kind()).isEqualTo(ChangeEvent.Kind.DEPLOY);
            assertThat(cause.subject()).isEqualTo("payments");
            assertThat(cause.to()).isEqualTo("2.14.0");
            assertThat(cause.from()).isEqualTo("2.13.0");
            assertThat(regression.explanation()).contains("payments p95 latency above its usual band since", "payments 2.14.0");
            assertThat(regression.link().dashboardUid()).isEqualTo("service-latency");
            assertThat(regression.evidence()).isInstanceOf(Evidence.SeriesBand.class);

            one(findings, "anomaly:guardrail-blocks", "prompt_injection", sc.injectionCampaign().startMillis(),
                    sc.injectionCampaign().endMillis());
            one(findings, "anomaly:feature-mean", "prompt_tokens", sc.driftEpisode().startMillis(), sc.driftEpisode().endMillis());

            List<Finding> unexplained = new ArrayList<>();
            for (Finding x : findings) {
                if (!explainedByTheStory(x, sc)) {
                    unexplained.add(x);
                }
            }
            assertThat(unexplained).as("false alarms").isEmpty();
        }
    }

    /** The single finding of a rule and series that overlaps the incident [from, to). */
    private static Finding one(List<Finding> findings, String rule, String series, long from, long to) {
        List<Finding> matching = findings.stream().filter(x -> x.ruleId().equals(rule) && x.title().startsWith(series + " ")
                && overlaps(x, from, to)).toList();
        assertThat(matching).as(rule + " " + series + " during " + Instant.ofEpochMilli(from) + ".." + Instant.ofEpochMilli(to))
                .hasSize(1);
        Finding x = matching.getFirst();
        // found within two hours of the start (a 1-hour window needs time to fill)
        assertThat(x.start().toEpochMilli()).isBetween(from - Duration.ofMinutes(20).toMillis(),
                from + Duration.ofHours(2).toMillis());
        return x;
    }

    /** Whether a finding lies within an incident of the story, or the SAST rate the model change raised. */
    private static boolean explainedByTheStory(Finding x, FleetScenario sc) {
        long slack = Duration.ofHours(2).toMillis();
        return switch (x.ruleId()) {
            case "anomaly:latency-p95" -> x.title().startsWith("payments ")
                    && within(x, sc.regressionDeploy().timeMillis(), sc.fixDeploy().timeMillis() + slack);
            case "anomaly:guardrail-blocks" -> x.title().startsWith("prompt_injection ")
                    && within(x, sc.injectionCampaign().startMillis(), sc.injectionCampaign().endMillis() + slack);
            case "anomaly:feature-mean" -> x.title().startsWith("prompt_tokens ")
                    && within(x, sc.driftEpisode().startMillis(), sc.driftEpisode().endMillis() + slack);
            // the new model's extra SAST findings stay above the band until two of the four
            // earlier weeks have them too; the finding names the model change
            case "anomaly:sast-per-1000" -> sc.story().modelChange() && within(x, sc.modelChange().timeMillis(),
                    sc.modelChange().timeMillis() + Duration.ofDays(28).toMillis())
                    && x.causes().stream().anyMatch(c -> c.event().kind() == ChangeEvent.Kind.MODEL_CHANGE);
            default -> false;
        };
    }

    private static boolean overlaps(Finding x, long from, long to) {
        return x.start().toEpochMilli() < to && x.end().toEpochMilli() > from;
    }

    private static boolean within(Finding x, long from, long to) {
        return x.start().toEpochMilli() >= from - Duration.ofMinutes(20).toMillis() && x.end().toEpochMilli() <= to;
    }
}
