package io.vigia.datasources.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            application/openmetrics-text; version=1.0.0; charset=utf-8 | application/openmetrics-text
            Application/OpenMetrics-Text;version=1.0.0                  | application/openmetrics-text
            text/plain; version=0.0.4;                                  | text/plain
            text/plain; charset="utf-8"                                 | text/plain
            text/plain                                                  | text/plain
            application/openmetrics-text; version                      | null
            application/openmetrics-text; version=1; version=2          | null
            application/openmetrics-text; charset="utf-8                | null
            application/                                                | null
            /plain                                                      | null
            """)
    void readsTheMediaTypeAsGosMimeParserDoes(String header, String expected) {
        assertThat(ContentTypes.mediaType(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/openmetrics-text; version=1.0.0 | OPENMETRICS
            application/openmetrics-text; version       | PROMETHEUS_TEXT
            text/plain; version=0.0.4                   | PROMETHEUS_TEXT
            application/json                            | PROMETHEUS_TEXT
            """)
    void picksTheParserAsPrometheusDoes(String header, ExpositionFormat expected) {
        assertThat(ExpositionFormat.fromContentType(header)).isEqualTo(expected);
        assertThat(ExpositionFormat.fromContentType(null)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    }
}
