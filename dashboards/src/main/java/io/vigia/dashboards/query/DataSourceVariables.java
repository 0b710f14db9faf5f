package io.vigia.dashboards.query;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.model.VariableRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Data-source variables as Grafana's: a variable of type {@code datasource} whose query names a
 * type ({@code prometheus}, {@code loki}) offers the workspace's sources of that type, the
 * default first, and a panel, query variable or annotation whose data source is
 * {@code $datasource}, {@code ${ds_prometheus}} or {@code [[datasource]]} runs on the one chosen.
 * Nothing chosen yet, or Grafana's {@code default}, is the workspace's default source ("").
 */
public final class DataSourceVariables {
    private DataSourceVariables() {
    }

    /**
     * The source a data-source field names once its variable is resolved: the variable's choice,
     * "" for the default; a name that is no data-source variable is returned as it is.
     */
    public static String resolve(String dataSource, List<Variable> variables, Map<String, List<String>> values) {
        Optional<String> name = VariableRef.nameIn(dataSource);
        if (name.isEmpty()) {
            return dataSource;
        }
        Variable v = variables.stream().filter(x -> x.name().equals(name.get())).findFirst().orElse(null);
        if (!(v instanceof Variable.DataSourceVariable)) {
            return dataSource;
        }
        List<String> chosen = values.getOrDefault(v.name(), v.current());
        String value = chosen.isEmpty() ? "" : chosen.getFirst();
        return value.equals("default") || value.equals(Variable.ALL) ? "" : value;
    }

    /** The language of the sources a variable of this type offers; empty for a type Vigia does not query. */
    public static Optional<QueryLanguage> language(Variable.DataSourceVariable v) {
        return switch (v.kind().toLowerCase(Locale.ROOT)) {
            case "prometheus" -> Optional.of(QueryLanguage.PROMQL);
            case "loki" -> Optional.of(QueryLanguage.LOGQL);
            default -> Optional.empty();
        };
    }

    /**
     * The names a data-source variable offers: the sources of its type (the default, given, first,
     * as the one chosen when nothing else is), filtered by its regex as Grafana filters instance names.
     */
    public static List<String> options(Variable.DataSourceVariable v, List<SourceChoice> available, String defaultName) {
        QueryLanguage language = language(v).orElse(null);
        if (language == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (defaultName != null && !defaultName.isEmpty()) {
            names.add(defaultName);
        }
        for (SourceChoice c : available) {
            if (c.language() == language && !names.contains(c.name())) {
                names.add(c.name());
            }
        }
        return VariableOptions.filter(names, v.regex());
    }
}
