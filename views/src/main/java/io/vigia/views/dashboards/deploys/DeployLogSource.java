package io.vigia.views.dashboards.deploys;

import io.vigia.datasources.logs.LogsSource;

import java.util.Optional;

/** Where the deploy comparison finds log lines. Both methods may block: call off the FX thread. */
public interface DeployLogSource {
    /** The source to ask ({@code local} for the workspace's own log subset); empty when there is none. */
    Optional<String> name();

    LogsSource source(String name);

    DeployLogSource NONE = new DeployLogSource() {
        @Override
        public Optional<String> name() {
            return Optional.empty();
        }

        @Override
        public LogsSource source(String name) {
            throw new IllegalArgumentException("no log source");
        }
    };
}
