package io.vigia.e2e;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.BindingStep;
import io.vigia.dashboards.query.BoundQuery;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.promql.QuerySelectors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL queries of the built-in dashboards as they run on the fleet simulator's data: each
 * template resolved as on any source that follows Vigia's contract (the simulator does), and only
 * the queries whose metrics the data holds. Left out: a template the contract cannot answer
 * (guardrail coverage; its panel says why) and the feeds for other origins (GitHub usage reports,
 * the assistants' OTLP), which read nothing here.
 */
final class BuiltInContractQueries {
    private static final Pattern NAME = Pattern.compile("__name__=\"([^\"]*)\"");

    record Bound(Dashboard dashboard, Panel panel, Query query, String expr) {
        String label() {
            return dashboard.uid() + " / " + panel.title() + " / " + query.refId();
        }
    }

    private BuiltInContractQueries() {
    }

    static List<Bound> on(MetricsSource data, Instant from, Instant to) {
        BindingStep contract = BindingStep.contract();
        Set<String> names = Set.copyOf(data.labelValues("__name__", List.of(), from, to));
        List<Bound> out = new ArrayList<>();
        for (Dashboard d : BuiltInDashboards.all()) {
            for (Panel p : d.allPanels()) {
                for (Query q : p.queries()) {
                    if (q.language() != QueryLanguage.PROMQL) {
                        continue; // a logs panel's LogQL: a Prometheus has no answer to compare
                    }
                    String bound = contract.resolvedText(q.dataSource(), q.expr());
                    if (!BoundQuery.isTemplate(bound) && names.containsAll(metricNames(bound))) {
                        out.add(new Bound(d, p, q, bound));
                    }
                }
            }
        }
        return out;
    }

    /** The metric names a query's selectors name exactly ({@code {__name__="x",...}} as QuerySelectors writes them). */
    private static Set<String> metricNames(String expr) {
        Set<String> out = new HashSet<>();
        List<String> selectors;
        try {
            selectors = QuerySelectors.of(expr.replace("$__rate_interval", "5m").replace("$__range", "1d").replace("$__interval", "1m"));
        } catch (RuntimeException e) {
            return out; // a macro this list does not know: the query is compared, and says so if it fails
        }
        for (String selector : selectors) {
            Matcher m = NAME.matcher(selector);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
