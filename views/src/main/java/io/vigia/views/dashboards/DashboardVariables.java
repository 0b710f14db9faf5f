package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Variable;
import io.vigia.dashboards.query.DataSourceVariables;
import io.vigia.dashboards.query.VariableOptions;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An open dashboard's variables as the toolbar shows them (constants are not shown): the values
 * each offers, loaded in the background, chained as Grafana chains them (a variable whose query or
 * data source names another reloads when that one changes), and the current choices. A change of
 * selection calls {@code changed}.
 */
public final class DashboardVariables {
    private final Supplier<Dashboard> dashboard;
    private final VariableOptions options;
    private final TaskScope tasks;
    private final StringProperty status;
    private final Supplier<LogSources> logSources;
    private final Supplier<TimeRange> range;
    private final List<VariableState> states = new ArrayList<>();
    /** Each variable's selection as of the last change, for resolving data-source variables off the FX thread. */
    private volatile Map<String, List<String>> chosen = Map.of();

    DashboardVariables(Supplier<Dashboard> dashboard, VariableOptions options, TaskScope tasks, StringProperty status,
                       Supplier<LogSources> logSources, Supplier<TimeRange> range, Runnable changed) {
        this.dashboard = dashboard;
        this.options = options;
        this.tasks = tasks;
        this.status = status;
        this.logSources = logSources;
        this.range = range;
        for (Variable v : dashboard.get().variables()) {
            if (!(v instanceof Variable.TextVariable t && t.constant())) {
                VariableState st = new VariableState(v);
                st.selected().addListener((ListChangeListener<String>) c -> {
                    remember();
                    loadQueryOptions(v.name()); // those whose query or source names it
                    changed.run();
                });
                states.add(st);
            }
        }
        remember();
    }

    /** The variables shown in the toolbar. */
    public List<VariableState> states() {
        return states;
    }

    /** Each variable's selected values; on the FX thread. */
    Map<String, List<String>> values() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        states.forEach(st -> out.put(st.variable().name(), List.copyOf(st.selected())));
        return out;
    }

    /** Each variable's offered values ("All"); on the FX thread. */
    Map<String, List<String>> offered() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        states.forEach(st -> out.put(st.variable().name(), List.copyOf(st.options())));
        return out;
    }

    /** The source a data-source field names, its data-source variable resolved to the current choice; any thread. */
    String sourceOf(String name) {
        return DataSourceVariables.resolve(name, dashboard.get().variables(), chosen);
    }

    /**
     * Loads each variable's values in the background. A data-source variable offers the
     * workspace's sources of its type, the default first.
     */
    void load() {
        LogSources ls = logSources.get();
        for (VariableState st : states) {
            if (st.variable() instanceof Variable.DataSourceVariable v) {
                tasks.submit(BackgroundTask.of("Sources for $" + v.name(), p -> DataSourceVariables.options(v, ls.choices(),
                                DataSourceVariables.language(v).map(ls::defaultName).orElse("")))
                        .quiet()
                        .onSuccess(st::offer)
                        .onFailure(e -> status.set("$" + v.name() + ": " + e.getMessage())));
            }
        }
        loadQueryOptions(null);
    }

    private void remember() {
        chosen = values();
    }

    /** Loads the values of the variables other than data-source ones; with {@code changed}, only of those that refer to it. */
    private void loadQueryOptions(String changed) {
        TimeRange r = range.get();
        Map<String, List<String>> values = values();
        Map<String, List<String>> all = offered();
        List<Variable> defined = dashboard.get().variables();
        for (VariableState st : states) {
            if (!(st.variable() instanceof Variable.DataSourceVariable) && (changed == null || refersTo(st.variable(), changed))) {
                tasks.submit(BackgroundTask.of("Values of $" + st.variable().name(),
                                p -> options.options(st.variable(), r, defined, values, all))
                        .quiet()
                        .onSuccess(st::offer)
                        .onFailure(e -> status.set("$" + st.variable().name() + ": " + e.getMessage())));
            }
        }
    }

    private static boolean refersTo(Variable v, String name) {
        if (!(v instanceof Variable.QueryVariable q) || v.name().equals(name)) {
            return false;
        }
        Pattern ref = Pattern.compile("\\$" + Pattern.quote(name) + "\\b|\\$\\{" + Pattern.quote(name) + "[}:]|\\[\\[" + Pattern.quote(name) + "]]");
        return ref.matcher(q.query()).find() || ref.matcher(q.dataSource()).find();
    }
}
