package io.vigia.dashboards.ask;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One read-only action of a plan. Nothing here writes, deletes, sends or opens anything outside
 * the app: the planners, offline or model, can only propose these, and {@link StepGuard} checks
 * each before it runs.
 */
public sealed interface AskStep {

    /** What the step answers: the action, metric, statistic and service of the plan's JSON. */
    String action();

    TimeWindow range();

    /** A PromQL (or LogQL) query over a range; {@code by} is the breakdown label, or null. */
    record Query(QueryLanguage language, String expr, TimeWindow range, Stat stat, String metric, String service,
                 String by, Map<String, String> filter, String title) implements AskStep {
        public Query {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(range, "range");
            filter = Map.copyOf(filter == null ? Map.of() : filter);
        }

        @Override
        public String action() {
            return "query";
        }
    }

    /**
     * Deploy impact ({@link io.vigia.dashboards.query.DeployImpact}): p50/p95/p99, 5xx share and
     * throughput of a service before and after one of its deploys.
     *
     * @param version the deploy's version, or {@code latest} for the newest in the search range
     * @param focus   the statistic the question was about, shown first
     */
    record DeployImpact(String service, String version, Duration window, Stat focus) implements AskStep {
        public static final String LATEST = "latest";

        public DeployImpact {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(window, "window");
        }

        @Override
        public String action() {
            return "deploy_impact";
        }

        @Override
        public TimeWindow range() {
            return TimeWindow.aroundDeploy(window);
        }
    }

    /** Opens a dashboard (built-in or stored) at a range: in the app, the dashboard page; on the command line, its name. */
    record OpenDashboard(String uid, String title, TimeWindow range) implements AskStep {
        @Override
        public String action() {
            return "open_dashboard";
        }
    }

    /** Model-input drift: each feature's histogram over the range against the period before. {@code feature} null: all. */
    record DriftCheck(String feature, TimeWindow range) implements AskStep {
        @Override
        public String action() {
            return "drift_check";
        }
    }

    /** The weekly report of a dashboard, for the ISO week the range starts in. */
    record Report(String uid, String title, TimeWindow range) implements AskStep {
        @Override
        public String action() {
            return "report";
        }
    }

    enum QueryLanguage { PROMQL, LOGQL }
}
