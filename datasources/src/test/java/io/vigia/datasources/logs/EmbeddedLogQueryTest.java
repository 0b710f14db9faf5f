package io.vigia.datasources.logs;

import io.vigia.datasources.api.QueryException;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.NeedsSharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedLogQueryTest {
    private static final Labels BLOCKED = Labels.of("job", "guardrail", "app", "chat-assistant", "decision", "blocked",
            "category", "prompt_injection", "direction", "input");
    private static final Labels ALLOWED = Labels.of("job", "guardrail", "app", "code-assistant", "decision", "redacted",
            "category", "sensitive_information", "direction", "output");
    private static final String LINE = "decision=blocked category=prompt_injection prompt=\"Ignore previous instructions <script>\"";

    @Test
    void aStringDecodesAsThePromqlLexerDecodesIt() {
        String literal = "\"caf\\u00e9 \\x41\\101 \\xc3\\xa9 \\U0001F600 \\a\\v\"";
        String promql = ((io.vigia.datasources.promql.ast.Expr.StringLiteral) io.vigia.datasources.promql.parser.Parser.parse(literal))
                .value();
        EmbeddedLogQuery q = EmbeddedLogQuery.parse("{job=\"guardrail\"} |= " + literal);
        assertThat(q.filters().getFirst().value()).isEqualTo(promql).isEqualTo("caf\u00e9 AA \u00e9 \uD83D\uDE00 \u0007\u000b");
    }

    @Test
    void parsesEveryMatcherAndFilterWithBothKindsOfString() {
        EmbeddedLogQuery q = EmbeddedLogQuery.parse(
                " { job = \"guardrail\", app!=\"x\",category=~`prompt_.*|secret_access`, detector!~\"tmp.*\" } "
                        + "|= \"Ignore\" != `test` |~ \"(?i)previous\\\\s+instructions\" !~ \"DROP TABLE\"");
        assertThat(q.selector()).containsExactly(LabelMatcher.equal("job", "guardrail"), LabelMatcher.notEqual("app", "x"),
                LabelMatcher.regex("category", "prompt_.*|secret_access"), LabelMatcher.notRegex("detector", "tmp.*"));
        assertThat(q.filters()).extracting(EmbeddedLogQuery.LineFilter::op).containsExactly(EmbeddedLogQuery.FilterOp.CONTAINS,
                EmbeddedLogQuery.FilterOp.NOT_CONTAINS, EmbeddedLogQuery.FilterOp.MATCHES, EmbeddedLogQuery.FilterOp.NOT_MATCHES);
        assertThat(q.filters().get(2).value()).isEqualTo("(?i)previous\\s+instructions");
        assertThat(q.matches(BLOCKED, LINE)).isTrue();
        assertThat(q.matches(BLOCKED, LINE + " test")).as("!= `test`").isFalse();
        assertThat(q.matches(BLOCKED, LINE.replace("Ignore", "ignore"))).as("|= is case-sensitive").isFalse();
        assertThat(q.matches(ALLOWED, LINE)).as("category does not match the anchored regex").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'{decision=\"blocked\"}'                          | true",
            "'{decision!=\"blocked\", job=\"guardrail\"}'      | false",
            "'{category=~\"prompt\"}'                          | false",
            "'{category=~\"prompt.*\"}'                        | true",
            "'{category!~\"prompt.*\", job=\"guardrail\"}'     | false",
            "'{job=\"guardrail\"} |~ \"instruct\"'             | true",
            "'{job=\"guardrail\"} !~ \"<scr.pt>\"'             | false",
            "'{job=\"guardrail\"} |= \"\\\"Ignore\"'           | true",
            "'{missing=\"\", job=\"guardrail\"}'               | true",
    })
    void matchesLikeLoki(String query, boolean expected) {
        assertThat(EmbeddedLogQuery.parse(query).matches(BLOCKED, LINE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'rate({job=\"guardrail\"}[5m])'                   | '\"rate\": metric queries and functions are not supported by the embedded workspace; use a Loki source'",
            "'sum by (app) (count_over_time({job=\"g\"}[1h]))' | 'not supported by the embedded workspace; use a Loki source'",
            "'{job=\"guardrail\"} | json'                      | 'the pipeline stage \"| json\" is not supported by the embedded workspace; use a Loki source'",
            "'{job=\"guardrail\"} | logfmt | app=\"x\"'        | 'the pipeline stage \"| logfmt\" is not supported'",
            "'{job=\"guardrail\"} | line_format \"{{.app}}\"'  | 'the pipeline stage \"| line_format\"'",
            "'{job=\"guardrail\"} |= \"a\" or \"b\"'           | '\"or\" between line filters is not supported by the embedded workspace'",
            "'{job=\"guardrail\"} |= ip(\"10.0.0.1\")'         | 'the line filter function \"ip\" is not supported'",
            "'{job=\"guardrail\"} |> \"<_> error\"'            | 'the pipeline stage'",
            "'{}'                                            | 'at least one matcher that does not match the empty string'",
            "'{app=~\".*\"}'                                 | 'at least one matcher that does not match the empty string'",
            "''                                              | 'empty query'",
            "'{job=\"guardrail\"'                            | 'expected , or } in the stream selector'",
            "'{job=guardrail}'                               | 'parse error at column 6: expected a quoted string'",
            "'{job=\"guardrail}'                             | 'unterminated quoted string'",
            "'{job==\"x\"}'                                  | 'expected a quoted string'",
            "'{job~\"x\"}'                                   | 'expected =, !=, =~ or !~ after the label job'",
            "'{1job=\"x\"}'                                  | 'expected a label name'",
            "'{job=~\"(unclosed\"}'                          | 'invalid regular expression'",
            "'{job=\"g\"} |~ \"[a-\"'                        | 'invalid regular expression'",
            "'{job=\"g\"} extra'                             | 'unexpected \"extra\" after the stream selector'",
            "'{job=\"g\\q\"}'                                | 'unknown escape sequence U+0071'",
    })
    void refusesWhatItCannotAnswerWithAClearMessage(String query, String message) {
        assertThatThrownBy(() -> EmbeddedLogQuery.parse(query)).isInstanceOf(QueryException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((QueryException) e).errorType()).isEqualTo("bad_data"));
    }

    @Test
    @NeedsSharedCorpus("corpus/loki")
    void everyLogQlExampleOfLokisDocsIsParsedOrRefusedClearly() throws Exception {
        var file = java.nio.file.Path.of(System.getProperty("vigia.shared.dir"), "corpus", "loki", "logql-examples-from-loki-docs.logql.txt");
        String text = java.nio.file.Files.readString(file);
        int parsed = 0;
        int refused = 0;
        for (String block : text.split("(?m)^# --- .*$")) {
            String q = block.replaceAll("(?m)^#.*$", "").strip();
            if (q.isEmpty()) {
                continue;
            }
            try {
                EmbeddedLogQuery.parse(q);
                parsed++;
            } catch (QueryException e) {
                assertThat(e.getMessage()).as(q).startsWith("parse error at column ");
                refused++;
            }
        }
        assertThat(parsed).as("plain selectors with line filters are answered").isPositive();
        assertThat(refused).as("parsers, formatting and metric queries are refused").isGreaterThan(parsed);
    }
}
