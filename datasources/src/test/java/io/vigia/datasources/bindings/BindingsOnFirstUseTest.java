package io.vigia.datasources.bindings;

import io.vigia.datasources.bindings.catalog.ConventionCatalog;
import io.vigia.datasources.bindings.probe.BindingProber;
import io.vigia.datasources.bindings.probe.MetricTypes;
import io.vigia.datasources.bindings.probe.ProbeWindow;
import io.vigia.datasources.bindings.store.BindingService;
import io.vigia.datasources.bindings.store.BindingStore;
import io.vigia.datasources.bindings.store.BindingsOnFirstUse;
import io.vigia.persistence.workspace.TelemetryBindingRepository;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app probes a source on its first use. A source that has no metric yet (the demo workspace
 * while its first load runs) must not leave its empty probe behind: once data arrives, the next use
 * binds it.
 */
class BindingsOnFirstUseTest {
    @TempDir
    Path dir;

    @Test
    void anEmptySourceIsProbedAgainOnceItHasDataAndOnlyThenKept() {
        FakeFleet f = new FakeFleet();
        ProbeWindow window = new ProbeWindow(Instant.ofEpochMilli(FakeFleet.T0), Instant.ofEpochMilli(FakeFleet.END));
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia"))) {
            BindingService service = new BindingService(new BindingProber(ConventionCatalog.standard()),
                    new BindingStore(new TelemetryBindingRepository(ws)));
            BindingsOnFirstUse bindings = new BindingsOnFirstUse(service, n -> f.source, n -> MetricTypes.none(), n -> window,
                    UnaryOperator.identity());

            assertThat(bindings.of("local").latency()).as("nothing to bind yet").isEmpty();
            assertThat(service.current("local").probedAt()).as("the empty probe is not kept").isNull();

            f.histogram("http_server_request_duration_seconds", 2, FakeFleet.shares(1), 0.2, "service", "payments",
                    "http_response_status_code", "200");
            assertThat(bindings.of("local").latency()).as("bound once the data is there").isPresent();
            assertThat(service.current("local").probedAt()).as("and kept").isNotNull();
        }
    }

    @Test
    void aSourceWithAGenerationIsProbedAgainWhenItChangesKeepingTheUsersChoice() {
        FakeFleet f = new FakeFleet();
        ProbeWindow window = new ProbeWindow(Instant.ofEpochMilli(FakeFleet.T0), Instant.ofEpochMilli(FakeFleet.END));
        AtomicLong generation = new AtomicLong(1);
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia"))) {
            BindingService service = new BindingService(new BindingProber(ConventionCatalog.standard()),
                    new BindingStore(new TelemetryBindingRepository(ws)));
            BindingsOnFirstUse bindings = new BindingsOnFirstUse(service, n -> f.source, n -> MetricTypes.none(), n -> window,
                    UnaryOperator.identity(), n -> OptionalLong.of(generation.get()));
            // half-loaded: the guardrail counter is there, the HTTP histogram not yet
            f.counter(1, "__name__", "vigia_guardrail_decisions_total", "decision", "blocked", "category", "pii");
            assertThat(bindings.of("local").latency()).isEmpty();
            assertThat(bindings.of("local").guardrails()).isPresent();

            f.histogram("http_server_request_duration_seconds", 2, FakeFleet.shares(1), 0.2, "service", "payments",
                    "http_response_status_code", "200");
            assertThat(bindings.of("local").latency()).as("same generation: what is held").isEmpty();
            generation.incrementAndGet();
            assertThat(bindings.of("local").latency()).as("a new generation is probed again").isPresent();
        }
    }
}
