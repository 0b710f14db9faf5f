package io.vigia.views.dashboards;

import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;
import java.util.List;

/**
 * How often a dashboard refreshes by itself (Grafana's choices; zero is off), scheduled through
 * the task executor, so that closing the dashboard's task scope stops it.
 */
public final class AutoRefresh {
    /** Grafana's auto-refresh choices; zero is off. */
    public static final List<Duration> CHOICES = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    private final ObjectProperty<Duration> every = new SimpleObjectProperty<>(Duration.ZERO);
    private final TaskScope tasks;
    private final Runnable tick;
    private TaskHandle timer;

    /** @param tick the refresh, run on the UI thread at each period */
    AutoRefresh(TaskScope tasks, Runnable tick) {
        this.tasks = tasks;
        this.tick = tick;
        every.addListener((o, a, b) -> schedule(b));
    }

    /** {@link Duration#ZERO} for never. */
    public ObjectProperty<Duration> everyProperty() {
        return every;
    }

    private void schedule(Duration period) {
        stop();
        if (period != null && !period.isZero() && !period.isNegative()) {
            timer = tasks.every(period, tick);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
