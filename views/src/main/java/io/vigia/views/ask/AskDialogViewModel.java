package io.vigia.views.ask;

import io.vigia.dashboards.ask.AnswerChart;
import io.vigia.dashboards.ask.AskAnswer;
import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.AskPlan;
import io.vigia.dashboards.ask.AskService;
import io.vigia.dashboards.ask.AskStep;
import io.vigia.dashboards.ask.StepText;
import io.vigia.dashboards.ask.TimeWindow;
import io.vigia.dashboards.chart.InertText;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State and behaviour of the Ctrl+K Ask dialog, free of controls: a question becomes a plan
 * (its steps with the guard's verdicts, the planner's notes and what it refused), shown before
 * anything runs; running it gives the answer's numbers and queries; a query step opens in Explore
 * and a dashboard answer opens the dashboard. Everything blocking (reading the workspace, loading
 * the sentence model, planning, running) is a task of {@code tasks}; {@code ui} hands progress
 * back to the UI thread. The question and everything from telemetry is kept as inert text.
 */
public final class AskDialogViewModel {
    static final String READING = "Reading what the workspace has…";
    static final String LOADING_MODEL = "Loading the sentence model (the first question that needs it waits a few seconds)…";

    /** What a question is asked against: the default source's service and its context. */
    public record Session(AskService service, AskContext context) {
    }

    /** Opens a session, blocking (off the UI thread): the source, its bindings, services and deploys. */
    @FunctionalInterface
    public interface Sessions {
        Session open() throws Exception;
    }

    /** Where the dialog hands over: Explore for a query, the dashboards page for a dashboard, history for a question. */
    public record Handoffs(Consumer<AskService.ExploreRequest> explore, Consumer<AskAnswer.Dashboard> dashboard,
                           Consumer<String> remember) {
    }

    public enum State { EMPTY, PLANNING, PLANNED, RUNNING, ANSWERED }

    /**
     * A plan step in words, and the guard's reason when it would refuse it ("" when accepted);
     * {@code edit} holds a query step's expression and range as the user may change them (null for
     * other steps).
     */
    public record StepLine(String text, String refusal, QueryEdit edit) {
    }

    /** A query step's editable parts: the expression and the range in the range picker's grammar ({@code now-7d}). */
    public record QueryEdit(String expr, String from, String to) {
    }

    private record Planned(Session session, AskPlan plan, List<StepLine> lines) {
    }

    private record Answered(AskAnswer answer, List<AnswerBlock> blocks, byte[] chart) {
    }

    private final Sessions sessions;
    private final LazyEmbedder embedder;
    private final TaskScope tasks;
    private final Consumer<Runnable> ui;
    private final Handoffs handoffs;

    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty planTitle = new SimpleStringProperty("");
    private final ObservableList<StepLine> steps = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<AnswerBlock> answer = FXCollections.observableArrayList();
    private final ObjectProperty<AskPlan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<AskAnswer> lastAnswer = new SimpleObjectProperty<>();
    private final BooleanProperty canRun = new SimpleBooleanProperty();
    private final BooleanProperty canExplore = new SimpleBooleanProperty();
    private final BooleanProperty canOpenDashboard = new SimpleBooleanProperty();
    private final ObjectProperty<byte[]> chart = new SimpleObjectProperty<>();
    /** Read once per opening of the dialog, so that new deploys and a changed default source are seen. */
    private volatile Session session;
    private Session planned;
    private TaskHandle running;

    public AskDialogViewModel(Sessions sessions, LazyEmbedder embedder, TaskScope tasks, Consumer<Runnable> ui, Handoffs handoffs) {
        this.sessions = sessions;
        this.embedder = embedder;
        this.tasks = tasks;
        this.ui = ui;
        this.handoffs = handoffs;
    }

