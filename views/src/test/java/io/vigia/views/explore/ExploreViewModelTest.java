package io.vigia.views.explore;

import io.vigia.dashboards.model.SourceChoice;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.promql.ast.Functions;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explore's view models on a real workspace: the local engine over a SQLite series store with a
 * few series, the workspace's settings for the history and its dashboards for "add to dashboard".
 */
class ExploreViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private ExploreViewModel vm;
    private final List<String> askedForNames = new ArrayList<>();

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("explore.vigia"));
        store = new SqliteSeriesStore(workspace);
        try (SeriesWriter w = store.writer()) {
            long start = NOW.minusSeconds(2 * 3600).toEpochMilli();
            for (long t = start; t <= NOW.toEpochMilli(); t += 15_000) {
                long i = (t - start) / 15_000;
                w.append(Labels.of("__name__", "http_requests_total", "job", "api", "instance", "a"), t, 10.0 * i);
                w.append(Labels.of("__name__", "http_requests_total", "job", "web", "instance", "b"), t, 4.0 * i);
                w.append(Labels.of("__name__", "up", "job", "api"), t, 1);
            }
            w.commit();
        }
        MetricsSource local = new LocalPromqlSource("local", store);
        ExploreSources sources = new ExploreSources() {
            @Override
            public List<SourceChoice> list() {
                return List.of(new SourceChoice("local", QueryLanguage.PROMQL));
            }

            @Override
            public MetricsSource metrics(String name) {
                askedForNames.add(name);
                return local;
            }

            @Override
            public LokiClient logs(String name) {
                throw new IllegalArgumentException("no Loki source in this test");
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        vm = new ExploreViewModel(sources, new QueryHistory(new SettingsRepository(workspace)),
                new DashboardAppender(new DashboardStore(workspace)), new SameThreadTaskExecutor().scope(),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        vm.load();
    }

    @AfterEach
    void close() {
        store.close();
        workspace.close();
    }

    private List<String> complete(String text) {
        return complete(text, text.length());
    }

    private List<String> complete(String text, int caret) {
        vm.left().expressionProperty().set(text);
        vm.left().complete(caret);
        return vm.left().completions().stream().map(Completion::label).toList();
    }

    @Test
    void loadsTheSourcesAndGivesEachPaneTheFirst() {
        assertThat(vm.sources()).extracting(SourceChoice::name).containsExactly("local");
        assertThat(vm.left().sourceProperty().get().name()).isEqualTo("local");
        assertThat(vm.right().sourceProperty().get().name()).isEqualTo("local");
    }

    @Test
    void completesFunctionsWithTheirDocsAndMetricNamesFromTheSource() {
        assertThat(complete("rat")).startsWith("rate");
        Completion rate = vm.left().completions().getFirst();
        assertThat(rate.kind()).isEqualTo("function");
        assertThat(rate.signature()).isEqualTo("rate(v range-vector)");
        assertThat(rate.description()).contains("counter");
        assertThat(rate.insert()).isEqualTo("rate()");
        assertThat(complete("http_req")).containsExactly("http_requests_total");
        assertThat(complete("u")).contains("up", "unless");
        assertThat(complete("reqtot")).as("typed characters in order").containsExactly("http_requests_total");
        // accepting a function puts the caret between its parentheses
        complete("sum(rat");
        int caret = vm.left().accept(vm.left().completions().getFirst());
        assertThat(vm.left().expressionProperty().get()).isEqualTo("sum(rate()");
        assertThat(caret).isEqualTo("sum(rate(".length());
    }

    @Test
    void metricNamesAreAskedOncePerSourceForTheSession() {
        complete("h");
        complete("ht");
        complete("htt");
        assertThat(askedForNames).hasSize(1);
    }

    @Test
    void completesTheLabelNamesOfTheMetricUnderTheCaret() {
        assertThat(complete("http_requests_total{")).containsExactly("instance", "job");
        assertThat(complete("up{")).containsExactly("job");
        assertThat(complete("up{jo")).containsExactly("job");
        // the caret inside the braces of the second selector
        String q = "up + on(job) http_requests_total{}";
        assertThat(complete(q, q.length() - 1)).containsExactly("instance", "job");
        assertThat(complete("sum by (", 8)).as("no metric yet: every label of the source").containsExactly("instance", "job");
        assertThat(complete("sum by (job) (rate(up[5m]))", 8)).as("the labels of the aggregated metric").containsExactly("job");
    }

    @Test
    void completesLabelValuesAfterTheQuoteAndClosesIt() {
        assertThat(complete("http_requests_total{job=\"")).containsExactly("api", "web");
        assertThat(complete("http_requests_total{job=\"w")).containsExactly("web");
        int caret = vm.left().accept(vm.left().completions().getFirst());
        assertThat(vm.left().expressionProperty().get()).isEqualTo("http_requests_total{job=\"web\"");
        assertThat(caret).isEqualTo(vm.left().expressionProperty().get().length());
        // right after the operator: the value comes with both quotes
        assertThat(complete("up{job=")).containsExactly("api");
        vm.left().accept(vm.left().completions().getFirst());
        assertThat(vm.left().expressionProperty().get()).isEqualTo("up{job=\"api\"");
        // inside a range's brackets there is nothing to offer
        assertThat(complete("rate(up[5")).isEmpty();
    }

    @Test
    void aBadQueryIsUnderlinedWhereTheParserSaysAndIsNotRunOnTheLocalEngine() {
        vm.left().expressionProperty().set("sum(rate(http_requests_total[5m])) by (job) + * 2");
        QueryError e = vm.left().errorProperty().get();
        assertThat(e).isNotNull();
        assertThat(e.fromServer()).isFalse();
        assertThat(e.message()).startsWith("1:47: parse error: unexpected <op:*>");
        assertThat(e.start()).isEqualTo(46);
        assertThat(e.end()).isEqualTo(47);
        vm.left().run();
        assertThat(vm.left().resultProperty().get()).isNull();
        assertThat(vm.history()).isEmpty();
        assertThat(vm.left().statusProperty().get()).contains("fix the error");
        // fixed: the underline goes
        vm.left().expressionProperty().set("sum(rate(http_requests_total[5m])) by (job) * 2");
        assertThat(vm.left().errorProperty().get()).isNull();
        // an unclosed parenthesis at the end: the last character is underlined
        vm.left().expressionProperty().set("sum(up");
        assertThat(vm.left().errorProperty().get().start()).isEqualTo(5);
        assertThat(vm.left().errorProperty().get().end()).isEqualTo(6);
    }

    @Test
    void theServersErrorPositionIsFoundInItsMessageCountingBytes() {
        QueryError p = QueryError.fromServer("up + * 2", "1:6: parse error: unexpected <op:*>");
        assertThat(p.start()).isEqualTo(5);
        assertThat(p.end()).isEqualTo(6);
        assertThat(p.fromServer()).isTrue();
        // the column counts UTF-8 bytes: é is two
        QueryError u = QueryError.fromServer("x{a=\"é\"} +\n", "1:11: parse error: unexpected end of input");
        assertThat(u.start()).isEqualTo(9);
        QueryError second = QueryError.fromServer("up\n  + * 2", "2:5: parse error: unexpected <op:*>");
        assertThat(second.start()).isEqualTo(7);
        QueryError loki = QueryError.fromServer("{app=\"x\"} |= ", "parse error at line 1, col 11: syntax error: unexpected $end");
        assertThat(loki.start()).isEqualTo(10);
        QueryError none = QueryError.fromServer("up", "Post \"http://x/api/v1/query_range\": connection refused");
        assertThat(none.hasPosition()).isFalse();
    }

    @Test
    void runningAQueryFillsTheGraphAndTheTable() {
        vm.left().expressionProperty().set("sum by (job) (rate(http_requests_total[5m]))");
        vm.left().run();
        ExploreResult r = vm.left().resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.series()).hasSize(2);
        assertThat(r.series()).allSatisfy(s -> assertThat(s.size()).isGreaterThan(10));
        assertThat(r.labelColumns()).containsExactly("job");
        assertThat(r.rows()).extracting(row -> row.labels().get("job")).containsExactlyInAnyOrder("api", "web");
        // api grows by 10 every 15 s
        assertThat(r.rows()).filteredOn(row -> row.labels().get("job").equals("api")).singleElement()
                .satisfies(row -> assertThat(Double.parseDouble(row.value())).isCloseTo(10.0 / 15, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(vm.left().errorProperty().get()).isNull();
        assertThat(vm.left().statusProperty().get()).startsWith("2 series");
    }

    @Test
    void grafanasRateIntervalIsExpandedAsOnADashboard() {
        vm.left().expressionProperty().set("sum(rate(http_requests_total[$__rate_interval]))");
        assertThat(vm.left().errorProperty().get()).isNull();
        vm.left().run();
        assertThat(vm.left().errorProperty().get()).isNull();
        assertThat(vm.left().resultProperty().get().series()).singleElement().satisfies(s -> assertThat(s.size()).isGreaterThan(10));
        assertThat(vm.history().getFirst().expr()).isEqualTo("sum(rate(http_requests_total[$__rate_interval]))");
    }

    @Test
    void theEnginesErrorAfterARunIsShownAsTheServers() {
        // parses, but fails when evaluated: many-to-many matching
        vm.left().expressionProperty().set("http_requests_total + on() up");
        assertThat(vm.left().errorProperty().get()).isNull();
        vm.left().run();
        assertThat(vm.left().resultProperty().get()).isNull();
        assertThat(vm.left().errorProperty().get()).isNotNull();
        assertThat(vm.left().errorProperty().get().fromServer()).isTrue();
        assertThat(vm.left().errorProperty().get().message()).containsIgnoringCase("many");
    }

    @Test
    void queriesRunAreSavedMostRecentFirstWithoutDuplicates() {
        for (String q : List.of("up", "http_requests_total", "up")) {
            vm.left().expressionProperty().set(q);
            vm.left().run();
        }
        assertThat(vm.history()).extracting(HistoryEntry::expr).containsExactly("up", "http_requests_total");
        assertThat(new QueryHistory(new SettingsRepository(workspace)).load()).extracting(HistoryEntry::expr)
                .containsExactly("up", "http_requests_total");
        assertThat(vm.history().getFirst().source()).isEqualTo("local");
        assertThat(vm.history().getFirst().ranAt()).isEqualTo(NOW.toEpochMilli());
        // reusing an entry puts it in the pane
        vm.reuse(vm.history().get(1), vm.right());
        assertThat(vm.right().expressionProperty().get()).isEqualTo("http_requests_total");
    }

    @Test
    void theHistoryIsCappedAndAnUnreadableOneIsSetAside() {
        SettingsRepository settings = new SettingsRepository(workspace);
        settings.put(QueryHistory.KEY, "{not json");
        QueryHistory history = new QueryHistory(settings);
        assertThat(history.load()).isEmpty();
        history.add(new HistoryEntry("q0", "local", 0));
        assertThat(settings.get(QueryHistory.UNREADABLE_KEY)).contains("{not json");
        for (int i = 1; i <= QueryHistory.CAPACITY + 50; i++) {
            history.add(new HistoryEntry("q" + i, "local", i));
        }
        List<HistoryEntry> all = history.load();
        assertThat(all).hasSize(QueryHistory.CAPACITY);
        assertThat(all.getFirst().expr()).isEqualTo("q" + (QueryHistory.CAPACITY + 50));
        // the same text on another source is another query
        history.add(new HistoryEntry("q250", "prod", 999));
        assertThat(history.load().subList(0, 2)).extracting(HistoryEntry::source).containsExactly("prod", "local");
    }

    @Test
    void addsTheQueryAsAPanelToANewDashboardThenToThatOne() {
        String expr = "sum by (job) (rate(http_requests_total{job=~\"api|web\"}[5m])) / on(job) group_left sum by (job) (up)";
        vm.left().expressionProperty().set(expr);
        AtomicReference<Dashboard> saved = new AtomicReference<>();
        vm.addToDashboard(vm.left(), null, "From Explore", "", saved::set);
        DashboardStore store = new DashboardStore(workspace);
        Dashboard created = store.load(saved.get().uid()).orElseThrow();
        assertThat(created.title()).isEqualTo("From Explore");
        Panel p = created.panels().getFirst();
        assertThat(p.type()).isEqualTo(PanelType.TIME_SERIES);
        assertThat(p.title()).hasSize(DashboardAppender.TITLE_MAX).endsWith("…").startsWith("sum by (job)");
        assertThat(p.queries().getFirst().expr()).isEqualTo(expr);
        assertThat(p.queries().getFirst().dataSource()).isEqualTo("local");
        assertThat(created.timeFrom()).isEqualTo("now-6h");

        AtomicReference<List<DashboardAppender.Target>> targets = new AtomicReference<>();
        vm.dashboards(targets::set);
        DashboardAppender.Target target = targets.get().stream().filter(t -> t.uid().equals(created.uid())).findFirst().orElseThrow();
        vm.right().expressionProperty().set("up");
        vm.addToDashboard(vm.right(), target, "", "Up", saved::set);
        Dashboard appended = store.load(created.uid()).orElseThrow();
        assertThat(appended.panels()).extracting(Panel::title).containsExactly(p.title(), "Up");
        assertThat(appended.panels().get(1).grid().y()).isEqualTo(p.grid().bottom());
        assertThat(vm.messageProperty().get()).contains("From Explore");
    }

    @Test
    void everyDocumentedFunctionIsOneTheEngineKnows() {
        List<FunctionDoc> functions = FunctionDocs.of(QueryLanguage.PROMQL).all().stream()
                .filter(d -> d.kind().equals("function")).toList();
        assertThat(functions).hasSizeGreaterThan(70);
        assertThat(functions).allSatisfy(d -> assertThat(Functions.get(d.name())).as(d.name()).isNotNull());
        assertThat(FunctionDocs.of(QueryLanguage.LOGQL).find("count_over_time")).isPresent();
    }

    @Test
    void theLexerNamesEveryPartOfAQuery() {
        String q = "sum by (job) (rate(http_requests_total{job=~\"api\"}[5m] offset 1h)) > 0.5 # note";
        List<String> kinds = QueryLexer.scan(q, QueryLanguage.PROMQL).tokens().stream()
                .map(t -> t.kind().name() + ":" + t.text()).toList();
        assertThat(kinds).containsExactly("AGGREGATION:sum", "KEYWORD:by", "PAREN:(", "LABEL:job", "PAREN:)", "PAREN:(",
                "FUNCTION:rate", "PAREN:(", "METRIC:http_requests_total", "PAREN:{", "LABEL:job", "OPERATOR:=~",
                "STRING:\"api\"", "PAREN:}", "PAREN:[", "DURATION:5m", "PAREN:]", "KEYWORD:offset", "DURATION:1h",
                "PAREN:)", "PAREN:)", "OPERATOR:>", "NUMBER:0.5", "COMMENT:# note");
        List<String> logql = QueryLexer.scan("sum(rate({app=\"x\"} |= `err` | json | status >= 500 [1m]))", QueryLanguage.LOGQL)
                .tokens().stream().map(t -> t.kind().name() + ":" + t.text()).toList();
        assertThat(logql).contains("FUNCTION:rate", "LABEL:app", "OPERATOR:|=", "STRING:`err`", "KEYWORD:json", "LABEL:status",
                "NUMBER:500", "DURATION:1m");
        assertThat(QueryLexer.scan("rate(x[$__rate_interval])", QueryLanguage.PROMQL).tokens()).extracting(t -> t.kind().name() + ":" + t.text())
                .contains("VARIABLE:$__rate_interval");
        // whatever is typed, the lexer does not fail
        assertThat(QueryLexer.scan("{\"\\", QueryLanguage.PROMQL).openStringStart()).isEqualTo(1);
    }
}
