package io.vigia.dashboards.ask;

import io.vigia.dashboards.time.TimeRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ask, for the command line and the app's Ctrl+K dialog: a question becomes a plan (shown before
 * anything runs), the plan may be edited ({@link AskPlan#withStep}) or a query opened in Explore
 * ({@link #explore}), and running it gives the answer. With a model configured its plan is used
 * when it has one; else, or when the model fails, the offline planner's (a note says so). Every
 * step goes through the {@link StepGuard}, at planning and again at running. Blocking; call off the
 * FX thread.
 */
public final class AskService {
    private final AskPlanner offline;
    private final AskPlanner model;
    private final AskRunner runner;
    private final StepGuard guard;

    /** @param model the model planner, or null for offline only */
    public AskService(AskPlanner offline, AskPlanner model, AskRunner runner, StepGuard guard) {
        this.offline = offline;
        this.model = model;
        this.runner = runner;
        this.guard = guard;
    }

    public AskPlan plan(String question, AskContext ctx) {
        if (model != null) {
            try {
                AskPlan p = model.plan(question, ctx);
                if (!p.steps().isEmpty()) {
                    return p;
                }
                AskPlan o = offline.plan(question, ctx);
                return withNote(o, p, "the model proposed no step it may take; the offline plan is shown");
            } catch (ModelException e) {
                AskPlan o = offline.plan(question, ctx);
                return withNote(o, null, "the model could not be asked (" + e.getMessage() + "); the offline plan is shown");
            }
        }
        return offline.plan(question, ctx);
    }

    /** The guard's verdict on each step, for the dialog to show before the user runs the plan. */
    public List<Optional<String>> check(AskPlan plan, AskContext ctx) {
        return plan.steps().stream().map(s -> guard.refusal(s, ctx)).toList();
    }

    public AskAnswer run(AskPlan plan, AskContext ctx) {
        return runner.run(plan, ctx);
    }

    /** What Explore needs to open a query step: the expression (macros kept, Explore expands them) and the range. */
    public record ExploreRequest(String expr, AskStep.QueryLanguage language, TimeWindow window, TimeRange range) {
    }

    public static ExploreRequest explore(AskStep.Query q, AskContext ctx) {
        return new ExploreRequest(q.expr(), q.language(), q.range(), StepRanges.resolve(q, ctx));
    }

    private static AskPlan withNote(AskPlan offline, AskPlan fromModel, String note) {
        List<String> notes = new ArrayList<>(offline.notes());
        notes.addFirst(note);
        return new AskPlan(offline.question(), offline.intent(), offline.steps(), notes,
                fromModel == null ? List.of() : fromModel.refused(), offline.planner());
    }
}