    public StringProperty questionProperty() {
        return question;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** "Plan (offline, deploy impact)": who planned and what the question was read as. */
    public StringProperty planTitleProperty() {
        return planTitle;
    }

    public ObservableList<StepLine> steps() {
        return steps;
    }

    /** The planner's assumptions, then what it refused and why. */
    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<AnswerBlock> answer() {
        return answer;
    }

    public ObjectProperty<AskPlan> planProperty() {
        return plan;
    }

    public ObjectProperty<AskAnswer> answerProperty() {
        return lastAnswer;
    }

    public BooleanProperty canRunProperty() {
        return canRun;
    }

    public BooleanProperty canExploreProperty() {
        return canExplore;
    }

    public BooleanProperty canOpenDashboardProperty() {
        return canOpenDashboard;
    }

    /** The answer's chart as PNG (the same one {@code vigia ask --chart} writes), null when it has no series to draw. */
    public ObjectProperty<byte[]> chartProperty() {
        return chart;
    }

    /** The dialog was opened: the next question reads the workspace again. */
    public void opened() {
        session = null;
    }

    /** Plans the question, off the UI thread; nothing runs yet. */
    public void plan() {
        String q = question.get() == null ? "" : question.get().strip();
        if (q.isEmpty()) {
            status.set("Type a question, e.g. \"p95 of payments after the last deploy\".");
            return;
        }
        cancel();
        clearPlan();
        state.set(State.PLANNING);
        busy.set(true);
        status.set(session == null ? READING : "Planning…");
        running = tasks.submit(BackgroundTask.of("Ask: planning", p -> {
            Session s = session;
            if (s == null) {
                p.message(READING);
                s = sessions.open();
                session = s;
            }
            embedder.onLoad(() -> {
                p.message(LOADING_MODEL);
                ui.accept(() -> status.set(LOADING_MODEL));
            });
            try {
                ui.accept(() -> status.set("Planning…"));
                return checked(s, s.service().plan(q, s.context()));
            } finally {
                embedder.onLoad(null);
            }
        }).onSuccess(this::showPlan).onFailure(e -> failed("Could not plan the question", e)).onCancelled(this::cancelled));
    }

    /** The plan with each step in words and the guard's verdict on it; blocking (the guard parses). */
    private static Planned checked(Session s, AskPlan made) {
        List<Optional<String>> checks = s.service().check(made, s.context());
        List<StepLine> lines = new ArrayList<>();
        for (int i = 0; i < made.steps().size(); i++) {
            AskStep step = made.steps().get(i);
            QueryEdit edit = step instanceof AskStep.Query q ? new QueryEdit(q.expr(), q.range().from(), q.range().to()) : null;
            lines.add(new StepLine(StepText.describe(step, s.context()),
                    i < checks.size() ? checks.get(i).map(InertText::of).orElse("") : "", edit));
        }
        return new Planned(s, made, lines);
    }

    /**
     * Replaces query step {@code index} with the user's expression and range, and checks the plan
     * again off the UI thread (the guard parses the PromQL and applies the limits); nothing runs.
     */
    public void edit(int index, QueryEdit edit) {
        AskPlan p = plan.get();
        Session s = planned;
        if (p == null || s == null || busy.get() || index < 0 || index >= p.steps().size()
                || !(p.steps().get(index) instanceof AskStep.Query q)) {
            return;
        }
        if (edit.expr().isBlank() || edit.from().isBlank() || edit.to().isBlank()) {
            status.set("A query step needs an expression and both ends of its range.");
            return;
        }
        AskStep.Query changed = new AskStep.Query(q.language(), edit.expr().strip(), new TimeWindow(edit.from().strip(),
                edit.to().strip()), q.stat(), q.metric(), q.service(), q.by(), q.filter(), q.title());
        AskPlan made = p.withStep(index, changed);
        clearAnswer();
        busy.set(true);
        status.set("Checking the edited step…");
        running = tasks.submit(BackgroundTask.of("Ask: checking the edited plan", x -> checked(s, made))
                .onSuccess(checked -> {
                    showPlan(checked);
                    String refusal = checked.lines().get(index).refusal();
                    status.set(refusal.isEmpty() ? "Step " + (index + 1) + " edited; nothing has run yet: Run (Ctrl+Enter) runs the plan."
                            : "Step " + (index + 1) + " edited, and the guard would refuse it: " + refusal);
                }).onFailure(e -> failed("Could not check the edited step", e)).onCancelled(this::cancelled));
    }

    private void showPlan(Planned p) {
        planned = p.session();
        AskPlan made = p.plan();
        plan.set(made);
        planTitle.set("Plan (" + InertText.of(made.planner()) + ", " + made.intent().id().replace('_', ' ') + ") for: "
                + InertText.of(made.question()));
        steps.setAll(p.lines());
        List<String> n = new ArrayList<>();
        made.notes().forEach(x -> n.add(InertText.of(x)));
        made.refused().forEach(r -> n.add("refused " + InertText.of(r.what()) + ": " + InertText.of(r.reason())));
        notes.setAll(n);
        state.set(State.PLANNED);
        busy.set(false);
        canRun.set(!made.steps().isEmpty());
        canExplore.set(firstQuery(made).isPresent());
        status.set(made.steps().isEmpty() ? "No step answers this question; the notes say why."
                : "Nothing has run yet: Run (Ctrl+Enter) runs these read-only steps.");
    }

    /** Runs the plan shown, off the UI thread; the guard checks every step again. */
    public void run() {
        AskPlan p = plan.get();
        Session s = planned;
        if (p == null || s == null || p.steps().isEmpty() || busy.get()) {
            return;
        }
        state.set(State.RUNNING);
        busy.set(true);
        clearAnswer();
        status.set("Running " + p.steps().size() + (p.steps().size() == 1 ? " step…" : " steps…"));
        running = tasks.submit(BackgroundTask.of("Ask: running the plan", x -> {
            handoffs.remember().accept(p.question());
            AskAnswer a = s.service().run(p, s.context());
            return new Answered(a, AnswerBlocks.of(a), AnswerChart.png(a, s.context().zone()).orElse(null));
        }).onSuccess(a -> {
            lastAnswer.set(a.answer());
            answer.setAll(a.blocks());
            chart.set(a.chart());
            canOpenDashboard.set(dashboardOf(a.answer()).isPresent());
            state.set(State.ANSWERED);
            busy.set(false);
            status.set("Answered: the numbers below come from the queries listed under them.");
        }).onFailure(e -> failed("Could not run the plan", e)).onCancelled(this::cancelled));
    }

    /** Stops planning or running. */
    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
        running = null;
    }

