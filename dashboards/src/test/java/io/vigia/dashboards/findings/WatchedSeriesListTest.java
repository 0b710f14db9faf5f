package io.vigia.dashboards.findings;

import io.vigia.datasources.bindings.BindingOrigin;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.DurationUnit;
import io.vigia.datasources.bindings.LatencyBinding;
import io.vigia.datasources.bindings.LatencyKind;
import io.vigia.datasources.bindings.RequestCountBinding;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.ServiceLabel;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.StatusLabel;
import io.vigia.datasources.promql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedSeriesListTest {

    @Test
    void theContractWatchesEveryKeySeriesInVigiasOwnNames() {
        WatchedSeriesList.Watch w = WatchedSeriesList.of(null);
        assertThat(w.watched()).extracting(WatchedSeries::id)
                .containsExactly("latency-p95", "guardrail-blocks", "feature-mean", "sast-per-1000", "acceptance");
        assertThat(w.notWatched()).isEmpty();
        assertThat(w.watched().getFirst().expr()).contains("http_server_request_duration_seconds_bucket")
                .contains("and on (service)");
        w.watched().forEach(s -> Parser.parse(s.expr()));
    }

    /** Istio's standard metrics, as conventions.yaml binds them (istio.io "Istio Standard Metrics"). */
    @Test
    void aSourceInIstiosNamesIsWatchedInThemAndWhatItLacksIsSaid() {
        Map<SemanticInput, BoundInput> in = new EnumMap<>(SemanticInput.class);
        ServiceLabel workload = new ServiceLabel.OnSeries("destination_workload");
        Map<String, String> reporter = Map.of("reporter", "destination");
        put(in, new LatencyBinding("istio_request_duration_milliseconds", LatencyKind.CLASSIC_HISTOGRAM,
                DurationUnit.MILLISECONDS, workload, null, reporter, List.of()));
        put(in, new RequestCountBinding("istio_requests_total", workload, null, new StatusLabel("response_code", "5.."), reporter));
        in.put(SemanticInput.GUARDRAIL_DECISIONS, BoundInput.unbound(SemanticInput.GUARDRAIL_DECISIONS, List.of(),
                "needs a guardrail decision counter; found none"));

        WatchedSeriesList.Watch w = WatchedSeriesList.of(new SourceBindings("mesh", null, in));

        assertThat(w.watched()).extracting(WatchedSeries::id).containsExactly("latency-p95");
        WatchedSeries p95 = w.watched().getFirst();
        assertThat(p95.expr()).contains("istio_request_duration_milliseconds_bucket").contains("reporter=\"destination\"")
                .contains("and on (destination_workload)").contains("istio_requests_total")
                .doesNotContain("http_server_request_duration_seconds");
        assertThat(p95.legendFormat()).isEqualTo("{{destination_workload}}");
        Parser.parse(p95.expr());
        assertThat(w.notWatched()).anyMatch(s -> s.startsWith("guardrail blocks: needs a guardrail decision counter; found none"))
                .anyMatch(s -> s.startsWith("mean model input: needs a histogram of model-input features"))
                .anyMatch(s -> s.startsWith("Copilot suggestions: needs counters of code suggestions"));
    }

    private static void put(Map<SemanticInput, BoundInput> in, io.vigia.datasources.bindings.Binding b) {
        in.put(b.input(), new BoundInput(b.input(), b, BindingOrigin.PROBE, "test", List.of(), null, List.of()));
    }
}
