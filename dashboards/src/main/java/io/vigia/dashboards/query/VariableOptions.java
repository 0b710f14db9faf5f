package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values a dashboard variable offers, as Grafana's Prometheus data source computes them:
 * {@code label_values(label)}, {@code label_values(metric_or_selector, label)},
 * {@code label_names()}, {@code metrics(regex)} and {@code query_result(expr)}, then the
 * variable's regex (its first capture group when it has one). Custom and interval variables give
 * their options; a text variable its text. Blocking: run it off the UI thread.
 */
public final class VariableOptions {
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\(\\s*(?:(.*?)\\s*,\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern METRICS = Pattern.compile("^\\s*metrics\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern LABEL_NAMES = Pattern.compile("^\\s*label_names\\s*\\(\\s*\\)\\s*$");

    private final Function<String, MetricsSource> sources;
    private final BindingStep binding;

    public VariableOptions(Function<String, MetricsSource> sources) {
        this(sources, BindingStep.contract());
    }

    /** @param binding resolves a built-in's variable template ({@code @label_values of=service}) in the source's names */
    public VariableOptions(Function<String, MetricsSource> sources, BindingStep binding) {
        this.sources = sources;
        this.binding = binding;
    }

    public List<String> options(Variable v, TimeRange range) throws QueryException {
        return options(v, range, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * The values of {@code v} given the other variables' choices, as Grafana chains them: a query
     * variable's query has the others expanded ({@code label_values(node_uname_info{job="$job"}, instance)})
     * and its data source, a data-source variable, resolved ({@link DataSourceVariables#resolve}).
     * A data-source variable's own options come from the workspace's catalog, not from here.
     *
     * @param values    each variable's selected values
     * @param allValues each variable's offered values ("All")
     */
    public List<String> options(Variable v, TimeRange range, List<Variable> variables, Map<String, List<String>> values,
                                Map<String, List<String>> allValues) throws QueryException {
        UnaryOperator<String> expand = text -> QueryExpander.expandVariables(text, variables, values, allValues);
        return options(v, range, source -> DataSourceVariables.resolve(source, variables, values), expand);
    }

    private List<String> options(Variable v, TimeRange range, UnaryOperator<String> sourceOf, UnaryOperator<String> expand) {
        return switch (v) {
            case Variable.CustomVariable c -> c.options();
            case Variable.IntervalVariable i -> i.options();
            case Variable.TextVariable t -> t.current();
            case Variable.DataSourceVariable d -> d.current();
            case Variable.QueryVariable q -> filter(query(q, range, sourceOf, expand), q.regex());
        };
    }

    private List<String> query(Variable.QueryVariable q, TimeRange range, UnaryOperator<String> sourceOf, UnaryOperator<String> expand) {
        String dataSource = sourceOf.apply(q.dataSource());
        MetricsSource source = sources.apply(dataSource);
        String text = binding.resolvedText(dataSource, expand.apply(q.query()));
        if (BoundQuery.isTemplate(text)) {
            return List.of(); // the source lacks what the template needs; the panels say what
        }
        Matcher m = LABEL_VALUES.matcher(text);
        if (m.matches()) {
            String selector = m.group(1);
            List<String> matchers = selector == null || selector.isBlank() ? List.of() : List.of(selector.strip());
            return sorted(source.labelValues(m.group(2), matchers, range.from(), range.to()));
        }
        if (LABEL_NAMES.matcher(text).matches()) {
            return sorted(source.labelNames(List.of(), range.from(), range.to()));
        }
        m = METRICS.matcher(text);
        if (m.matches()) {
            List<String> names = source.labelValues(Labels.METRIC_NAME, List.of(), range.from(), range.to());
            return filter(sorted(names), m.group(1).strip());
        }
        m = QUERY_RESULT.matcher(text);
        String expr = m.matches() ? m.group(1) : text;
        // Grafana lists each series of an instant query as: {labels} value timestamp
        QueryResult r = source.query(expr, range.to()).result();
        List<String> out = new ArrayList<>();
        if (r instanceof QueryResult.Vector vec) {
            for (int i = 0; i < vec.size(); i++) {
                out.add(vec.labels()[i].toString() + " " + vec.values()[i] + " " + vec.timestamps()[i]);
            }
        } else if (r instanceof QueryResult.Scalar s) {
            out.add(Double.toString(s.value()));
        }
        return out;
    }

    private static List<String> sorted(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    /** Keeps the values matching {@code regex} (Grafana's /re/ form too), by their first group when there is one. */
    static List<String> filter(List<String> values, String regex) {
        String re = regex == null ? "" : regex.strip();
        if (re.isEmpty()) {
            return values;
        }
        if (re.length() >= 2 && re.startsWith("/") && re.lastIndexOf('/') > 0) {
            re = re.substring(1, re.lastIndexOf('/'));
        }
        Pattern p;
        try {
            p = Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new QueryException("bad_data", "the variable's regex is not valid: " + e.getDescription());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            Matcher m = p.matcher(v);
            if (m.find()) {
                out.add(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : v);
            }
        }
        return new ArrayList<>(out);
    }
}
