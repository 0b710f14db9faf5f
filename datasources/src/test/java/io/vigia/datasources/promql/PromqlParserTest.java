package io.vigia.datasources.promql;

import io.vigia.datasources.promql.ast.BinaryOp;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.parser.ParseException;
import io.vigia.datasources.promql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromqlParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1+|1:3: parse error: unexpected end of input",
        "*1|1:1: parse error: unexpected <op:*>",
        "(1))|1:5: parse error: unexpected right parenthesis ')'",
        "((1)|1:5: parse error: unclosed left parenthesis",
        "1 == 1|1:3: parse error: comparisons between scalars must use BOOL modifier",
        "1 and 1|1:1: parse error: set operator \"and\" not allowed in binary scalar expression",
        "1 offset 1d|1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
        "foo offset 1s offset 2s|1:1: parse error: offset may not be set multiple times",
        "foo[5mm]|1:5: parse error: bad number or duration syntax: \"5mm\"",
        "foo[5m1h]|1:5: parse error: not a valid duration string: \"5m1h\"",
        "foo[0m]|1:5: parse error: duration must be greater than 0",
        "some_metric OFFSET 1m[5m]|1:22: parse error: no offset modifiers allowed before range",
        "(foo + bar)[5m]|1:12: parse error: ranges only allowed for vector selectors",
        "foo{1}|1:5: parse error: unexpected character inside braces: '1'",
        "foo{__name__ == \"bar\"}|1:15: parse error: unexpected \"=\" in label matching, expected string",
        "{}|1:1: parse error: vector selector must contain at least one non-empty matcher",
        "foo{__name__=\"bar\"}|1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"",
        "sum () by (test)|1:1: parse error: no arguments for aggregate expression provided",
        "topk(some_metric)|1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1",
        "topk(some_metric,)|1:17: parse error: trailing commas not allowed in function call args",
        "rate(some_metric)|1:6: parse error: expected type range vector in call to function \"rate\", got instant vector",
        "abs(1, 2)|1:1: parse error: expected 1 argument(s) in call to \"abs\", got 2",
        "nosuchfn(x)|1:1: parse error: unknown function with name \"nosuchfn\"",
        "\"\\c\"|1:1: parse error: unknown escape sequence U+0063 'c'",
        "sum(x) by test|1:11: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\"",
    })
    void rejectsWithPrometheusMessageAndPosition(String query, String message) {
        assertThatThrownBy(() -> Parser.parse(query))
                .isInstanceOf(ParseException.class)
                .hasMessage(message);
    }

    @Test
    void positionsCountLinesAndColumns() {
        assertThatThrownBy(() -> Parser.parse("foo and\nbar +"))
                .hasMessage("2:6: parse error: unexpected end of input");
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        Expr e = Parser.parse("-2 ^ 3 ^ 2");
        assertThat(e).isInstanceOf(Expr.Unary.class);
        Expr.Binary pow = (Expr.Binary) ((Expr.Unary) e).expr();
        assertThat(pow.op()).isEqualTo(BinaryOp.POW);
        assertThat(pow.rhs()).isInstanceOf(Expr.Binary.class);
    }

    @Test
    void parsesNumberForms() {
        assertThat(((Expr.NumberLiteral) Parser.parse("0x1f")).value()).isEqualTo(31);
        assertThat(((Expr.NumberLiteral) Parser.parse("-Inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((Expr.NumberLiteral) Parser.parse("NaN")).value()).isNaN();
        assertThat(((Expr.NumberLiteral) Parser.parse("1m30s")).value()).isEqualTo(90);
        assertThat(((Expr.NumberLiteral) Parser.parse("0755")).value()).isEqualTo(493);
    }

    @Test
    void parsesSelectorsWithModifiers() {
        Expr.Call c = (Expr.Call) Parser.parse("rate({\"metric.name\", job=~'a|b'}[5m] offset -1m @ end())");
        Expr.MatrixSelector ms = (Expr.MatrixSelector) c.args().get(0);
        assertThat(ms.rangeMs()).isEqualTo(300_000);
        assertThat(ms.selector().name()).isEqualTo("metric.name");
        assertThat(ms.selector().offsetMs()).isEqualTo(-60_000);
        assertThat(ms.selector().atMode()).isEqualTo(Expr.AtMode.END);
        assertThat(ms.selector().matchers()).hasSize(2);
    }

    @Test
    void parsesAggregationsWithGroupingBeforeOrAfter() {
        Expr.Aggregate a = (Expr.Aggregate) Parser.parse("sum without (a, b) (x)");
        Expr.Aggregate b = (Expr.Aggregate) Parser.parse("topk(3, x) by (job)");
        assertThat(a.without()).isTrue();
        assertThat(a.grouping()).containsExactly("a", "b");
        assertThat(b.grouping()).containsExactly("job");
        assertThat(((Expr.NumberLiteral) b.param()).value()).isEqualTo(3);
    }

    @Test
    void parsesVectorMatching() {
        Expr.Binary b = (Expr.Binary) Parser.parse("a * on (x) group_left (y) b");
        assertThat(b.matching().on()).isTrue();
        assertThat(b.matching().card()).isEqualTo(Expr.Cardinality.MANY_TO_ONE);
        assertThat(b.matching().include()).containsExactly("y");
        assertThatThrownBy(() -> Parser.parse("a and on(x) group_left b"))
                .hasMessageContaining("no grouping allowed for \"and\" operation");
    }

    @Test
    void decodesStringEscapes() {
        assertThat(((Expr.StringLiteral) Parser.parse("\"a\\tb\\u00e9\\x41\"")).value()).isEqualTo("a\tbéA");
        assertThat(((Expr.StringLiteral) Parser.parse("`raw\\n`")).value()).isEqualTo("raw\\n");
        assertThat(((Expr.StringLiteral) Parser.parse("'it\\'s'")).value()).isEqualTo("it's");
    }

    @Test
    void keepsInvalidUtf8BytesAndQuotesThemLikeGo() {
        String v = ((Expr.StringLiteral) Parser.parse("\"a\\xc5z\"")).value();
        assertThat(io.vigia.datasources.promql.parser.GoStrings.isValidUtf8(v)).isFalse();
        assertThat(io.vigia.datasources.promql.parser.GoStrings.quote(v)).isEqualTo("\"a\\xc5z\"");
        String ok = ((Expr.StringLiteral) Parser.parse("\"\\xc3\\xa9\"")).value();
        assertThat(ok).isEqualTo("é");
    }

    @Test
    void printsCanonicalPromqlThatParsesBackToTheSameTree() {
        String q = "sum by (job) (rate(foo{b=\"2\",a=~\"x.*\"}[5m] offset -1m @ 100)) / on (job) group_left (x) "
                + "-bar > bool 0.5 or topk(3, {\"my.metric\"}[10m:30s] @ end()) and label_replace(b, \"d\", \"$1\", \"s\", \"(.*)\")";
        Expr e = Parser.parse(q.replace("topk(3, {\"my.metric\"}[10m:30s] @ end())", "max_over_time({\"my.metric\"}[10m:30s] @ end())"));
        String printed = io.vigia.datasources.promql.parser.Printer.format(e);
        assertThat(printed).contains("rate(foo{a=~\"x.*\",b=\"2\"}[5m] @ 100.000 offset -1m)")
                .contains("/ on (job) group_left (x) -bar > bool 0.5");
        assertThat(io.vigia.datasources.promql.parser.Printer.format(Parser.parse(printed))).isEqualTo(printed);
    }

    @Test
    void subqueryOnlyOnInstantVectors() {
        assertThatThrownBy(() -> Parser.parse("foo[5m][10m:1m]"))
                .hasMessage("1:1: parse error: subquery is only allowed on instant vector, got matrix instead");
        Expr.Subquery sq = (Expr.Subquery) Parser.parse("rate(foo[1m])[10m:30s] offset 1m");
        assertThat(sq.stepMs()).isEqualTo(30_000);
        assertThat(sq.offsetMs()).isEqualTo(60_000);
    }
}
