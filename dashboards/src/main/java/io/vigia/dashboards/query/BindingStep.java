package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Query;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.guardrail.OwaspMapping;

import java.util.Optional;

/**
 * The binding step of the query path: a built-in panel's template ({@link BoundQuery}) becomes
 * PromQL in the names of the query's source, then variables and macros are expanded as for any
 * query. Plain PromQL passes through untouched. A source that lacks what a template needs gives
 * a query that is not run and says why ("needs a request-latency histogram; found …").
 */
public final class BindingStep implements QueryPreparation {
    private final BindingsLookup bindings;
    private final TemplateResolver resolver;
    private final QueryPreparation then;

    public BindingStep(BindingsLookup bindings) {
        this(bindings, QueryPreparation.EXPAND);
    }

    public BindingStep(BindingsLookup bindings, QueryPreparation then) {
        this.bindings = bindings;
        this.resolver = new TemplateResolver(OwaspMapping.standard());
        this.then = then;
    }

    /** Templates read as Vigia's own contract: what a loader without a workspace uses. */
    public static BindingStep contract() {
        return new BindingStep(BindingsLookup.CONTRACT);
    }

    @Override
    public PreparedQuery prepare(Query q, Context c) {
        Optional<BoundQuery> template;
        try {
            template = BoundQuery.parse(q.expr());
        } catch (IllegalArgumentException e) {
            return PreparedQuery.notRun(q, e.getMessage(), true);
        }
        if (template.isEmpty()) {
            return then.prepare(q, c);
        }
        return switch (resolve(template.get(), q)) {
            case Resolution.Missing m -> PreparedQuery.notRun(q, m.reason(), true);
            case Resolution.Skipped s -> PreparedQuery.notRun(q, s.note(), false);
            case Resolution.Ready r -> then.prepare(bound(q, r), c).withNotes(r.notes(), r.fold());
        };
    }

    /** The template of {@code q} for its source; blocking when the source is probed on first use. */
    public Resolution resolve(BoundQuery t, Query q) {
        SourceBindings b = bindings.of(q.dataSource());
        return resolver.resolve(t, b, q.legendFormat());
    }

    /**
     * A query text with its template resolved for {@code dataSource}, variables and macros left as
     * they are (Grafana export, a variable's query); plain text is returned unchanged, a template
     * the source cannot answer is returned as it is.
     */
    public String resolvedText(String dataSource, String text) {
        Optional<BoundQuery> t = BoundQuery.parse(text);
        if (t.isEmpty()) {
            return text;
        }
        return resolver.resolve(t.get(), bindings.of(dataSource), "") instanceof Resolution.Ready r ? r.promql() : text;
    }

    /** The saved query with the bound text and legend. */
    static Query bound(Query q, Resolution.Ready r) {
        return new Query(q.refId(), q.dataSource(), q.language(), r.promql(), r.legend(), q.instant(), q.hidden(), q.minInterval());
    }
}
