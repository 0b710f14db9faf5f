package io.vigia.datasources.bindings.store;

import io.vigia.datasources.bindings.Binding;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.SourceBindings;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace's bindings per data source: what the last probe found and the user's overrides. An
 * override beats the probe, and saving a new probe keeps it. A stored row that cannot be read (a
 * newer Vigia wrote it, or it was damaged) leaves that input unbound with the reason; the others load.
 */
public final class BindingStore {
    private static final Logger LOG = LoggerFactory.getLogger(BindingStore.class);

    private final TelemetryBindingRepository repository;

    public BindingStore(TelemetryBindingRepository repository) {
        this.repository = repository;
    }

    /** Keeps a probe's result for its source (every input, bound or not); overrides stay as they are. */
    public void saveProbe(SourceBindings probed) {
        Map<String, String> rows = new LinkedHashMap<>();
        probed.inputs().forEach((input, bound) -> rows.put(input.name(), BindingJson.write(bound)));
        repository.saveProbe(probed.source(), rows);
    }

    /** The source's bindings as stored, overrides applied. Inputs never probed say so. */
    public SourceBindings load(String source) {
        Map<SemanticInput, BoundInput> inputs = new EnumMap<>(SemanticInput.class);
        Instant probedAt = null;
        for (TelemetryBindingRepository.Row row : repository.list(source)) {
            SemanticInput input;
            try {
                input = SemanticInput.valueOf(row.input());
            } catch (IllegalArgumentException e) {
                LOG.warn("data source {}: skipping stored binding of unknown input {}", source, row.input());
                continue;
            }
            BoundInput probed = row.probe() == null ? BoundInput.unbound(input, List.of(), "not probed yet") : probe(source, input, row.probe());
            if (row.probedAt() != null && (probedAt == null || probedAt.toEpochMilli() < row.probedAt())) {
                probedAt = Instant.ofEpochMilli(row.probedAt());
            }
            inputs.put(input, row.override() == null ? probed : overridden(source, input, probed, row.override()));
        }
        return new SourceBindings(source, probedAt, inputs);
    }

    /** Sets the user's binding for the input it answers; a later probe keeps it. */
    public void override(String source, Binding binding) {
        repository.saveOverride(source, binding.input().name(), BindingJson.write(binding));
    }

    /** Removes the user's binding, so the probed one applies again; true when there was one. */
    public boolean clearOverride(String source, SemanticInput input) {
        return repository.clearOverride(source, input.name());
    }

    /** Forgets everything about a source (deleted, or pointed at another server). */
    public void forget(String source) {
        repository.deleteSource(source);
    }

    private static BoundInput probe(String source, SemanticInput input, String json) {
        try {
            BoundInput b = BindingJson.readInput(json);
            if (b.input() != input) {
                throw new IllegalArgumentException("the row of " + input + " holds " + b.input());
            }
            return b;
        } catch (IllegalArgumentException e) {
            LOG.warn("data source {}: the stored probe of {} cannot be read: {}", source, input, e.getMessage());
            return BoundInput.unbound(input, List.of(), "the stored probe cannot be read (" + e.getMessage() + "); probe again");
        }
    }

    private static BoundInput overridden(String source, SemanticInput input, BoundInput probed, String json) {
        try {
            Binding b = BindingJson.readBinding(json);
            if (b.input() != input) {
                throw new IllegalArgumentException("the override of " + input + " is a " + b.input() + " binding");
            }
            return probed.overriddenBy(b);
        } catch (IllegalArgumentException e) {
            LOG.warn("data source {}: the override of {} cannot be read: {}", source, input, e.getMessage());
            return new BoundInput(input, probed.chosen(), probed.origin(), probed.conventionId(), probed.candidates(),
                    probed.missing(), List.of("your override cannot be read (" + e.getMessage() + "); the probed binding applies"));
        }
    }
}
