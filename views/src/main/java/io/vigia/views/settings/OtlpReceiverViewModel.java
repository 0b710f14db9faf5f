package io.vigia.views.settings;

import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.net.InetSocketAddress;

/**
 * The Settings toggle that runs the OTLP receiver while the app is open. Starting binds a port and
 * stopping waits for queued data to be stored, so both run as background tasks; the toggle is
 * disabled meanwhile, and a failure (the port is taken) turns it back off with the reason.
 */
public final class OtlpReceiverViewModel implements AutoCloseable {

    /** Starts a receiver; what the app supplies (the workspace's store, loopback, port 4318). */
    @FunctionalInterface
    public interface Starter {
        Running start() throws Exception;
    }

    /** A running receiver. */
    public interface Running extends AutoCloseable {
        InetSocketAddress address();

        @Override
        void close();
    }

    private final Starter starter;
    private final TaskScope tasks;
    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Off");
    private Running running;

    public OtlpReceiverViewModel(Starter starter, TaskScope tasks) {
        this.starter = starter;
        this.tasks = tasks;
        enabled.addListener((o, was, on) -> {
            if (on && running == null && !busy.get()) {
                start();
            } else if (!on && running != null && !busy.get()) {
                stop();
            }
        });
    }

    /** What the toggle shows and sets. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void start() {
        busy.set(true);
        status.set("Starting…");
        tasks.submit(BackgroundTask.of("Starting the OTLP receiver", p -> starter.start())
                .onSuccess(r -> {
                    running = r;
                    busy.set(false);
                    status.set("Receiving on http://" + r.address().getHostString() + ":" + r.address().getPort());
                    if (!enabled.get()) {
                        stop(); // turned off while it was starting
                    }
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set("Not running: " + e.getMessage());
                    enabled.set(false);
                }));
    }

    private void stop() {
        Running r = running;
        running = null;
        busy.set(true);
        status.set("Stopping…");
        tasks.submit(BackgroundTask.of("Stopping the OTLP receiver", p -> {
            r.close();
            return null;
        }).onSuccess(x -> done()).onFailure(e -> done()));
    }

    private void done() {
        busy.set(false);
        status.set("Off");
        if (enabled.get()) {
            start(); // turned on again while it was stopping
        }
    }

    /** Stops the receiver when the app closes (on the caller's thread: the app is quitting). */
    @Override
    public void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
