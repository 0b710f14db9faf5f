package io.vigia.datasources.promql;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResult;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.ast.PromqlFeature;
import io.vigia.datasources.promql.ast.PromqlFeatures;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.datasources.promql.parser.Printer;
import io.vigia.persistence.series.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PromQL feature switches: Prometheus's names and defaults, what each one lets the parser accept. */
class PromqlFeaturesTest {

    @Test
    void defaultsAreAPrometheusServersDefaults() {
        assertThat(PromqlFeatures.DEFAULTS.enabled()).containsExactly(PromqlFeature.DURATION_EXPR);
        assertThat(PromqlFeatures.parse(List.of("promql-experimental-functions,promql-binop-fill-modifiers",
                " use-start-timestamps ")).enabled()).containsExactlyInAnyOrder(PromqlFeature.DURATION_EXPR,
                PromqlFeature.EXPERIMENTAL_FUNCTIONS, PromqlFeature.BINOP_FILL_MODIFIERS,
                PromqlFeature.USE_START_TIMESTAMPS);
        assertThatThrownBy(() -> PromqlFeatures.parse(List.of("promql-at-modifier")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown PromQL feature \"promql-at-modifier\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "info(up)|1:1: parse error: function \"info\" is not enabled",
        "sort_by_label(up, \"job\")|1:1: parse error: function \"sort_by_label\" is not enabled",
        "limitk(1, up)|1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions",
        "rate(up[5m] anchored)|1:6: parse error: anchored modifier is experimental and not enabled",
        "up smoothed|1:1: parse error: smoothed modifier is experimental and not enabled",
        "up + fill(0) down|1:1: parse error: binop fill modifiers are experimental and not enabled",
    })
    void experimentalSyntaxNeedsItsFeature(String query, String message) {
        assertThatThrownBy(() -> Parser.parse(query)).isInstanceOf(ParseException.class).hasMessage(message);
        Parser.parse(query, PromqlFeatures.ALL);
    }

    @Test
    void durationArithmeticFollowsItsFeature() {
        Expr.MatrixSelector ms = (Expr.MatrixSelector) ((Expr.Call) Parser.parse("rate(x[5m+30s])")).args().get(0);
        assertThat(ms.rangeMs()).isEqualTo(330_000);
        PromqlFeatures off = PromqlFeatures.DEFAULTS.without(PromqlFeature.DURATION_EXPR);
        assertThatThrownBy(() -> Parser.parse("rate(x[5m+30s])", off))
                .hasMessage("1:8: parse error: experimental duration expression is not enabled");
        assertThat(((Expr.VectorSelector) Parser.parse("x offset -1m", off)).offsetMs()).isEqualTo(-60_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "x[1h/0]|1:3: parse error: division by zero",
        "x[5m-10m]|1:3: parse error: duration must be greater than 0",
        "x offset (1 % 0)|1:10: parse error: modulo by zero",
        "x and fill(1) z|1:1: parse error: filling in missing series not allowed for set operators",
        "x + fill(1) 2|1:1: parse error: filling in missing series only allowed between instant vectors",
        "x[5m] anchored smoothed|1:1: parse error: anchored and smoothed modifiers cannot be used together",
        "x[5m:1m] anchored|1:1: parse error: anchored modifier is not supported for subqueries",
        "info(x, y)|1:9: parse error: expected label selectors only, got vector selector instead",
    })
    void badNewSyntaxIsAParseError(String query, String message) {
        assertThatThrownBy(() -> Parser.parse(query, PromqlFeatures.ALL)).isInstanceOf(ParseException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "rate(x[5m] anchored)", "x smoothed offset 1m", "x @ 100.000 smoothed", "x + fill_left (1) fill_right (2) y",
        "x * on (a) group_left (b) fill (-Inf) y", "count_over_time(x[step() * 2])",
        "x offset -(min_of(step(), 1s))", "sum_over_time(x[range():max_of(step(), 5s)] offset step())",
        "info(x, {data=~\".*\"})"})
    void newSyntaxPrintsBackToTheSameTree(String query) {
        Expr e = Parser.parse(query, PromqlFeatures.ALL);
        String printed = Printer.format(e);
        assertThat(Printer.format(Parser.parse(printed, PromqlFeatures.ALL))).isEqualTo(printed);
    }

    @Test
    void stepAndRangeInDurationsTakeEachQuerysValues() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        for (int t = 0; t <= 100; t++) {
            store.append(Labels.of("__name__", "m"), t * 1000L, t);
        }
        PromqlEngine engine = new PromqlEngine(store);
        // Instant query: step() is 0, so no offset.
        assertThat(((QueryResult.Vector) engine.instantQuery("m offset step()", 50_000).result()).values())
                .containsExactly(50);
        QueryResult.Matrix r = (QueryResult.Matrix) engine.rangeQuery("m offset step()", 50_000, 60_000, 5_000).result();
        assertThat(r.series().get(0).values()).containsExactly(45, 50, 55);
        QueryResult.Matrix c = (QueryResult.Matrix) engine.rangeQuery("count_over_time(m[range()])", 50_000, 60_000,
                5_000).result();
        assertThat(c.series().get(0).values()).containsExactly(10, 10, 10);
        assertThatThrownBy(() -> engine.instantQuery("count_over_time(m[range()])", 50_000))
                .isInstanceOf(QueryException.class).hasMessageContaining("duration must be greater than 0");
    }

