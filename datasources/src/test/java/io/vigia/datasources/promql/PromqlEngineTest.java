package io.vigia.datasources.promql;

import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.StaleMarker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromqlEngineTest {
    private InMemorySeriesReader store;
    private PromqlEngine engine;

    @BeforeEach
    void setUp() {
        store = new InMemorySeriesReader();
        engine = new PromqlEngine(store);
        for (int i = 0; i <= 20; i++) {
            long t = i * 15_000L;
            store.append(Labels.of("__name__", "req_total", "job", "api", "instance", "a"), t, i * 10.0);
            store.append(Labels.of("__name__", "req_total", "job", "api", "instance", "b"), t, i * 20.0);
            store.append(Labels.of("__name__", "req_total", "job", "db", "instance", "c"), t, i * 5.0);
        }
    }

    @Test
    void rangeQueryOfSumByRate() {
        QueryResponse r = engine.rangeQuery("sum by (job) (rate(req_total[1m]))", 60_000, 300_000, 60_000);
        QueryResult.Matrix m = (QueryResult.Matrix) r.result();
        assertThat(m.series()).extracting(QueryResult.RangeSeries::labels)
                .containsExactly(Labels.of("job", "api"), Labels.of("job", "db"));
        QueryResult.RangeSeries api = m.series().get(0);
        assertThat(api.timestamps()).containsExactly(60_000, 120_000, 180_000, 240_000, 300_000);
        // 10/15s + 20/15s per second, constant counters extrapolate exactly.
        for (double v : api.values()) {
            assertThat(v).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void staleMarkerEndsLookback() {
        Labels l = Labels.of("__name__", "g");
        store.append(l, 0, 1);
        store.append(l, 30_000, StaleMarker.VALUE);
        QueryResult.Vector before = (QueryResult.Vector) engine.instantQuery("g", 29_000).result();
        QueryResult.Vector after = (QueryResult.Vector) engine.instantQuery("g", 31_000).result();
        assertThat(before.size()).isEqualTo(1);
        assertThat(after.size()).isZero();
    }

    @Test
    void lookbackIsLeftOpen() {
        Labels l = Labels.of("__name__", "once");
        store.append(l, 0, 7);
        assertThat(((QueryResult.Vector) engine.instantQuery("once", 299_999).result()).size()).isEqualTo(1);
        assertThat(((QueryResult.Vector) engine.instantQuery("once", 300_000).result()).size()).isZero();
    }

    @Test
    void manyToOneWithoutGroupLeftIsAnError() {
        store.append(Labels.of("__name__", "info", "job", "api"), 0, 1);
        assertThatThrownBy(() -> engine.instantQuery("req_total * on (job) info", 0))
                .isInstanceOf(QueryException.class)
                .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                .extracting(e -> ((QueryException) e).errorType()).isEqualTo("execution");
        QueryResult.Vector ok = (QueryResult.Vector) engine.instantQuery("req_total * on (job) group_left info", 0).result();
        assertThat(ok.size()).isEqualTo(2);
    }

    @Test
    void parseErrorsAreBadData() {
        assertThatThrownBy(() -> engine.instantQuery("sum(", 0))
                .isInstanceOf(QueryException.class)
                .hasMessage("1:5: parse error: unclosed left parenthesis")
                .extracting(e -> ((QueryException) e).errorType()).isEqualTo("bad_data");
        assertThatThrownBy(() -> engine.rangeQuery("req_total[5m]", 0, 60_000, 15_000))
                .hasMessage("invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
    }

    @Test
    void subqueryAndAtModifier() {
        QueryResult.Vector v = (QueryResult.Vector) engine.instantQuery(
                "max_over_time(sum(req_total)[2m:30s] @ 150)", 0).result();
        assertThat(v.values()).containsExactly(350.0);
    }

    @Test
    void metricNameDroppedOnlyWhereValuesChange() {
        QueryResult.Vector cmp = (QueryResult.Vector) engine.instantQuery("req_total > 50", 300_000).result();
        assertThat(cmp.labels()).allMatch(l -> l.metricName().equals("req_total"));
        QueryResult.Vector arith = (QueryResult.Vector) engine.instantQuery("req_total + 1", 300_000).result();
        assertThat(arith.labels()).allMatch(l -> !l.has("__name__"));
    }

    @Test
    void delayedNameRemovalLetsLabelFunctionsReadTheName() {
        String q = "label_replace(rate(req_total{instance=\"a\"}[1m]), \"n\", \"$1\", \"__name__\", \"(.*)\")";
        QueryResult.Vector server = (QueryResult.Vector) engine.instantQuery(q, 300_000).result();
        QueryResult.Vector delayed = (QueryResult.Vector) new PromqlEngine(store, io.vigia.datasources.promql.ast.PromqlFeatures.DEFAULTS.with(io.vigia.datasources.promql.ast.PromqlFeature.DELAYED_NAME_REMOVAL)).instantQuery(q, 300_000).result();
        assertThat(server.labels()[0]).isEqualTo(Labels.of("instance", "a", "job", "api"));
        assertThat(delayed.labels()[0]).isEqualTo(Labels.of("instance", "a", "job", "api", "n", "req_total"));
    }

    @Test
    void interruptedQueryIsCanceled() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.instantQuery("sum(req_total)", 0))
                    .isInstanceOf(QueryException.class)
                    .extracting(e -> ((QueryException) e).errorType()).isEqualTo("canceled");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void jsonMatchesPrometheusApiShape() {
        QueryResponse r = engine.rangeQuery("req_total{instance=\"a\"} / 4", 0, 30_000, 15_000);
        assertThat(PrometheusJson.toJson(r)).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[{\"metric\":{\"instance\":\"a\",\"job\":\"api\"},"
                + "\"values\":[[0,\"0\"],[15,\"2.5\"],[30,\"5\"]]}]}}");
    }

    @Test
    void localSourceListsSeriesAndLabels() {
        LocalPromqlSource src = new LocalPromqlSource("Local", store);
        assertThat(src.series(List.of("req_total{job=\"db\"}"), null, null))
                .containsExactly(Labels.of("__name__", "req_total", "job", "db", "instance", "c"));
        assertThat(src.labelValues("instance", List.of(), null, null)).containsExactly("a", "b", "c");
        assertThat(src.labelNames(List.of("req_total"), Instant.ofEpochMilli(0), Instant.ofEpochMilli(10)))
                .containsExactly("__name__", "instance", "job");
        assertThatThrownBy(() -> src.series(List.of("req_total{"), null, null))
                .isInstanceOf(QueryException.class)
                .extracting(e -> ((QueryException) e).errorType()).isEqualTo("bad_data");
        QueryResponse q = src.queryRange("count(req_total)", Instant.ofEpochSecond(0), Instant.ofEpochSecond(60),
                Duration.ofSeconds(30));
        assertThat(((QueryResult.Matrix) q.result()).series().get(0).values()).containsExactly(3.0, 3.0, 3.0);
    }
}
