package io.vigia.datasources.bindings.store;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeResult;
import io.vigia.datasources.bindings.probe.ProbeWindow;

/**
 * Probing and keeping together: what {@code vigia sources add|inspect} and, later, the dashboards'
 * binding step call. A probe is saved for its source and handed back with the user's overrides
 * applied. Blocking.
 */
public final class BindingService {
    private final BindingProber prober;
    private final BindingStore store;

    public BindingService(BindingProber prober, BindingStore store) {
        this.prober = prober;
        this.store = store;
    }

    /**
     * Probes {@code source} over {@code window}, keeps the result under {@code name}, returns it with
     * overrides applied. A source with no metric in the window is not kept: it is probed again next
     * time (the demo or a first import may still be filling it).
     */
    public ProbeResult probe(String name, MetricsSource source, MetricTypes types, ProbeWindow window) {
        ProbeResult r = prober.probe(name, source, types, window);
        if (r.sawNothing()) {
            return r;
        }
        store.saveProbe(r.bindings());
        return new ProbeResult(store.load(name), r.window(), r.requests(), r.took(), r.metricNames());
    }

    /** The bindings kept for a source (overrides applied), without asking the source anything. */
    public SourceBindings current(String name) {
        return store.load(name);
    }

    public BindingStore store() {
        return store;
    }
}
