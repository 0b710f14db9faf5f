package io.vigia.datasources.promql;

import io.vigia.datasources.promql.parser.ParseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The series a query reads, as match[] selectors, from anywhere in the expression. */
class QuerySelectorsTest {
    @Test
    void everyVectorSelectorOnceWithItsMatchers() {
        assertThat(QuerySelectors.of("sum by (team) (increase(accepted_total{team=~\"a|b\"}[1d])) "
                + "/ sum by (team) (increase(shown_total[1d] offset 1w))"))
                .containsExactly("{__name__=\"accepted_total\",team=~\"a|b\"}", "{__name__=\"shown_total\"}");
        assertThat(QuerySelectors.of("histogram_quantile(0.95, sum by (le) (rate(h_bucket{service=\"pay\"}[5m])))"
                + " or max_over_time(up[1h:5m]) or -(up) or vector(1) or topk(3, x)"))
                .contains("{__name__=\"h_bucket\",service=\"pay\"}", "{__name__=\"up\"}", "{__name__=\"x\"}").hasSize(3);
        assertThat(QuerySelectors.of("1 + 2")).isEmpty();
    }

    @Test
    void valuesAreQuotedAsGoQuotesThem() {
        assertThat(QuerySelectors.of("{\"service.name\"=\"x\"}")).containsExactly("{\"service.name\"=\"x\"}");
        assertThat(QuerySelectors.of("up{path=\"a\\\"b\\nc\"}")).containsExactly("{__name__=\"up\",path=\"a\\\"b\\nc\"}");
    }

    @Test
    void notPromqlIsAParseError() {
        assertThatThrownBy(() -> QuerySelectors.of("sum(")).isInstanceOf(ParseException.class);
    }
}
