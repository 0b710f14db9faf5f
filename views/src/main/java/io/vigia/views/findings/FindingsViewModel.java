package io.vigia.views.findings;

import io.vigia.dashboards.chart.InertText;
import io.vigia.dashboards.findings.DashboardLink;
import io.vigia.dashboards.findings.Evidence;
import io.vigia.dashboards.findings.EvidenceChart;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.time.TimeRange;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * State and behaviour of the Findings page, free of controls: the findings engine's rules
 * (io.vigia.dashboards.findings, as the weekly report's Findings section runs them) over the
 * default source for a chosen span ending now (the demo's end on the demo), run in the
 * background with cancel; the findings most severe first; the selected one's evidence in words,
 * whether it has a chart, and the dashboard range to open.
 */
public final class FindingsViewModel {

    /** Computes the findings of a range, blocking (off the UI thread). */
    @FunctionalInterface
    public interface Finder {
        List<Finding> find(TimeRange range, ZoneId zone) throws Exception;

        /** The watched inputs the source cannot feed, each with what it would need; blocking. */
        default List<String> notWatched() throws Exception {
            return List.of();
        }
    }

    private record Run(List<Finding> findings, List<String> notWatched) {
    }

    /** How far back to look; the demo's history is 30 days. */
    public enum Span {
        LAST_7_DAYS("Last 7 days", Duration.ofDays(7)), LAST_30_DAYS("Last 30 days", Duration.ofDays(30));

        private final String label;
        private final Duration length;

        Span(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public Duration length() {
            return length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Finder finder;
    private final Clock clock;
    private final ZoneId zone;
    private final TaskScope tasks;
    private final Consumer<DashboardLink> open;
    private final DateTimeFormatter when;

    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.LAST_30_DAYS);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final StringProperty evidence = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canOpen = new SimpleBooleanProperty();
    private final BooleanProperty hasChart = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<TimeRange> analysed = new SimpleObjectProperty<>();
    private TaskHandle running;

    /** @param clock "now" (the demo's end while the demo is shown); {@code open} shows a dashboard at a range */
    public FindingsViewModel(Finder finder, Clock clock, ZoneId zone, TaskScope tasks, Consumer<DashboardLink> open) {
        this.finder = finder;
        this.clock = clock;
        this.zone = zone;
        this.tasks = tasks;
        this.open = open;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(zone);
        selected.addListener((o, a, f) -> {
            evidence.set(f == null ? "" : evidenceText(f));
            hasChart.set(EvidenceChart.charts(f));
            canOpen.set(f != null && f.link() != null && f.link().dashboardUid() != null && !f.link().dashboardUid().isBlank());
        });
    }

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    /** The selected finding's explanation, causes and evidence, in words. */
    public StringProperty evidenceProperty() {
        return evidence;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the selected finding's evidence is a series to chart ({@link EvidenceChart}) besides the words. */
    public BooleanProperty hasChartProperty() {
        return hasChart;
    }

    /** The zone the evidence chart's time axis is in. */
    public ZoneId zone() {
        return zone;
    }

    public BooleanProperty canOpenProperty() {
        return canOpen;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The range of the findings shown, null before the first run. */
    public ObjectProperty<TimeRange> analysedProperty() {
        return analysed;
    }

    /** Whether the rules have run (or are running) at least once. */
    public boolean started() {
        return running != null || analysed.get() != null;
    }

    /** Runs the rules over the chosen span ending now, off the UI thread. */
    public void run() {
        cancel();
        Instant now = clock.instant();
        TimeRange range = new TimeRange(now.minus(span.get().length()), now);
        busy.set(true);
        status.set("Looking for series that left their usual band, " + when.format(range.from()) + " to " + when.format(range.to()) + "…");
        running = tasks.submit(BackgroundTask.of("Findings: " + span.get(), p -> {
            p.progress(0, -1);
            return new Run(finder.find(range, zone), finder.notWatched());
        }).onSuccess(run -> {
            List<Finding> found = run.findings();
            busy.set(false);
            analysed.set(range);
            selected.set(null);
            findings.setAll(found);
            // an input the source cannot feed is not watched: a quiet list must not read as "all is well" for it
            String missing = run.notWatched().isEmpty() ? ""
                    : " Not watched on this source: " + InertText.of(String.join("; ", run.notWatched())) + ".";
            status.set((found.isEmpty() ? "No finding: no watched series left its usual band for long enough, "
                    + when.format(range.from()) + " to " + when.format(range.to()) + "."
                    : found.size() + (found.size() == 1 ? " finding, " : " findings, ") + when.format(range.from()) + " to "
                    + when.format(range.to()) + " (" + zone.getId() + "), most severe first.") + missing);
        }).onFailure(e -> {
            busy.set(false);
            status.set("Could not look for findings: " + InertText.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        }).onCancelled(() -> {
            busy.set(false);
            status.set("Cancelled; the findings shown are from the last complete run.");
        }));
    }

    public void cancel() {
        if (running != null && !running.isDone()) {
            running.cancel();
        }
    }

    /** Opens the selected finding's dashboard at its range. */
    public void openSelected() {
        Finding f = selected.get();
        if (f != null && canOpen.get()) {
            open.accept(f.link());
        }
    }

    /** "Mon 16 Nov 14:00 – Wed 18 Nov 10:00", or "… – ongoing". */
    public String when(Finding f) {
        return when.format(f.start()) + " – " + (f.ongoing() ? "ongoing" : when.format(f.end()));
    }

    /** The change just before it, nearest and most related first: "deploy payments 2.14.0 (from 2.13.0), 10 minutes before". */
    public String cause(Finding f) {
        if (f.causes().isEmpty()) {
            return "";
        }
        Finding.Cause c = f.causes().getFirst();
        return kind(c) + " " + InertText.of(c.event().describe()) + ", " + lead(c.leadMillis());
    }

    String evidenceText(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.severity()).append(String.format(Locale.ROOT, " (score %.0f of 100)", f.score())).append('\n')
                .append(InertText.of(f.explanation())).append('\n');
        if (!f.causes().isEmpty()) {
            sb.append("\nChanges just before it (after, not necessarily because of):\n");
            for (Finding.Cause c : f.causes()) {
                sb.append("  ").append(kind(c)).append(' ').append(InertText.of(c.event().describe())).append(", ")
                        .append(lead(c.leadMillis())).append('\n');
            }
        }
        sb.append('\n');
        switch (f.evidence()) {
            case Evidence.SeriesBand b -> sb.append("Evidence: ").append(InertText.of(b.series().isEmpty() ? "the series" : b.series()))
                    .append(" against its usual band (the same time in the 4 weeks before), ").append(when.format(b.from()))
                    .append(" to ").append(when.format(b.to())).append("\nQuery: ").append(InertText.of(b.expr())).append('\n');
            case Evidence.SastFindings s -> {
                sb.append("Evidence: SAST findings of ").append(InertText.of(s.subject())).append(":\n");
                for (Evidence.SastFinding x : s.findings()) {
                    sb.append("  ").append(InertText.of(x.repository())).append(' ').append(InertText.of(x.uri())).append(':')
                            .append(x.startLine()).append('-').append(x.endLine()).append(' ').append(InertText.of(x.ruleId()))
                            .append(x.cwe() == null ? "" : " " + InertText.of(x.cwe())).append(", ").append(InertText.of(x.formula()))
                            .append('\n');
                }
            }
            case null -> { }
        }
        if (f.link() != null) {
            sb.append("Dashboard: ").append(InertText.of(f.link().dashboardUid())).append(", ").append(when.format(f.link().from()))
                    .append(" to ").append(when.format(f.link().to()));
        }
        return sb.toString();
    }

    private static String kind(Finding.Cause c) {
        return switch (c.event().kind()) {
            case DEPLOY -> "deploy";
            case MODEL_CHANGE -> "model change:";
            case GUARDRAIL_SPIKE -> "guardrail spike:";
        };
    }

    private static String lead(long ms) {
        long minutes = Math.abs(ms) / 60_000;
        String d = minutes < 90 ? minutes + (minutes == 1 ? " minute" : " minutes") : (minutes / 60) + " hours";
        return ms < 0 ? d + " after it started" : d + " before";
    }
}
