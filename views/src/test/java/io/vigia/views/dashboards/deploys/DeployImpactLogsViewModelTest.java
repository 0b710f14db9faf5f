package io.vigia.views.dashboards.deploys;

import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.query.DeployLogs;
import io.vigia.dashboards.query.DeployMarkers.Deploy;
import io.vigia.datasources.logs.GuardrailEventLogs;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository.StoredEvent;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy comparison's log lines, from the workspace's own guardrail events (a real workspace file). */
class DeployImpactLogsViewModelTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private static DeployLogSource local(Workspace ws) {
        GuardrailEventLogs logs = new GuardrailEventLogs(ws);
        return new DeployLogSource() {
            @Override
            public Optional<String> name() {
                return Optional.of("local");
            }

            @Override
            public LogsSource source(String name) {
                assertThat(name).isEqualTo("local");
                return logs;
            }
        };
    }

    /** One event every 4 minutes from an hour before the deploy to an hour after. */
    private static void store(Workspace ws) {
        List<StoredEvent> events = new ArrayList<>();
        for (int m = -60; m <= 60; m += 4) {
            String category = m % 8 == 0 ? "prompt_injection" : "secret_access";
            events.add(new StoredEvent("e" + m, AT.toEpochMilli() + m * 60_000L, "chat-assistant", "input", "blocked", category,
                    "llm-guard", 0.9, "gpt-4o", "u-1", "r" + m, "prompt at minute " + m + " <b>bold</b>", "sha", 0));
        }
        ws.write(c -> GuardrailEventRepository.insertNew(c, events));
    }

    private static DeployImpactViewModel vm(DeployLogSource logs) {
        return new DeployImpactViewModel(() -> new LocalPromqlSource("local", new InMemorySeriesReader()),
                () -> io.vigia.datasources.bindings.ContractBindings.of(""), Duration.ofSeconds(15), new SameThreadTaskExecutor().scope(), logs);
    }

    @Test
    void choosingADeployShowsTheLinesOfTheWindowAroundItNewestFirst() {
        try (Workspace ws = Workspace.open(dir.resolve("d.vigia"))) {
            store(ws);
            DeployImpactViewModel vm = vm(local(ws));
            vm.deployProperty().set(new Deploy(AT.toEpochMilli(), "payments", "v2"));

            assertThat(vm.logQueryProperty().get()).as("the workspace's own logs have no service label").isEqualTo(DeployLogs.EMBEDDED_DEFAULT);
            assertThat(vm.logSourceNameProperty().get()).isEqualTo("local");
            // ±15 min: minutes -12 … +12 every 4 min
            assertThat(vm.logLines()).extracting(LogLine::ts).containsExactly(
                    at(12), at(8), at(4), at(0), at(-4), at(-8), at(-12));
            assertThat(vm.logLines()).allSatisfy(l -> assertThat(l.level()).isEqualTo("warn"));
            assertThat(vm.logStatusProperty().get()).isEqualTo("7 log lines 15 min before and after, from local");

            vm.logWindowProperty().set(Duration.ofMinutes(5));
            assertThat(vm.logLines()).extracting(LogLine::ts).containsExactly(at(4), at(0), at(-4));

            vm.logQueryProperty().set("{job=\"guardrail\", category=\"prompt_injection\"} |= \"minute\"");
            vm.loadLogs();
            assertThat(vm.logLines()).extracting(LogLine::ts).containsExactly(at(0));

            vm.logQueryProperty().set("sum(count_over_time({job=\"guardrail\"}[5m]))");
            vm.loadLogs();
            assertThat(vm.logLines()).isEmpty();
            assertThat(vm.logStatusProperty().get()).startsWith("Could not read log lines: ").contains("use a Loki source");

            vm.logQueryProperty().set("{job=\"guardrail\"} |= \"no such text\"");
            vm.loadLogs();
            assertThat(vm.logStatusProperty().get()).startsWith("No log lines 5 min before and after, from local");
        }
    }

    @Test
    void withoutALogSourceItSaysHowToGetOne() {
        DeployImpactViewModel vm = vm(DeployLogSource.NONE);
        vm.deployProperty().set(new Deploy(AT.toEpochMilli(), "payments", "v2"));
        assertThat(vm.logLines()).isEmpty();
        assertThat(vm.logStatusProperty().get()).contains("add a Loki source");
    }

    @Test
    void onLokiTheDefaultQueryIsTheServicesStreams() {
        assertThat(DeployImpactViewModel.defaultQuery("loki-prod")).isEqualTo("{service=\"$service\"}");
        assertThat(DeployImpactViewModel.defaultQuery("local")).isEqualTo(DeployLogs.EMBEDDED_DEFAULT);
    }

    private static long at(int minute) {
        return AT.toEpochMilli() + minute * 60_000L;
    }
}
