package io.vigia.dashboards.ask;

import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.logs.LogEntry;

import java.time.Duration;
import java.util.List;

/** The evidence a plan's run produced, step by step, with the exact queries that ran. */
public record AskAnswer(AskPlan plan, List<StepAnswer> steps) {
    public AskAnswer {
        steps = List.copyOf(steps);
    }

    /** One step's outcome. */
    public sealed interface StepAnswer {
        AskStep step();
    }

    /**
     * A query's numbers: each series with its last, lowest, highest and mean value over the range
     * (for a one-number query, its value), and the points for a chart.
     *
     * @param query the query exactly as it ran (macros expanded)
     * @param instant whether it ran once at the range's end ({@code [$__range]} totals and ratios)
     */
    public record Numbers(AskStep.Query step, String query, TimeRange range, Duration resolution, boolean instant,
                   List<SeriesNumbers> series) implements StepAnswer {
        public Numbers {
            series = List.copyOf(series);
        }
    }

    /** One series: its name (labels, untrusted text), its summary, its points. */
    public record SeriesNumbers(String name, double last, double min, double max, double mean, long[] timestamps, double[] values) {
    }

    /** Log lines (attacker-written text: shown inert, given to a model only redacted). */
    public record Lines(AskStep.Query step, TimeRange range, List<LogEntry> lines) implements StepAnswer {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** Deploy impact as the Deploy impact view computes it ({@link DeployImpact#compute}). */
    public record Impact(AskStep.DeployImpact step, DeployImpact.Result result) implements StepAnswer {
    }

    /** A dashboard to open at a range; the app opens it, the command line names it. */
    public record Dashboard(AskStep.OpenDashboard step, TimeRange range) implements StepAnswer {
    }

    /** Drift of each feature over the range against the period before (the Model Drift dashboard's status table). */
    public record Drift(AskStep.DriftCheck step, TimeRange range, List<SeriesNumbers> scores, List<String> notices) implements StepAnswer {
        public Drift {
            scores = List.copyOf(scores);
            notices = List.copyOf(notices);
        }
    }

    /** The weekly report's headline numbers. */
    public record Report(AskStep.Report step, io.vigia.dashboards.report.Report report) implements StepAnswer {
    }

    /** Not run: the guard's reason. */
    public record Refused(AskStep step, String reason) implements StepAnswer {
    }

    /** Ran and failed: the source's message. */
    public record Failed(AskStep step, String message) implements StepAnswer {
    }
}
