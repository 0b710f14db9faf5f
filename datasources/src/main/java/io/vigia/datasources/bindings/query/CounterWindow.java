package io.vigia.datasources.bindings.query;

/** How a counter is read over a window: a count ({@code increase}) or a per-second rate. */
public enum CounterWindow {
    INCREASE("increase"), RATE("rate");

    private final String function;

    CounterWindow(String function) {
        this.function = function;
    }

    String function() {
        return function;
    }
}
