package io.vigia.views.dashboards;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.DataSpanFinder;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.PanelRequest;
import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * "Where the data is": when a refresh leaves every panel without a sample, asks in the
 * background when the dashboard's queries have data ({@link DataSpanFinder}) and, if that is
 * elsewhere, offers to zoom there. Hidden again by the next refresh.
 */
public final class WhereTheDataIs {
    private static final Logger LOG = LoggerFactory.getLogger(WhereTheDataIs.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The shortest range "Zoom to data" opens: a lone sample still gets an hour around it. */
    static final Duration SHORTEST = Duration.ofHours(1);

    /** What the banner says, and the range its button zooms to (null when there is no data anywhere). */
    public record Banner(String message, TimeRange zoomTo) {
    }

    private final DataSpanFinder finder;
    private final TaskScope tasks;
    private final ZoneId zone;
    private final Consumer<RangeChoice> show;
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>();
    private TaskHandle inFlight;

    /**
     * @param show how "Zoom to data" applies its range (and remembers it among the recent ones)
     */
    WhereTheDataIs(DataSpanFinder finder, TaskScope tasks, ZoneId zone, Consumer<RangeChoice> show) {
        this.finder = finder;
        this.tasks = tasks;
        this.zone = zone;
        this.show = show;
    }

    /** The banner to show, or null. */
    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Sets the range to where the data is. */
    public void zoomToData() {
        Banner b = banner.get();
        if (b != null && b.zoomTo() != null) {
            show.accept(new RangeChoice.Absolute(b.zoomTo()));
        }
    }

    /** A refresh started: what the banner said no longer holds. */
    void clear() {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        banner.set(null);
    }

    /**
     * A refresh ended with {@code answers}: when none has a sample, finds where the data is.
     *
     * @param searchEnd how far ahead to look (the clock's now, or the range's end if later)
     */
    void refreshed(Dashboard d, PanelRequest request, String rangeName, Collection<PanelData> answers, Instant searchEnd) {
        clear();
        if (answers.stream().anyMatch(WhereTheDataIs::hasSamples) || !hasPromql(d)) {
            return;
        }
        String sources = d.allPanels().stream().flatMap(p -> p.queries().stream()).map(Query::dataSource).distinct().count() > 1
                ? "Its sources have" : "This source has";
        inFlight = tasks.submit(BackgroundTask.of("Looking for " + d.title() + "'s data", p -> finder.find(d, request, searchEnd))
                .quiet()
                .onSuccess(span -> {
                    inFlight = null;
                    banner.set(span.map(s -> new Banner("No data in " + rangeName + ". " + sources + " data from " + when(s) + ".", zoomRange(s)))
                            .orElse(new Banner("No data in " + rangeName + ", and no data for this dashboard's queries at any time.", null)));
                })
                .onFailure(e -> {
                    inFlight = null;
                    LOG.info("could not find where {}'s data is: {}", d.title(), e.getMessage());
                }));
    }

    /**
     * The range "Zoom to data" opens: the data's span to the whole minute, ending within a minute
     * of the last sample so instant panels (evaluated at the end) still see it, at least an hour.
     */
    static TimeRange zoomRange(TimeRange span) {
        Instant to = span.to().truncatedTo(ChronoUnit.MINUTES);
        if (to.isBefore(span.to())) {
            to = to.plus(1, ChronoUnit.MINUTES);
        }
        Instant from = span.from().truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(from, to).compareTo(SHORTEST) < 0) {
            from = to.minus(SHORTEST);
        }
        return new TimeRange(from, to);
    }

    private String when(TimeRange s) {
        boolean days = s.length().compareTo(Duration.ofDays(2)) >= 0;
        DateTimeFormatter f = days ? DAY : MINUTE;
        return f.format(s.from().atZone(zone)) + " to " + f.format(s.to().atZone(zone));
    }

    private static boolean hasPromql(Dashboard d) {
        return d.allPanels().stream().flatMap(p -> p.queries().stream())
                .anyMatch(q -> !q.hidden() && !q.expr().isBlank() && q.language() == QueryLanguage.PROMQL);
    }

    /** At least one value that is a number (a series of NaN only draws nothing). */
    static boolean hasSamples(PanelData d) {
        if (d == null) {
            return false;
        }
        if (!d.logs().isEmpty()) {
            return true;
        }
        for (TimeSeriesData s : d.series()) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
