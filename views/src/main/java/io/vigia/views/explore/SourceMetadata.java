package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.http.CancellationToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metric names, label names and label values of each source, asked once per session and kept:
 * completion must not send a request per keystroke. {@link #fetch} blocks; {@link #cached} does not.
 */
public final class SourceMetadata {

    /** One question to a source: every metric name, the label names of a metric, or one label's values. */
    public record Key(String source, QueryLanguage language, What what, String metric, String label) {
        public enum What { METRIC_NAMES, LABEL_NAMES, LABEL_VALUES }
    }

    private final ExploreSources sources;
    private final Map<Key, List<String>> cache = new ConcurrentHashMap<>();

    public SourceMetadata(ExploreSources sources) {
        this.sources = sources;
    }

    public Optional<List<String>> cached(Key key) {
        return Optional.ofNullable(cache.get(key));
    }

    /** Asks the source (or answers from the cache); {@code range} bounds the series looked at. */
    public List<String> fetch(Key key, TimeRange range) {
        List<String> hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        List<String> answer = List.copyOf(ask(key, range).stream().sorted().distinct().toList());
        cache.put(key, answer);
        return answer;
    }

    private List<String> ask(Key key, TimeRange r) {
        if (key.language() == QueryLanguage.LOGQL) {
            LokiClient loki = sources.logs(key.source());
            return switch (key.what()) {
                case METRIC_NAMES -> List.of();
                case LABEL_NAMES -> loki.labels(r.from(), r.to(), null, CancellationToken.NONE);
                case LABEL_VALUES -> loki.labelValues(key.label(), r.from(), r.to(), null, CancellationToken.NONE);
            };
        }
        MetricsSource m = sources.metrics(key.source());
        List<String> matchers = key.metric().isEmpty() ? List.of() : List.of(key.metric());
        return switch (key.what()) {
            case METRIC_NAMES -> m.labelValues("__name__", List.of(), r.from(), r.to());
            case LABEL_NAMES -> m.labelNames(matchers, r.from(), r.to()).stream().filter(n -> !n.equals("__name__")).toList();
            case LABEL_VALUES -> m.labelValues(key.label(), matchers, r.from(), r.to());
        };
    }
}
