package io.vigia.views.dashboards;

import io.vigia.datasources.logs.LogsSource;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.SourceChoice;

import java.util.List;
import java.util.Optional;

/**
 * The LogQL side of the workspace's sources for open dashboards: a source by name ("" is the
 * default for logs), the sources a panel or a data-source variable can be bound to and the
 * default of each language, and where the deploy flow looks for log lines. Every method may block (the workspace): call off the FX thread.
 */
public interface LogSources {
    LogsSource logs(String name);

    /** The local store (PromQL and its own log subset) and the saved sources, each with its language. */
    List<SourceChoice> choices();

    /**
     * The source "" stands for in this language (a data-source variable offers it first and starts
     * on it); "" when this workspace cannot say.
     */
    default String defaultName(QueryLanguage language) {
        return "";
    }

    /** The source whose log lines the deploy comparison shows; empty when there is none. */
    Optional<String> deployLogsSource();

    /** No LogQL anywhere: log queries fail with a message saying so. */
    LogSources NONE = new LogSources() {
        @Override
        public LogsSource logs(String name) {
            throw new IllegalArgumentException("no LogQL source in this workspace: add a Loki source");
        }

        @Override
        public List<SourceChoice> choices() {
            return List.of();
        }

        @Override
        public Optional<String> deployLogsSource() {
            return Optional.empty();
        }
    };
}
