package io.vigia.datasources.promql;

import io.vigia.datasources.api.PrometheusJson;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromqlJsonTest {

    @Test
    void formatsValuesLikeGo() {
        assertThat(PrometheusJson.formatValue(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusJson.formatValue(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusJson.formatValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusJson.formatValue(1e21)).isEqualTo("1000000000000000000000");
        assertThat(PrometheusJson.formatValue(1.5e-7)).isEqualTo("0.00000015");
        assertThat(PrometheusJson.formatValue(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PrometheusJson.formatValue(42)).isEqualTo("42");
    }

    @Test
    void formatsTimestampsLikePrometheus() {
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_000L)).isEqualTo("1700000000");
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_500L)).isEqualTo("1700000000.500");
        assertThat(PrometheusJson.formatTimestamp(1_700_000_000_007L)).isEqualTo("1700000000.007");
        assertThat(PrometheusJson.formatTimestamp(-1_500L)).isEqualTo("-1.500");
    }

    @Test
    void writesVectorWithAnnotationsAndEscapes() {
        QueryResult.Vector v = new QueryResult.Vector(new Labels[] {Labels.of("__name__", "up", "q", "<a&b>")},
                new long[] {1_000}, new double[] {1});
        String json = PrometheusJson.toJson(new QueryResponse(v, List.of("PromQL warning: w (1:1)"), List.of()));
        assertThat(json).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{\"__name__\":\"up\",\"q\":\"\\u003ca\\u0026b\\u003e\"},\"value\":[1,\"1\"]}]},"
                + "\"warnings\":[\"PromQL warning: w (1:1)\"]}");
    }

    @Test
    void escapesLineSeparatorsLikeGo() {
        assertThat(PrometheusJson.stringsJson(List.of("a\u2028b\u2029c")))
                .isEqualTo("{\"status\":\"success\",\"data\":[\"a\\u2028b\\u2029c\"]}");
    }

    @Test
    void writesSeriesAndLabelLists() {
        assertThat(PrometheusJson.seriesJson(List.of(Labels.of("__name__", "up", "job", "a"))))
                .isEqualTo("{\"status\":\"success\",\"data\":[{\"__name__\":\"up\",\"job\":\"a\"}]}");
        assertThat(PrometheusJson.stringsJson(List.of("a", "b")))
                .isEqualTo("{\"status\":\"success\",\"data\":[\"a\",\"b\"]}");
    }

    @Test
    void writesScalarAndError() {
        assertThat(PrometheusJson.toJson(QueryResponse.of(new QueryResult.Scalar(2_250, -0.5))))
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[2.250,\"-0.5\"]}}");
        assertThat(PrometheusJson.errorJson(new QueryException("bad_data", "1:1: parse error: \"x\"")))
                .isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:1: parse error: \\\"x\\\"\"}");
    }
}
