package io.vigia.dashboards.ask;

import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.logs.EmbeddedLogQuery;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Checks a step before it runs, whoever proposed it (the offline planner, a model, the user's
 * edit): its PromQL parses with Vigia's parser, its range resolves, and it stays within
 * {@link QueryLimits}; a deploy comparison names a service the workspace has and a window of at
 * most a day; a dashboard or report names a dashboard that exists. Returns the reason it is refused.
 */
public final class StepGuard {
    static final Duration MAX_DEPLOY_WINDOW = Duration.ofDays(1);
    private final QueryLimits limits;

    public StepGuard(QueryLimits limits) {
        this.limits = limits;
    }

    public QueryLimits limits() {
        return limits;
    }

    public Optional<String> refusal(AskStep step, AskContext ctx) {
        TimeRange range;
        try {
            range = StepRanges.resolve(step, ctx);
        } catch (IllegalArgumentException e) {
            return Optional.of("the range " + step.range() + " is not a time range: " + e.getMessage());
        }
        if (range.length().compareTo(limits.maxRange()) > 0) {
            return Optional.of("the range " + step.range() + " is " + range.length().toDays() + " days, over the limit of "
                    + limits.maxRange().toDays() + " days");
        }
        return switch (step) {
            case AskStep.Query q -> q.language() == AskStep.QueryLanguage.PROMQL ? promql(q, range, ctx) : logql(q);
            case AskStep.DeployImpact d -> {
                if (!ctx.services().contains(d.service())) {
                    yield Optional.of("no service \"" + d.service() + "\" in this workspace");
                }
                if (d.window().isNegative() || d.window().isZero() || d.window().compareTo(MAX_DEPLOY_WINDOW) > 0) {
                    yield Optional.of("a deploy comparison looks at most one day each side, not " + TimeWindow.text(d.window()));
                }
                yield ctx.deploy(d.service(), d.version()).isPresent() ? Optional.empty()
                        : Optional.of("no deploy of " + d.service() + " " + d.version() + " in the last " + AskContextLoader.DAYS + " days");
            }
            case AskStep.OpenDashboard o -> ctx.dashboard(o.uid()).isPresent() ? Optional.empty()
                    : Optional.of("no dashboard \"" + o.uid() + "\"");
            case AskStep.Report r -> ctx.dashboard(r.uid()).isPresent() ? Optional.empty()
                    : Optional.of("no dashboard \"" + r.uid() + "\"");
            case AskStep.DriftCheck d -> Optional.empty();
        };
    }

    private Optional<String> promql(AskStep.Query q, TimeRange range, AskContext ctx) {
        GrafanaResolution res = StepRanges.resolution(range, ctx);
        if (range.length().toMillis() / res.step().toMillis() > limits.maxPoints()) {
            return Optional.of("more than " + limits.maxPoints() + " points per series");
        }
        Expr e;
        try {
            e = Parser.parse(res.expand(q.expr()), PromqlFeatures.DEFAULTS);
        } catch (ParseException | IllegalArgumentException ex) {
            return Optional.of("not valid PromQL: " + ex.getMessage());
        } catch (StackOverflowError ex) {
            return Optional.of("not valid PromQL: nested too deeply");
        }
        long widest = widestRange(e);
        if (widest > limits.maxRange().toMillis()) {
            return Optional.of("a range selector or subquery of " + Duration.ofMillis(widest).toDays() + " days, over the limit of "
                    + limits.maxRange().toDays() + " days");
        }
        return Optional.empty();
    }

    private static Optional<String> logql(AskStep.Query q) {
        try {
            EmbeddedLogQuery.parse(q.expr());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("not a LogQL log query Vigia runs: " + e.getMessage());
        }
    }

    /** The longest range selector or subquery range (plus offset) in the expression, in ms. */
    static long widestRange(Expr root) {
        long widest = 0;
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            switch (e) {
                case Expr.MatrixSelector m -> widest = Math.max(widest, m.rangeMs() + Math.abs(m.selector().offsetMs()));
                case Expr.Subquery s -> {
                    widest = Math.max(widest, s.rangeMs() + Math.abs(s.offsetMs()));
                    todo.push(s.expr());
                }
                case Expr.Paren p -> todo.push(p.expr());
                case Expr.Unary u -> todo.push(u.expr());
                case Expr.Binary b -> {
                    todo.push(b.lhs());
                    todo.push(b.rhs());
                }
                case Expr.Call c -> c.args().forEach(todo::push);
                case Expr.Aggregate a -> {
                    todo.push(a.expr());
                    if (a.param() != null) {
                        todo.push(a.param());
                    }
                }
                case Expr.VectorSelector v -> widest = Math.max(widest, Math.abs(v.offsetMs()));
                default -> {
                }
            }
        }
        return widest;
    }
}
