package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Variable;
import org.junit.jupiter.api.Test;

import io.vigia.datasources.grafana.GrafanaResolution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryExpanderTest {
    private static final Variable.QueryVariable SERVICE = new Variable.QueryVariable("service", "", "",
            "label_values(up, service)", "", true, true, "", List.of("payments"));
    private static final Variable.CustomVariable ENV = new Variable.CustomVariable("env", "", List.of("prod", "stage"),
            false, false, "", List.of("prod"));

    private static String expand(String expr, Map<String, List<String>> values) {
        Instant to = Instant.parse("2026-11-23T00:00:00Z");
        GrafanaResolution res = GrafanaResolution.compute(to.minus(Duration.ofDays(7)), to, 10_080, Duration.ofSeconds(15));
        return QueryExpander.expand(expr, List.of(SERVICE, ENV), values,
                Map.of("service", List.of("payments", "api.v2")), res);
    }

    @Test
    void singleValuesAndEverySpellingOfAReference() {
        assertThat(expand("up{service=~\"$service\", env=\"${env}\", x=\"[[env]]\"}", Map.of()))
                .isEqualTo("up{service=~\"payments\", env=\"prod\", x=\"prod\"}");
    }

    @Test
    void multiValuesAndAllBecomeAnEscapedAlternation() {
        assertThat(expand("up{service=~\"$service\"}", Map.of("service", List.of("payments", "api.v2"))))
                .isEqualTo("up{service=~\"(payments|api\\\\.v2)\"}");
        assertThat(expand("up{service=~\"$service\"}", Map.of("service", List.of(Variable.ALL))))
                .isEqualTo("up{service=~\"(payments|api\\\\.v2)\"}");
    }

    @Test
    void grafanasMacros() {
        assertThat(expand("rate(x[$__rate_interval]) + rate(x[$__interval]) / $__range_s + sum_over_time(y[$__range])", Map.of()))
                .isEqualTo("rate(x[1m15s]) + rate(x[1m]) / 604800 + sum_over_time(y[604800s])");
    }

    @Test
    void unknownReferencesAreLeftAlone() {
        assertThat(expand("up{job=\"$nope\"} * $__unknown", Map.of())).isEqualTo("up{job=\"$nope\"} * $__unknown");
    }
}
