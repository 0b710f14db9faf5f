package io.vigia.dashboards.demo;

import io.vigia.datasources.redact.Redactor;
import io.vigia.datasources.simulator.SimulatedGuardrailEvent;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository.StoredEvent;
import io.vigia.persistence.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's guardrail decisions of the demo's last days, stored as imported events would be
 * (prompt redacted, never raw) under {@link GuardrailEventRepository#DEMO_SOURCE}, so the logs
 * panels, log annotations and the deploy flow have lines on the embedded workspace. The prompts
 * are the simulator's hostile samples (markup, ANSI escapes, bidi overrides, example secrets).
 * They do not rebuild counters: the demo's series come from the simulator itself.
 */
final class DemoGuardrailEvents {
    private final Redactor redactor = new Redactor();
    private final List<StoredEvent> rows = new ArrayList<>();
    private final long fromMillis;
    private final long importedAt;

    /** @param fromMillis events before this are not kept */
    DemoGuardrailEvents(long fromMillis, long importedAt) {
        this.fromMillis = fromMillis;
        this.importedAt = importedAt;
    }

    void add(SimulatedGuardrailEvent e) {
        if (e.timestampMillis() < fromMillis) {
            return;
        }
        String prompt = e.prompt() == null ? null : redactor.redact(e.prompt()).text();
        rows.add(new StoredEvent("demo-" + e.requestId() + "-" + rows.size(), e.timestampMillis(), e.app(), e.direction(),
                e.decision(), e.category(), e.detector(), e.score(), e.model(), e.user(), e.requestId(), prompt,
                GuardrailEventRepository.DEMO_SOURCE, importedAt));
    }

    int size() {
        return rows.size();
    }

    /** Stores them in one transaction; returns how many were new. */
    int store(Workspace workspace) {
        return workspace.write(c -> GuardrailEventRepository.insertNew(c, rows));
    }

    static int remove(Workspace workspace) {
        return workspace.write(c -> GuardrailEventRepository.deleteSource(c, GuardrailEventRepository.DEMO_SOURCE));
    }
}
