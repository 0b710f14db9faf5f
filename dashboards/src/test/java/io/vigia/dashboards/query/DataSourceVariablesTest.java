package io.vigia.dashboards.query;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Variable;
import io.vigia.datasources.grafana.GrafanaResolution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataSourceVariablesTest {
    private static final Variable.DataSourceVariable PROM = new Variable.DataSourceVariable("ds_prometheus", "Datasource", "prometheus", "", List.of());
    private static final Variable.DataSourceVariable LOKI = new Variable.DataSourceVariable("loki_datasource", "", "loki", "", List.of());
    private static final List<SourceChoice> WORKSPACE = List.of(new SourceChoice("local", QueryLanguage.PROMQL),
            new SourceChoice("prod", QueryLanguage.PROMQL), new SourceChoice("logs", QueryLanguage.LOGQL));

    @Test
    void aVariableOffersTheSourcesOfItsTypeTheDefaultFirst() {
        assertThat(DataSourceVariables.options(PROM, WORKSPACE, "local")).containsExactly("local", "prod");
        assertThat(DataSourceVariables.options(PROM, WORKSPACE, "prod")).containsExactly("prod", "local");
        assertThat(DataSourceVariables.options(LOKI, WORKSPACE, "local")).containsExactly("local", "logs");
        Variable.DataSourceVariable filtered = new Variable.DataSourceVariable("d", "", "prometheus", "/pro.*/", List.of());
        assertThat(DataSourceVariables.options(filtered, WORKSPACE, "local")).containsExactly("prod");
        Variable.DataSourceVariable graphite = new Variable.DataSourceVariable("g", "", "graphite", "", List.of());
        assertThat(DataSourceVariables.options(graphite, WORKSPACE, "local")).isEmpty();
    }

    @Test
    void everySpellingOfAReferenceRunsOnTheChosenSourceAndNothingChosenOnTheDefault() {
        List<Variable> vars = List.of(PROM);
        for (String ref : List.of("$ds_prometheus", "${ds_prometheus}", "[[ds_prometheus]]", "${ds_prometheus:text}")) {
            assertThat(DataSourceVariables.resolve(ref, vars, Map.of("ds_prometheus", List.of("prod")))).as(ref).isEqualTo("prod");
            assertThat(DataSourceVariables.resolve(ref, vars, Map.of())).as(ref).isEmpty();
            assertThat(DataSourceVariables.resolve(ref, vars, Map.of("ds_prometheus", List.of("default")))).as(ref).isEmpty();
        }
        assertThat(DataSourceVariables.resolve("prod", vars, Map.of())).isEqualTo("prod");
        assertThat(DataSourceVariables.resolve("$unknown", vars, Map.of())).as("named in the error it will give").isEqualTo("$unknown");
    }

    @Test
    void thePreparedQueryCarriesTheResolvedSource() {
        Query q = new Query("A", "${ds_prometheus}", QueryLanguage.PROMQL, "up", "", false, false, "");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        GrafanaResolution res = GrafanaResolution.compute(t, t.plusSeconds(3600), 600, Duration.ofSeconds(15));
        PreparedQuery p = QueryPreparation.EXPAND.prepare(q, new QueryPreparation.Context(List.of(PROM),
                Map.of("ds_prometheus", List.of("prod")), Map.of(), res));
        assertThat(p.dataSource()).isEqualTo("prod");
        assertThat(p.expr()).isEqualTo("up");
    }
}