    /** Opens the plan's first query in Explore, at its range. */
    public void openInExplore() {
        AskPlan p = plan.get();
        Session s = planned;
        if (p != null && s != null) {
            firstQuery(p).ifPresent(q -> handoffs.explore().accept(AskService.explore(q, s.context())));
        }
    }

    /** Opens the dashboard the answer names, at its range. */
    public void openDashboard() {
        AskAnswer a = lastAnswer.get();
        if (a != null) {
            dashboardOf(a).ifPresent(handoffs.dashboard());
        }
    }

    private static Optional<AskStep.Query> firstQuery(AskPlan p) {
        return p.steps().stream().filter(AskStep.Query.class::isInstance).map(AskStep.Query.class::cast)
                .filter(q -> q.language() == AskStep.QueryLanguage.PROMQL).findFirst();
    }

    private static Optional<AskAnswer.Dashboard> dashboardOf(AskAnswer a) {
        return a.steps().stream().filter(AskAnswer.Dashboard.class::isInstance).map(AskAnswer.Dashboard.class::cast).findFirst();
    }

    private void clearPlan() {
        plan.set(null);
        planned = null;
        planTitle.set("");
        steps.clear();
        notes.clear();
        clearAnswer();
        canRun.set(false);
        canExplore.set(false);
    }

    /** No answer shown: before a run, after an edit, with a new plan. */
    private void clearAnswer() {
        answer.clear();
        lastAnswer.set(null);
        chart.set(null);
        canOpenDashboard.set(false);
    }

    private void failed(String what, Throwable e) {
        busy.set(false);
        state.set(plan.get() == null ? State.EMPTY : State.PLANNED);
        status.set(what + ": " + InertText.of(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    private void cancelled() {
        busy.set(false);
        state.set(plan.get() == null ? State.EMPTY : State.PLANNED);
        status.set("Cancelled.");
    }
}
