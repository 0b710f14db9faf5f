package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.datasources.remote.CancellationToken;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.views.explore.SourceMetadata.Key;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskHandle;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One query pane of Explore: the expression, its source, the error to underline (Vigia's parser's
 * as you type, the server's after a run), the completion candidates at the caret, and the result
 * of the last run. Running again cancels the run still going.
 */
public final class QueryPaneViewModel {
    private static final int MAX_CANDIDATES = 200;

    private final String id;
    private final TaskScope scope;
    private final QueryRunner runner;
    private final SourceMetadata metadata;
    private final Supplier<TimeRange> range;
    private final Consumer<HistoryEntry> history;
    private final java.time.Clock clock;

    private final StringProperty expression = new SimpleStringProperty(this, "expression", "");
    private final ObjectProperty<SourceChoice> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<QueryError> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<ExploreResult> result = new SimpleObjectProperty<>(this, "result");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final IntegerProperty graphWidth = new SimpleIntegerProperty(this, "graphWidth", 1000);
    private final ObservableList<Completion> completions = FXCollections.observableArrayList();
    private final ObjectProperty<CompletionContext> completionContext = new SimpleObjectProperty<>(this, "completionContext");

    private TaskHandle current;
    private CancellationToken token;
    private long generation;
    private boolean hasRun;

    QueryPaneViewModel(String id, TaskScope scope, QueryRunner runner, SourceMetadata metadata, Supplier<TimeRange> range,
                       Consumer<HistoryEntry> history, java.time.Clock clock) {
        this.id = id;
        this.scope = scope;
        this.runner = runner;
        this.metadata = metadata;
        this.range = range;
        this.history = history;
        this.clock = clock;
        expression.addListener((o, a, b) -> validate());
        source.addListener((o, a, b) -> validate());
    }

    public String id() {
        return id;
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public ObjectProperty<SourceChoice> sourceProperty() {
        return source;
    }

    public QueryLanguage language() {
        SourceChoice s = source.get();
        return s == null ? QueryLanguage.PROMQL : s.language();
    }

    public ObjectProperty<QueryError> errorProperty() {
        return error;
    }

    public ObjectProperty<ExploreResult> resultProperty() {
        return result;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The graph's width in pixels, which chooses the step of the range query. */
    public IntegerProperty graphWidthProperty() {
        return graphWidth;
    }

    public ObservableList<Completion> completions() {
        return completions;
    }

    public ObjectProperty<CompletionContext> completionContextProperty() {
        return completionContext;
    }

    public boolean hasRun() {
        return hasRun;
    }

    /** Vigia's own parser's verdict on PromQL as typed; LogQL is left to the server. */
    private void validate() {
        String e = expression.get();
        if (language() != QueryLanguage.PROMQL || e.isBlank() || e.contains("$__")) {
            // LogQL and Grafana's variables ($__rate_interval) are for the server (after expansion) to judge
            error.set(null);
            return;
        }
        try {
            // Syntax only: whether a server (or the local engine) has a feature such as info() or
            // fill() switched on is its own call, reported when the query runs.
            Parser.parse(e, PromqlFeatures.ALL);
            error.set(null);
        } catch (ParseException p) {
            error.set(QueryError.fromParse(e, p));
        }
    }

    /** Runs the query over the shared time range; does nothing but say why when it cannot run. */
    public void run() {
        // sent as typed, so that the positions in the server's errors are positions in the editor
        String expr = expression.get();
        SourceChoice src = source.get();
        if (expr.isBlank()) {
            status.set("Type a query, then Shift+Enter or Run.");
            return;
        }
        if (src == null) {
            status.set("Choose a data source.");
            return;
        }
        validate();
        QueryError local = error.get();
        if (local != null && src.name().equals(DataSourceCatalog.LOCAL)) {
            // the local engine uses this very parser: the run would fail the same way
            status.set("Not run: fix the error first.");
            return;
        }
        cancel();
        long gen = ++generation;
        hasRun = true;
        TimeRange r = range.get();
        int width = Math.max(100, graphWidth.get());
        CancellationToken t = new CancellationToken();
        token = t;
        running.set(true);
        status.set("Running…");
        history.accept(new HistoryEntry(expr.strip(), src.name(), clock.millis()));
        current = scope.submit(BackgroundTask.of("Explore " + id + ": " + DashboardAppender.titleFor(expr),
                p -> runner.run(src, expr, r, width, t))
                .onSuccess(res -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    if (local == null) {
                        error.set(null);
                    }
                    result.set(res);
                    status.set(summary(res) + emptyResultHint(res, expr, language()));
                })
                .onFailure(e -> {
                    if (gen != generation) {
                        return;
                    }
                    running.set(false);
                    result.set(null);
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    error.set(QueryError.fromServer(expr, message));
                    status.set("The query failed.");
                })
                .onCancelled(() -> {
                    if (gen == generation) {
                        running.set(false);
                        status.set("Cancelled.");
                    }
                }));
    }

    /** Cancels the run still going, if any; its result, should it arrive, is dropped. */
    public void cancel() {
        if (current != null && !current.isDone()) {
            generation++;
            current.cancel();
            running.set(false);
            status.set("Cancelled.");
        }
        if (token != null) {
            token.cancel();
        }
        current = null;
    }

    private static String summary(ExploreResult r) {
        if (!r.logs().isEmpty() || r.series().isEmpty() && r.rows().isEmpty()) {
            if (!r.logs().isEmpty()) {
                return r.logs().size() + (r.logs().size() >= QueryRunner.LOG_LIMIT ? "+ " : " ") + "log lines";
            }
            return "No data in this time range.";
        }
        return r.series().size() + " series · step " + io.vigia.datasources.remote.GrafanaResolution.promDuration(r.step().toMillis())
                + " · " + r.rows().size() + " rows at the end of the range";
    }

    private static final java.util.regex.Pattern NEEDS_TWO_SAMPLES = java.util.regex.Pattern.compile(
            "\\b(rate|irate|increase|delta|idelta|deriv)\\s*\\(");
    private static final java.util.regex.Pattern LITERAL_RANGE = java.util.regex.Pattern.compile("\\[\\s*(\\d+[smhdwy])\\s*[\\]:]");

    /**
     * Why an empty answer may not mean "no data": rate() and its kin need two samples inside their
     * range, and a short literal range over sparse samples (the demo records every 5 minutes, many
     * exporters every minute) holds one or none. Grafana users meet this as an empty panel, so say it.
     */
    static String emptyResultHint(ExploreResult r, String expr, QueryLanguage language) {
        boolean empty = r.logs().isEmpty() && r.series().isEmpty() && r.rows().isEmpty();
        if (!empty || language != QueryLanguage.PROMQL || !NEEDS_TWO_SAMPLES.matcher(expr).find()) {
            return "";
        }
        java.util.regex.Matcher m = LITERAL_RANGE.matcher(expr);
        if (!m.find()) {
            return "";
        }
        return " rate(), increase() and the like need two samples inside [" + m.group(1) + "]: if the source records"
                + " less often (the demo workspace every 5 minutes), widen the range or use [$__rate_interval].";
    }

    // ---- completion ----------------------------------------------------------------------------

    /** Fills {@link #completions()} for the caret: at once from what is known, later with what the source tells. */
    public void complete(int caret) {
        String text = expression.get();
        QueryLanguage lang = language();
        CompletionContext ctx = CompletionContext.at(text, caret, lang);
        completionContext.set(ctx);
        SourceChoice src = source.get();
        List<Completion> fixed = ctx.type() == CompletionContext.Type.EXPRESSION ? languageCandidates(lang) : List.of();
        Key key = src == null ? null : metadataKey(src, ctx);
        if (key == null) {
            completions.setAll(filter(fixed, ctx.prefix()));
            return;
        }
        var cached = metadata.cached(key);
        if (cached.isPresent()) {
            completions.setAll(filter(merge(fixed, cached.get(), ctx), ctx.prefix()));
            return;
        }
        completions.setAll(filter(fixed, ctx.prefix()));
        TimeRange r = range.get();
        scope.submit(BackgroundTask.of("Explore: names from " + src.name(), p -> metadata.fetch(key, r))
                .quiet()
                .onSuccess(names -> {
                    if (ctx.equals(completionContext.get()) && text.equals(expression.get())) {
                        completions.setAll(filter(merge(fixed, names, ctx), ctx.prefix()));
                    }
                })
                .onFailure(e -> {
                    // completion without the source's names still offers the functions
                }));
    }

    /** Puts a candidate in the text; returns where the caret goes. */
    public int accept(Completion c) {
        CompletionContext ctx = completionContext.get();
        String text = expression.get();
        if (ctx == null || ctx.type() == CompletionContext.Type.NONE || ctx.replaceEnd() > text.length()) {
            return text.length();
        }
        expression.set(text.substring(0, ctx.replaceStart()) + c.insert() + text.substring(ctx.replaceEnd()));
        completions.clear();
        completionContext.set(null);
        return ctx.replaceStart() + c.caretInInsert();
    }

    public void dismissCompletions() {
        completions.clear();
        completionContext.set(null);
    }

    private static Key metadataKey(SourceChoice src, CompletionContext ctx) {
        return switch (ctx.type()) {
            case NONE -> null;
            case EXPRESSION -> src.language() == QueryLanguage.PROMQL
                    ? new Key(src.name(), src.language(), Key.What.METRIC_NAMES, "", "") : null;
            case LABEL_NAME -> new Key(src.name(), src.language(), Key.What.LABEL_NAMES, ctx.metric(), "");
            case LABEL_VALUE -> new Key(src.name(), src.language(), Key.What.LABEL_VALUES, ctx.metric(), ctx.label());
        };
    }

    private static List<Completion> languageCandidates(QueryLanguage lang) {
        return FunctionDocs.of(lang).all().stream().map(d -> {
            boolean call = d.kind().equals("function") || d.kind().equals("aggregation");
            String insert = call ? d.name() + "()" : d.name();
            return new Completion(d.name(), d.kind(), d.signature(), d.description(), insert, call ? insert.length() - 1 : insert.length());
        }).toList();
    }

    private static List<Completion> merge(List<Completion> fixed, List<String> names, CompletionContext ctx) {
        List<Completion> out = new ArrayList<>();
        switch (ctx.type()) {
            case EXPRESSION -> names.forEach(n -> out.add(Completion.plain(n, "metric", n)));
            case LABEL_NAME -> names.forEach(n -> out.add(Completion.plain(n, "label", n)));
            case LABEL_VALUE -> names.forEach(v -> {
                String escaped = escape(v, ctx.openQuote() ? '"' : ctx.quote() == 0 ? '"' : ctx.quote());
                String insert = (ctx.openQuote() ? "\"" : "") + escaped + (ctx.quote() != 0 ? String.valueOf(ctx.quote()) : "");
                out.add(Completion.plain(v, "value", insert));
            });
            case NONE -> {
                // nothing
            }
        }
        out.addAll(fixed);
        return out;
    }

    /** A label value inside a quoted PromQL string: backslashes and the quote escaped (raw strings in backticks kept as they are). */
    static String escape(String value, char quote) {
        if (quote == '`') {
            return value;
        }
        return value.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote).replace("\n", "\\n");
    }

    /** True when the typed characters appear in the name in that order ("reqdur" finds "request_duration"). */
    private static boolean inOrder(String typed, String name) {
        int at = 0;
        for (int i = 0; i < typed.length(); i++) {
            at = name.indexOf(typed.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Candidates starting with the prefix first, then those containing it, then those holding its characters in order; case-insensitive. */
    static List<Completion> filter(List<Completion> all, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<Completion> starts = new ArrayList<>();
        List<Completion> contains = new ArrayList<>();
        List<Completion> fuzzy = new ArrayList<>();
        for (Completion c : all) {
            String l = c.label().toLowerCase(Locale.ROOT);
            if (l.startsWith(p)) {
                if (!(l.equals(p) && !p.isEmpty() && c.insert().equals(c.label()))) {
                    starts.add(c);
                }
            } else if (!p.isEmpty() && l.contains(p)) {
                contains.add(c);
            } else if (p.length() > 2 && inOrder(p, l)) {
                fuzzy.add(c);
            }
        }
        starts.addAll(contains);
        starts.addAll(fuzzy);
        return starts.size() > MAX_CANDIDATES ? List.copyOf(starts.subList(0, MAX_CANDIDATES)) : List.copyOf(starts);
    }
}
