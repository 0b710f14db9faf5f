package io.vigia.datasources.otlp;

import io.vigia.datasources.otlp.PrometheusNaming.Kind;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names as the Prometheus compatibility spec and its reference translator
 * (prometheus/otlptranslator, whose doc comments give several of these examples) make them.
 */
class PrometheusNamingTest {

    @Test
    void unitsBecomeSuffixesAndTypesAddTheirs() {
        assertThat(PrometheusNaming.metricName("http.server.request.duration", "s", Kind.HISTOGRAM))
                .isEqualTo("http_server_request_duration_seconds");
        assertThat(PrometheusNaming.metricName("requests.count", "1", Kind.COUNTER)).isEqualTo("requests_count_total");
        assertThat(PrometheusNaming.metricName("memory.usage", "By", Kind.GAUGE)).isEqualTo("memory_usage_bytes");
        assertThat(PrometheusNaming.metricName("cpu.utilization", "1", Kind.GAUGE)).isEqualTo("cpu_utilization_ratio");
        assertThat(PrometheusNaming.metricName("net.io", "By/s", Kind.GAUGE)).isEqualTo("net_io_bytes_per_second");
        assertThat(PrometheusNaming.metricName("gen_ai.client.token.usage", "{token}", Kind.HISTOGRAM))
                .isEqualTo("gen_ai_client_token_usage");
        // units with no Prometheus word stay as they are
        assertThat(PrometheusNaming.metricName("claude_code.cost.usage", "USD", Kind.COUNTER)).isEqualTo("claude_code_cost_usage_USD_total");
        // "total" already in the name moves to the end, after the unit
        assertThat(PrometheusNaming.metricName("claude_code.active_time.total", "s", Kind.COUNTER))
                .isEqualTo("claude_code_active_time_seconds_total");
        assertThat(PrometheusNaming.metricName("request.duration.seconds", "s", Kind.HISTOGRAM)).isEqualTo("request_duration_seconds");
    }

    @Test
    void invalidCharactersCollapseAndDigitsCannotLead() {
        assertThat(PrometheusNaming.metricName("foo__bar--baz", "", Kind.GAUGE)).isEqualTo("foo_bar_baz");
        assertThat(PrometheusNaming.metricName("2xx.count", "", Kind.COUNTER)).isEqualTo("_2xx_count_total");
        assertThat(PrometheusNaming.metricName("...", "", Kind.GAUGE)).isNull();
        assertThat(PrometheusNaming.labelName("http.method")).isEqualTo("http_method");
        assertThat(PrometheusNaming.labelName("123invalid")).isEqualTo("key_123invalid");
        assertThat(PrometheusNaming.labelName("a..b")).isEqualTo("a_b");
        assertThat(PrometheusNaming.labelName("__reserved__")).isEqualTo("__reserved__");
        assertThat(PrometheusNaming.labelName("...")).isNull();
    }

    @Test
    void attributesThatSanitizeAlikeAreJoinedInKeyOrder() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("a_b", "second");
        attrs.put("a.b", "first");
        attrs.put("empty", "");
        Labels.Builder b = Labels.builder();
        Attributes.addLabels(b, attrs);
        assertThat(b.build()).isEqualTo(Labels.of("a_b", "first;second"));
    }

    @Test
    void boundariesAreWrittenAsPrometheusWritesThem() {
        assertThat(Attributes.number(5.0)).isEqualTo("5");
        assertThat(Attributes.number(0.005)).isEqualTo("0.005");
        assertThat(Attributes.number(1e-4)).isEqualTo("0.0001");
        assertThat(Attributes.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }
}
