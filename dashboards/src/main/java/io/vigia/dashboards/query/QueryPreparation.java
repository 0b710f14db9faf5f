package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.Variable;
import io.vigia.datasources.grafana.GrafanaResolution;

import java.util.List;
import java.util.Map;

/**
 * The stage between a panel's saved query and the source: everything that rewrites or resolves
 * the query before it runs. The default ({@link #EXPAND}) replaces dashboard variables and
 * Grafana's macros; a per-source binding step can wrap it (it sees the query, including its data
 * source, and the context) without the loader, reports or Explore changing.
 */
@FunctionalInterface
public interface QueryPreparation {

    /** What a query is prepared against: the dashboard's variables, their values, and the resolution. */
    record Context(List<Variable> variables, Map<String, List<String>> values, Map<String, List<String>> allValues,
                   GrafanaResolution resolution) {
        public Context {
            variables = List.copyOf(variables);
            values = Map.copyOf(values);
            allValues = Map.copyOf(allValues);
        }

        /** No dashboard variables: only the macros are expanded (Explore). */
        public static Context macrosOnly(GrafanaResolution resolution) {
            return new Context(List.of(), Map.of(), Map.of(), resolution);
        }
    }

    PreparedQuery prepare(Query query, Context context);

    /**
     * Variables (multi-value and "All" as escaped regex alternations), then the macros; the step is
     * the resolution's; a data-source variable in the query's source is resolved to its choice.
     */
    QueryPreparation EXPAND = (q, c) -> new PreparedQuery(q,
            QueryExpander.expand(q.expr(), c.variables(), c.values(), c.allValues(), c.resolution()), c.resolution().step(),
            DataSourceVariables.resolve(q.dataSource(), c.variables(), c.values()));
}
