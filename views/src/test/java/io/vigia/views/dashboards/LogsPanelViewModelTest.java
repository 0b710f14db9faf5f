package io.vigia.views.dashboards;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.data.LogLine;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.model.AnnotationSource;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.query.QueryAnnotations;
import io.vigia.datasources.logs.GuardrailEventLogs;
import io.vigia.datasources.logs.LogsSource;
import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.evidence.GuardrailEventRepository.StoredEvent;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.dashboards.model.SourceChoice;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Guardrails dashboard's logs panel and LogQL annotations over a real workspace's guardrail events. */
@ExtendWith(JavaFxToolkit.class)
class LogsPanelViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private static LogSources local(LogsSource logs) {
        return new LogSources() {
            @Override
            public LogsSource logs(String name) {
                if (!name.isEmpty() && !name.equals("local")) {
                    throw new IllegalArgumentException("no data source named \"" + name + "\"");
                }
                return logs;
            }

            @Override
            public List<SourceChoice> choices() {
                return List.of(new SourceChoice("local", QueryLanguage.PROMQL), new SourceChoice("loki-prod", QueryLanguage.LOGQL),
                        new SourceChoice("prom", QueryLanguage.PROMQL));
            }

            @Override
            public Optional<String> deployLogsSource() {
                return Optional.of("local");
            }
        };
    }

    /** 300 events, one every 10 minutes back from now; every third is allowed. */
    private static void store(Workspace ws) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String decision = i % 3 == 0 ? "allowed" : "blocked";
            String prompt = i == 1 ? "<script>alert(1)</script> \u202egnp.exe \u001b[31mred\u001b[0m " + "x".repeat(100_000)
                    : "prompt " + i;
            events.add(new StoredEvent("e" + i, NOW.toEpochMilli() - i * 600_000L, "chat-assistant", "input", decision,
                    decision.equals("allowed") ? "none" : "prompt_injection", "llm-guard", 0.9, "gpt-4o", "u-1", "r" + i, prompt, "sha", 0));
        }
        ws.write(c -> GuardrailEventRepository.insertNew(c, events));
    }

    private DashboardViewModel open(Dashboard d, Workspace ws) {
        DashboardViewModel vm = new DashboardViewModel(d, n -> new LocalPromqlSource("local", new InMemorySeriesReader()),
                Duration.ofMinutes(5), new SameThreadTaskExecutor().scope(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        vm.setLogSources(local(new GuardrailEventLogs(ws)));
        vm.refresh();
        return vm;
    }

    @Test
    void theBlockedPromptsPanelShowsTheLastWeeksBlockedEventsNewestFirstAndScrolls() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("l.vigia"))) {
            store(ws);
            DashboardViewModel vm = open(BuiltInDashboards.guardrails(), ws);
            Panel panel = vm.dashboard().allPanels().stream().filter(p -> p.type() == PanelType.LOGS).findFirst().orElseThrow();
            PanelData data = vm.dataProperty(panel).get();
            assertThat(data.errors()).isEmpty();
            assertThat(data.logs()).hasSize(200).allSatisfy(l -> assertThat(l.line()).contains(" decision=blocked "));
            assertThat(data.logs()).extracting(LogLine::ts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(data.logs().getFirst().ts()).isEqualTo(NOW.toEpochMilli() - 600_000L);

            PanelView view = onFx(() -> {
                PanelView v = new PanelView(panel, vm, new javafx.beans.property.SimpleBooleanProperty(false));
                v.resize(900, 300);
                v.layout();
                v.canvas().resize(900, 300);
                v.paintNow();
                return v;
            });
            assertThat(onFx(() -> view.scrollLogs(3))).isTrue();
            assertThat(view.firstLogLine()).isEqualTo(3);
            assertThat(onFx(() -> view.scrollLogs(-10))).as("not above the newest line").isTrue();
            assertThat(view.firstLogLine()).isZero();
            assertThat(onFx(() -> view.scrollLogs(-1))).isFalse();
            onFx(() -> view.scrollLogs(10_000));
            assertThat(view.firstLogLine()).as("the last line stops at the bottom").isBetween(180, 199);
        }
    }

    @Test
    void aLogQlAnnotationMarksEachMatchingLineWithItsInertTextCapped() {
        try (Workspace ws = Workspace.open(dir.resolve("a.vigia"))) {
            store(ws);
            Dashboard g = BuiltInDashboards.guardrails();
            Dashboard d = new Dashboard(g.uid(), g.title(), g.tags(), "now-6h", "now", "", g.variables(), g.panels(),
                    List.of(new AnnotationSource("Injections", AnnotationSource.Kind.QUERY, "local",
                            "{job=\"guardrail\", decision=\"blocked\"} |~ \"script|prompt 2\"", "{{category}}", "", "red", true,
                            QueryLanguage.LOGQL)));
            DashboardViewModel vm = open(d, ws);
            List<Annotation> found = vm.annotations().annotationsProperty().get();
            assertThat(vm.statusProperty().get()).isEmpty();
            // in 6 h: events 1..35; blocked and matching "script" (1) or "prompt 2…" (2, 20, 22, 23, 25, 26, 28, 29)
            assertThat(found).extracting(Annotation::ts).containsExactlyInAnyOrder(at(1), at(2), at(20), at(22), at(23), at(25),
                    at(26), at(28), at(29));
            Annotation hostile = found.stream().filter(a -> a.ts() == at(1)).findFirst().orElseThrow();
            assertThat(hostile.text()).startsWith("prompt_injection: category=prompt_injection app=chat-assistant")
                    .contains("<script>alert(1)</script> \\u202Egnp.exe \\u001B[31mred").doesNotContain("\u202e").doesNotContain("\u001b")
                    .endsWith("…");
            assertThat(hostile.text().length()).isLessThan(QueryAnnotations.MAX_TEXT + 100);
        }
    }

    @Test
    void theEditorOffersLokiSourcesForLogsPanelsAndPrometheusOnesForCharts() {
        List<SourceChoice> choices = local(null).choices();
        assertThat(PanelEditorDialog.sourcesFor(PanelType.LOGS, choices, "")).containsExactly("", "local", "loki-prod");
        assertThat(PanelEditorDialog.sourcesFor(PanelType.TIME_SERIES, choices, "")).containsExactly("", "local", "prom");
        assertThat(PanelEditorDialog.sourcesFor(PanelType.TIME_SERIES, choices, "loki-prod")).as("the current one is kept")
                .containsExactly("", "local", "prom", "loki-prod");
    }

    @Test
    void editingAPanelIntoALogsPanelMakesItsQueryLogQlOnTheChosenSource() {
        try (Workspace ws = Workspace.open(dir.resolve("e.vigia"))) {
            store(ws);
            DashboardViewModel vm = open(BuiltInDashboards.guardrails(), ws);
            List<Dashboard> saved = new ArrayList<>();
            vm.editing().setSaver(saved::add);
            Panel first = vm.dashboard().panels().getFirst();
            vm.editing().updatePanel(first.id(), PanelType.LOGS, "local", QueryLanguage.PROMQL, "Injections", "{category=\"prompt_injection\"}", "", "");
            Panel edited = vm.dashboard().allPanels().stream().filter(p -> p.id() == first.id()).findFirst().orElseThrow();
            assertThat(edited.type()).isEqualTo(PanelType.LOGS);
            assertThat(edited.queries().getFirst().language()).isEqualTo(QueryLanguage.LOGQL);
            assertThat(edited.queries().getFirst().dataSource()).isEqualTo("local");
            assertThat(edited.queries().getFirst().instant()).isFalse();
            assertThat(vm.dataProperty(edited).get().logs()).hasSize(200);
            assertThat(saved).isNotEmpty();
        }
    }

    private static long at(int i) {
        return NOW.toEpochMilli() - i * 600_000L;
    }
}
