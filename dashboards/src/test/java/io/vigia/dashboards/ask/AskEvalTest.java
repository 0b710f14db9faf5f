package io.vigia.dashboards.ask;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the offline planner on the evaluation set (ask-eval.json) over the demo workspace and
 * prints {@code ask-eval: N/M plans right}; fails under 90 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskEvalTest {
    static final double GOAL = 0.90;

    DemoAsk demo;

    @BeforeAll
    void loadDemo(@TempDir Path dir) {
        demo = new DemoAsk(dir);
    }

    @AfterAll
    void close() {
        demo.close();
    }

    @Test
    void offlinePlannerGetsAtLeastNinetyPercentOfTheEvaluationSetRight() throws Exception {
        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("ask-eval.json")) {
            set = JsonMapper.builder().build().readTree(in);
        }
        OfflinePlanner planner = new OfflinePlanner(new MiniLmEmbedder());
        int right = 0;
        int total = 0;
        StringBuilder wrong = new StringBuilder();
        for (JsonNode q : set.get("questions")) {
            total++;
            String question = q.get("question").asString();
            AskPlan plan = planner.plan(question, demo.context);
            List<String> diff = EvalScorer.differences(q.get("expect"), PlanJson.tree(plan, demo.context), demo.context);
            if (diff.isEmpty()) {
                right++;
            } else {
                wrong.append("  ").append(question).append(" -> ").append(String.join("; ", diff)).append('\n');
            }
        }
        // printed for mvn verify's log: the score, and each plan that was wrong
        System.out.println("ask-eval: " + right + "/" + total + " plans right");
        System.out.print(wrong);
        assertThat(total).isGreaterThanOrEqualTo(80);
        assertThat((double) right / total).as("share of plans right").isGreaterThanOrEqualTo(GOAL);
    }
}
