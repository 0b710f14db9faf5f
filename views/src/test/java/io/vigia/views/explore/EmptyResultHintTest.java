package io.vigia.views.explore;

import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty answer to rate(x[5m]) says why it may be empty; other answers say nothing more. */
class EmptyResultHintTest {
    private static final TimeRange R = new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
    private static final ExploreResult EMPTY = new ExploreResult(R, Duration.ofSeconds(15), List.of(), List.of(), List.of(), List.of(), List.of());

    @Test
    void anEmptyRateOverAShortLiteralRangeGetsTheHint() {
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "sum(rate(http_requests_total[5m]))", QueryLanguage.PROMQL))
                .contains("[5m]").contains("$__rate_interval");
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "increase(x[ 2m ])", QueryLanguage.PROMQL)).contains("[2m]");
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "max_over_time(rate(x[1m])[10m:])", QueryLanguage.PROMQL)).contains("[1m]");
    }

    @Test
    void noHintWhenThereIsDataOrNothingToExplain() {
        ExploreResult some = new ExploreResult(R, Duration.ofSeconds(15),
                List.of(new TimeSeriesData("a", new long[] {1}, new double[] {1})), List.of(), List.of(), List.of(), List.of());
        assertThat(QueryPaneViewModel.emptyResultHint(some, "rate(x[5m])", QueryLanguage.PROMQL)).isEmpty();
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "up", QueryLanguage.PROMQL)).isEmpty();
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "rate(x[$__rate_interval])", QueryLanguage.PROMQL)).isEmpty();
        assertThat(QueryPaneViewModel.emptyResultHint(EMPTY, "rate({app=\"x\"}[5m])", QueryLanguage.LOGQL)).isEmpty();
    }
}
