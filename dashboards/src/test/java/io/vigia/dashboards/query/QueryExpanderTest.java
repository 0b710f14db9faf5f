package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Variable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryExpanderTest {
    private static final Variable.QueryVariable SERVICE = new Variable.QueryVariable("service", "", "",
            "label_values(up, service)", "", true, true, "", List.of("payments"));
    private static final Variable.CustomVariable ENV = new Variable.CustomVariable("env", "", List.of("prod", "stage"),
            false, false, "", List.of("prod"));

    private static String expand(String expr, Map<String, List<String>> values) {
        return QueryExpander.expand(expr, List.of(SERVICE, ENV), values,
                Map.of("service", List.of("payments", "api.v2")), Duration.ofMinutes(1), Duration.ofDays(7), Duration.ofSeconds(15));
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
                .isEqualTo("rate(x[1m15s]) + rate(x[1m]) / 604800 + sum_over_time(y[1w])");
    }

    @Test
    void unknownReferencesAreLeftAlone() {
        assertThat(expand("up{job=\"$nope\"} * $__unknown", Map.of())).isEqualTo("up{job=\"$nope\"} * $__unknown");
    }
}
