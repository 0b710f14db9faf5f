package io.vigia.views.dashboards.time;

import io.vigia.dashboards.time.RangeChoice;
import io.vigia.dashboards.time.RangeText;
import io.vigia.dashboards.time.RecentRanges;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.dashboards.time.TimeSyntaxException;
import io.vigia.views.dashboards.RangeNavigation;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's time picker, as Grafana's: the current range's name, a form with From and To in
 * Grafana's grammar (checked as typed; a whole "from to to" line may go into From) or picked as
 * date and time, Grafana's quick ranges with a search, the ranges recently applied in this
 * workspace, and the time zone the times are read in. Applying sets the range of the
 * {@link RangeNavigation}, which refreshes the dashboard.
 */
public final class RangePickerViewModel {
    /** How the form writes a picked or absolute time: Grafana's display format. */
    static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RangeNavigation navigation;
    private final TaskScope tasks;
    private final BoundText from = new BoundText(true);
    private final BoundText to = new BoundText(false);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper orderError = new ReadOnlyStringWrapper("");
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<RangeChoice> quick = new FilteredList<>(FXCollections.observableArrayList(RangeChoice.QUICK));
    private final ObservableList<RangeChoice> recent = FXCollections.observableArrayList();
    private RecentRanges store;

    public RangePickerViewModel(RangeNavigation navigation, TaskScope tasks) {
        this.navigation = navigation;
        this.tasks = tasks;
        navigation.rangeProperty().addListener((o, a, b) -> label.set(describe(b)));
        label.set(describe(navigation.rangeProperty().get()));
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            quick.setPredicate(f.isEmpty() ? null : r -> r.label().toLowerCase(Locale.ROOT).contains(f)
                    || r.from().toLowerCase(Locale.ROOT).contains(f));
        });
        from.textProperty().addListener((o, a, b) -> orderError.set(""));
        to.textProperty().addListener((o, a, b) -> orderError.set(""));
    }

    /** Where recently used ranges are kept; read in the background. Without one they last while the dashboard is open. */
    public void setStore(RecentRanges store) {
        this.store = store;
        if (store != null) {
            tasks.submit(BackgroundTask.of("Reading recent time ranges", p -> store.load()).quiet()
                    .onSuccess(recent::setAll));
        }
    }

    /** The current range as the toolbar shows it, in the dashboard's time zone. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** True while the picker is open. */
    public BooleanProperty openProperty() {
        return open;
    }

    public BoundText from() {
        return from;
    }

    public BoundText to() {
        return to;
    }

    /** Grafana's "\"From\" can't be after \"To\"", else empty. */
    public ReadOnlyStringProperty orderErrorProperty() {
        return orderError.getReadOnlyProperty();
    }

    /** Narrows the quick ranges by name or expression. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<RangeChoice> quickRanges() {
        return quick;
    }

    /** Newest first. */
    public ObservableList<RangeChoice> recentRanges() {
        return recent;
    }

    /** "Europe/Madrid (UTC+02:00)", the offset as of now. */
    public String zoneText() {
        ZoneId zone = navigation.zone();
        String offset = zone.getRules().getOffset(navigation.clock().instant()).getId();
        String utc = "UTC" + ("Z".equals(offset) ? "" : offset);
        return zone.getId().equals("Z") || zone.getId().equals(utc) ? utc : zone.getId() + " (" + utc + ")";
    }

    /** Opens the form on the current range, or closes it. */
    public void toggle() {
        if (open.get()) {
            open.set(false);
        } else {
            RangeChoice c = navigation.rangeProperty().get();
            if (c instanceof RangeChoice.Absolute a) {
                from.textProperty().set(written(a.range().from()));
                to.textProperty().set(written(a.range().to()));
            } else {
                from.textProperty().set(c.from());
                to.textProperty().set(c.to());
            }
            orderError.set("");
            open.set(true);
        }
    }

    /**
     * Applies the form: From and To in Grafana's grammar (a whole range in From is split first).
     * Returns false, with the problem shown, when they are not a range.
     */
    public boolean apply() {
        java.util.Optional<RangeText> both = from.wholeRange();
        if (both.isPresent()) {
            from.textProperty().set(both.get().from());
            to.textProperty().set(both.get().to());
        }
        if (!from.valid() || !to.valid()) {
            return false;
        }
        RangeChoice c = RangeChoice.of(from.textProperty().get().strip(), to.textProperty().get().strip());
        try {
            c.resolve(navigation.clock().instant(), navigation.zone());
        } catch (TimeSyntaxException e) {
            (e.text().equals(from.textProperty().get()) ? from : to).fail(e);
            return false;
        } catch (IllegalArgumentException e) {
            orderError.set("\"From\" can't be after \"To\"");
            return false;
        }
        navigation.rangeProperty().set(c);
        remember(c);
        open.set(false);
        return true;
    }

    /** A quick or recent range, applied at once. */
    public void choose(RangeChoice c) {
        navigation.rangeProperty().set(c);
        if (recent.contains(c)) {
            remember(c);
        }
        open.set(false);
    }

    /** Writes a picked date and time into From ({@code start}) or To. */
    public void pick(boolean start, LocalDate date, LocalTime time) {
        (start ? from : to).textProperty().set(WRITTEN.format(LocalDateTime.of(date, time)));
    }

    /** The current range's ends in the dashboard's zone, for the date pickers. */
    public LocalDateTime shownStart() {
        return resolved().from().atZone(navigation.zone()).toLocalDateTime();
    }

    public LocalDateTime shownEnd() {
        return resolved().to().atZone(navigation.zone()).toLocalDateTime();
    }

    /** Puts a range first among the recent ones and keeps the list in the workspace. */
    public void remember(RangeChoice c) {
        List<RangeChoice> next = new ArrayList<>();
        next.add(c);
        recent.stream().filter(r -> !(r.from().equals(c.from()) && r.to().equals(c.to()))).limit(RecentRanges.MAX - 1L).forEach(next::add);
        recent.setAll(next);
        RecentRanges s = store;
        if (s != null) {
            tasks.submit(BackgroundTask.of("Saving recent time ranges", p -> s.add(c)).quiet().onSuccess(recent::setAll));
        }
    }

    /** The name a range has in this picker: its own, or its instants in the dashboard's zone. */
    public String describe(RangeChoice c) {
        return c == null ? "" : c.describe(navigation.zone());
    }

    public void shiftBack() {
        navigation.shiftBack();
    }

    public void shiftForward() {
        navigation.shiftForward();
    }

    public void zoomOut() {
        navigation.zoomOut();
    }

    private TimeRange resolved() {
        TimeRange r = navigation.resolvedProperty().get();
        return r != null ? r : navigation.rangeProperty().get().resolve(navigation.clock().instant(), navigation.zone());
    }

    private String written(Instant t) {
        return WRITTEN.format(t.atZone(navigation.zone()));
    }
}