    @Test
    void startTimestampsReachRateOnlyWithTheirFeature() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        Labels l = Labels.of("__name__", "delta_total");
        // A delta series: every sample starts where the previous one ended, each adds 60.
        for (int i = 2; i <= 8; i++) {
            store.append(l, i * 60_000L, 60, (i - 1) * 60_000L);
        }
        String q = "increase(delta_total[5m])";
        double without = ((QueryResult.Vector) new PromqlEngine(store).instantQuery(q, 480_000).result()).values()[0];
        double with = ((QueryResult.Vector) new PromqlEngine(store,
                PromqlFeatures.DEFAULTS.with(PromqlFeature.USE_START_TIMESTAMPS)).instantQuery(q, 480_000).result())
                .values()[0];
        assertThat(without).isZero();
        assertThat(with).isEqualTo(300);
    }

    @Test
    void delayedNameRemovalChangesWhatSumByNameReturns() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        for (int i = 0; i <= 10; i++) {
            store.append(Labels.of("__name__", "metric_total", "env", "1"), i * 60_000L, i * 60);
            store.append(Labels.of("__name__", "another_metric_total", "env", "1"), i * 60_000L, 60 + i * 60);
        }
        PromqlEngine eager = new PromqlEngine(store);
        PromqlEngine delayed = new PromqlEngine(store, PromqlFeatures.DEFAULTS.with(PromqlFeature.DELAYED_NAME_REMOVAL));
        // Without the feature rate() drops both names at once and the two results collide.
        String byEnv = "sum by (env) (rate({env=\"1\"}[10m]))";
        assertThatThrownBy(() -> eager.instantQuery(byEnv, 600_000)).isInstanceOf(QueryException.class)
                .hasMessage("vector cannot contain metrics with the same labelset");
        QueryResult.Vector summed = (QueryResult.Vector) delayed.instantQuery(byEnv, 600_000).result();
        assertThat(summed.labels()).containsExactly(Labels.of("env", "1"));
        assertThat(summed.values()[0]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        // Grouped by the names not yet removed, then both groups lose them: Prometheus's documented side effect.
        assertThatThrownBy(() -> delayed.instantQuery("sum by (__name__) (rate({env=\"1\"}[10m]))", 600_000))
                .isInstanceOf(QueryException.class).hasMessage("vector cannot contain metrics with the same labelset");
        String relabel = "label_replace(sum by (__name__) (rate(metric_total[10m])), \"__name__\", \"$1\", "
                + "\"__name__\", \"(.+)\")";
        assertThat(((QueryResult.Vector) delayed.instantQuery(relabel, 600_000).result()).labels())
                .containsExactly(Labels.of("__name__", "metric_total"));
        assertThat(((QueryResult.Vector) eager.instantQuery(relabel, 600_000).result()).labels())
                .containsExactly(Labels.EMPTY);
    }

    @Test
    void theInMemoryStoreKeepsStartTimestampsWithTheirSamplesWhenSorting() {
        InMemorySeriesReader store = new InMemorySeriesReader();
        Labels l = Labels.of("__name__", "c");
        store.append(l, 2000, 2, 1500);
        store.append(l, 1000, 1, 500);
        store.append(l, 3000, 3);
        var d = store.select(List.of(), 0, 10_000).get(0);
        assertThat(d.timestamps()).containsExactly(1000, 2000, 3000);
        assertThat(d.startTimestamps()).containsExactly(500, 1500, 0);
    }
}
