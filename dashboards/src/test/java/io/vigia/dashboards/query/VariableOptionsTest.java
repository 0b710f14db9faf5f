package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VariableOptionsTest {
    @TempDir
    Path dir;

    @Test
    void grafanasPrometheusVariableQueriesGiveTheirValues() {
        long t = 1_700_000_000_000L;
        try (Workspace ws = Workspace.open(dir.resolve("v.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                w.append(Labels.of("__name__", "up", "job", "api", "instance", "a:1"), t, 1);
                w.append(Labels.of("__name__", "up", "job", "db", "instance", "b:2"), t, 0);
                w.append(Labels.of("__name__", "http_requests_total", "job", "api", "instance", "a:1"), t, 5);
                w.commit();
            }
            VariableOptions options = new VariableOptions(name -> new LocalPromqlSource("local", store));
            TimeRange range = new TimeRange(Instant.ofEpochMilli(t - 60_000), Instant.ofEpochMilli(t + 60_000));
            assertThat(options.options(query("label_values(job)", ""), range)).containsExactly("api", "db");
            assertThat(options.options(query("label_values(up{job=\"db\"}, instance)", ""), range)).containsExactly("b:2");
            assertThat(options.options(query("label_values(up, instance)", "/([a-z]):.*/"), range)).containsExactly("a", "b");
            assertThat(options.options(query("metrics(http_.*)", ""), range)).containsExactly("http_requests_total");
            assertThat(options.options(query("query_result(sum by (job) (up))", "/job=\"([^\"]+)\"/"), range))
                    .containsExactlyInAnyOrder("api", "db");
            assertThat(options.options(new Variable.CustomVariable("env", "", List.of("prod", "staging"), false, true, "", List.of()), range))
                    .containsExactly("prod", "staging");
        }
    }

    private static Variable.QueryVariable query(String q, String regex) {
        return new Variable.QueryVariable("v", "", "", q, regex, false, false, "", List.of());
    }
}
