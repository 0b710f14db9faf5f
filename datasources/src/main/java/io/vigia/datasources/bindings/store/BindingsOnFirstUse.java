package io.vigia.datasources.bindings.store;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeResult;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A workspace's bindings as the dashboards, reports and Deploy impact read them: what is kept for
 * the source, and for a source never probed, a probe now (kept for next time). Each source is read
 * once and held until {@link #invalidate}d (after an override or a new probe). A source that cannot
 * be probed is not held, so the next use tries again. Blocking: call off the UI thread.
 */
public final class BindingsOnFirstUse {
    private static final Logger LOG = LoggerFactory.getLogger(BindingsOnFirstUse.class);

    private final BindingService service;
    private final Function<String, MetricsSource> sources;
    private final Function<String, MetricTypes> types;
    private final Function<String, ProbeWindow> windows;
    private final UnaryOperator<String> names;
    private final Function<String, OptionalLong> generations;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** What is held for a source, and the source's generation when it was read. */
    private record Held(SourceBindings bindings, OptionalLong generation) {
    }

    /**
     * @param sources the source of a name
     * @param types   its metric types (a Prometheus server's metadata; none for the local store)
     * @param windows the window to probe it over (the last 24 h; for the local store, up to its newest sample)
     * @param names   a query's data-source name to the stored source's name ("" is the default source)
     */
    public BindingsOnFirstUse(BindingService service, Function<String, MetricsSource> sources, Function<String, MetricTypes> types,
                              Function<String, ProbeWindow> windows, UnaryOperator<String> names) {
        this(service, sources, types, windows, names, name -> OptionalLong.empty());
    }

    /**
     * @param generations a source's data generation, where it is cheap to know (the workspace's own
     *                    store: its newest series id); a source with one is probed on its first use
     *                    in this process and again whenever it changes (an import or the demo's load
     *                    added series), with the user's overrides kept; empty: a kept probe stays
     */
    public BindingsOnFirstUse(BindingService service, Function<String, MetricsSource> sources, Function<String, MetricTypes> types,
                              Function<String, ProbeWindow> windows, UnaryOperator<String> names,
                              Function<String, OptionalLong> generations) {
        this.generations = generations;
        this.service = service;
        this.sources = sources;
        this.types = types;
        this.windows = windows;
        this.names = names;
    }

    public SourceBindings of(String dataSource) {
        String name = names.apply(dataSource == null ? "" : dataSource);
        OptionalLong generation = generations.apply(name);
        Held h = held.get(name);
        if (h != null && h.generation().equals(generation)) {
            return h.bindings();
        }
        synchronized (this) {
            // one probe per source, however many panels ask at once
            h = held.get(name);
            if (h != null && h.generation().equals(generation)) {
                return h.bindings();
            }
            SourceBindings b = service.current(name);
            if (b.probedAt() == null || generation.isPresent()) {
                try {
                    ProbeResult probe = service.probe(name, sources.apply(name), types.apply(name), windows.apply(name));
                    if (probe.sawNothing()) {
                        return probe.bindings(); // not held: asked again once the source has data
                    }
                    b = probe.bindings();
                } catch (RuntimeException e) {
                    LOG.warn("data source {}: could not probe it for the built-ins' inputs: {}", name, e.getMessage());
                    return unprobed(name, "the source could not be probed (" + e.getMessage() + ")");
                }
            }
            held.put(name, new Held(b, generation));
            return b;
        }
    }

    /** Forgets what is held for {@code name}, so the next use reads the workspace again. */
    public void invalidate(String name) {
        held.remove(name);
    }

    /** The stored name of a query's data source. */
    public String nameOf(String dataSource) {
        return names.apply(dataSource == null ? "" : dataSource);
    }

    public BindingService service() {
        return service;
    }

    private static SourceBindings unprobed(String name, String why) {
        Map<SemanticInput, BoundInput> in = new EnumMap<>(SemanticInput.class);
        for (SemanticInput i : SemanticInput.values()) {
            in.put(i, BoundInput.unbound(i, List.of(), "needs " + i.need() + "; " + why));
        }
        return new SourceBindings(name, null, in);
    }
}
