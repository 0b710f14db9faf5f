package io.vigia.dashboards.query;

import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelSources;
import io.vigia.dashboards.model.Query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A panel with several feeds ({@link PanelSources}): each feed's queries are loaded in turn and
 * the first that gives a value is the panel's data, named by its feed. When none gives one, the
 * panel is empty with a reason: the workspace holds a feed's series but not in this range, or it
 * holds none of them and the panel says what would feed it.
 */
final class FeedSelection {
    private FeedSelection() {
    }

    /**
     * @param load        loads the panel as given (its own queries, no feeds)
     * @param selectors the series selectors a query reads (after the panel's macros are expanded)
     * @param stored    whether the panel's source holds a selector's series at any time (asked only when no feed answered)
     */
    static PanelData load(Panel p, Function<Panel, PanelData> load, Function<Query, Set<String>> selectors,
                          Predicate<String> stored) {
        PanelSources sources = p.options().sources();
        List<PanelSources.Feed> feeds = sources.feeds();
        List<Panel> variants = variants(p);
        List<String> errors = new ArrayList<>();
        List<PanelData> loaded = new ArrayList<>();
        PanelData first = null;
        for (int i = 0; i < variants.size(); i++) {
            PanelData data = load.apply(variants.get(i));
            loaded.add(data);
            if (hasValue(data, variants.get(i))) {
                return data.withProvenance(Provenance.fed(feeds.get(i)));
            }
            if (first == null) {
                first = data;
            }
            String label = feeds.get(i).label();
            data.errors().forEach(e -> errors.add(variants.size() > 1 ? label + ": " + e : e));
        }
        String reason = reason(sources, variants, loaded, selectors, stored);
        // every feed's queries as sent: a report tells "no feed could run here" from a query that failed
        List<PanelData.Sent> sent = new ArrayList<>();
        loaded.forEach(d -> sent.addAll(d.sent()));
        return new PanelData(List.of(), List.of(), first.step(), first.notices(), errors, first.staleSince(),
                Provenance.missing(reason)).withSent(sent);
    }

    /** Whether the feed's first visible query (its value: a stat's A, a chart's first series) gave a value. */
    static boolean hasValue(PanelData data, Panel variant) {
        if (DriftPanel.isDrift(variant)) {
            return data.hasValues(); // scored in Vigia: its series are named by score, not by query
        }
        String ref = valueRef(variant);
        for (int i = 0; i < data.series().size(); i++) {
            if (data.refIds().get(i).equals(ref)) {
                for (double v : data.series().get(i).values()) {
                    if (!Double.isNaN(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why no feed answered, in the reader's words: a feed whose query answered without a value (a
     * ratio with nothing to divide by), a feed the workspace holds for other times, a feed whose
     * source is there without the series this panel reads; and, when the workspace holds none of
     * it for this range, what would feed the panel.
     */
    static String reason(PanelSources sources, List<Panel> variants, List<PanelData> loaded,
                         Function<Query, Set<String>> selectors, Predicate<String> stored) {
        List<PanelSources.Feed> feeds = sources.feeds();
        Set<String> noValue = new LinkedHashSet<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        List<String> lacking = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            String label = feeds.get(i).label();
            if (answered(loaded.get(i), variants.get(i))) {
                noValue.add(label);
                continue;
            }
            Set<String> read = valueSelectors(variants.get(i), selectors);
            Set<String> absent = new LinkedHashSet<>();
            read.forEach(sel -> {
                if (!stored.test(sel)) {
                    absent.add(sel);
                }
            });
            if (!read.isEmpty() && absent.isEmpty()) {
                elsewhere.add(label);
            } else if (absent.size() < read.size()) {
                lacking.add("Of what the " + label + " feed reads, the workspace has no " + String.join(", ", absent) + ".");
            }
        }
        List<String> out = new ArrayList<>();
        if (!noValue.isEmpty()) {
            out.add(String.join(" and ", noValue) + " give no value for this range (nothing to divide by).");
        }
        if (!elsewhere.isEmpty()) {
            out.add("The workspace holds " + String.join(" and ", elsewhere) + " for other times, not this range.");
        }
        out.addAll(lacking);
        if (noValue.isEmpty() && elsewhere.isEmpty()) {
            out.add(sources.needs() + held(variants.getFirst(), selectors, stored) + ".");
        }
        return String.join(" ", out);
    }

    /**
     * For a panel that needs several inputs at once (a reconciliation of two sources): which of its
     * series the workspace has and which it lacks, so that the reason does not read as if none were
     * there; empty when it has none of them (the needs alone say it) or all of them.
     */
    private static String held(Panel panel, Function<Query, Set<String>> selectors, Predicate<String> stored) {
        Set<String> present = new LinkedHashSet<>();
        Set<String> absent = new LinkedHashSet<>();
        for (Query q : panel.queries()) {
            if (!q.hidden() && !q.expr().isBlank()) {
                for (String sel : selectors.apply(q)) {
                    (stored.test(sel) ? present : absent).add(sel);
                }
            }
        }
        absent.removeAll(present);
        return present.isEmpty() || absent.isEmpty() ? ""
                : " (the workspace has " + String.join(", ", present) + ", but no " + String.join(", ", absent) + ")";
    }

    /** Whether the feed's value query answered with series, if only without values. */
    private static boolean answered(PanelData data, Panel variant) {
        String ref = valueRef(variant);
        return !DriftPanel.isDrift(variant) && data.refIds().contains(ref);
    }

    private static String valueRef(Panel variant) {
        return variant.queries().stream().filter(q -> !q.hidden() && !q.expr().isBlank()).map(Query::refId)
                .findFirst().orElse(null);
    }

    /** The panel with each feed's queries, without feeds (so that loading one does not recurse). */
    static List<Panel> variants(Panel p) {
        PanelSources sources = p.options().sources();
        Panel plain = p.withOptions(p.options().withSources(PanelSources.NONE));
        List<Panel> out = new ArrayList<>();
        out.add(plain);
        sources.alternatives().forEach(a -> out.add(plain.withQueries(a.queries())));
        return out;
    }

    /** The selectors the feed's value reads: those of its first visible query (a stat's A, a chart's first series). */
    private static Set<String> valueSelectors(Panel variant, Function<Query, Set<String>> selectors) {
        for (Query q : variant.queries()) {
            if (!q.hidden() && !q.expr().isBlank()) {
                return selectors.apply(q);
            }
        }
        return Set.of();
    }
}
