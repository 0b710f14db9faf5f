package io.vigia.datasources.sarif;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SarifParserTest {

    private static SarifLog parse(String json) {
        return SarifParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({"10.0,CRITICAL", "9.0,CRITICAL", "8.9,HIGH", "7.0,HIGH", "6.9,MEDIUM", "4.0,MEDIUM", "3.9,LOW", "0.0,LOW"})
    void githubSeverityBands(double score, SecuritySeverity band) {
        assertThat(SecuritySeverity.of(score)).isEqualTo(band);
    }

    @Test
    void scoresOutsideTheScaleHaveNoBand() {
        assertThat(SecuritySeverity.of(10.5)).isNull();
        assertThat(SecuritySeverity.of(-1)).isNull();
        assertThat(SecuritySeverity.of(Double.NaN)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "external/cwe/cwe-079|CWE-79",
            "external/cwe/cwe-20|CWE-20",
            "CWE-89: Improper Neutralization of Special Elements used in an SQL Command|CWE-89",
            "cwe-1333|CWE-1333",
            "CWE_022|CWE-22"})
    void cweTags(String tag, String cwe) {
        assertThat(CweTags.normalize(tag)).isEqualTo(cwe);
    }

    @ParameterizedTest
    @CsvSource({"security", "external/owasp/a03", "newcwe-79", "correctness"})
    void tagsThatNameNoCwe(String tag) {
        assertThat(CweTags.normalize(tag)).isNull();
    }

    @Test
    void levelDefaultsFollowTheSpec() {
        SarifLog log = parse("""
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[
                  {"id":"R1","defaultConfiguration":{"level":"note"},"properties":{"security-severity":"7.5","tags":["CWE-22"]}},
                  {"id":"R2"}]}},
                 "results":[
                  {"ruleId":"R1","message":{"text":"a"}},
                  {"ruleIndex":1,"message":{"text":"b"}},
                  {"ruleId":"R2","kind":"pass","message":{"text":"c"}},
                  {"ruleId":"R2","level":"error","message":{"text":"d"},"properties":{"security-severity":9.5}},
                  {"ruleId":"unknown","message":{"text":"e"}}]}]}
                """);
        assertThat(log.runs().getFirst().results())
                .extracting(SarifResult::ruleId, SarifResult::level, SarifResult::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R1", SarifLevel.NOTE, SecuritySeverity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("R2", SarifLevel.WARNING, null),
                        org.assertj.core.groups.Tuple.tuple("R2", SarifLevel.NONE, null),
                        org.assertj.core.groups.Tuple.tuple("R2", SarifLevel.ERROR, SecuritySeverity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("unknown", SarifLevel.WARNING, null));
        assertThat(log.runs().getFirst().results().getFirst().cwes()).containsExactly("CWE-22");
    }

    @Test
    void aBomIsSkipped() {
        byte[] body = "{\"version\":\"2.1.0\",\"runs\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(SarifParser.parse(new ByteArrayInputStream(withBom)).runs()).isEmpty();
    }

    @Test
    void rejectsWhatIsNotASarif2Log() {
        assertThatThrownBy(() -> parse("{\"version\":\"1.0.0\",\"runs\":[]}")).isInstanceOf(SarifFormatException.class)
                .hasMessageContaining("SARIF 1.0.0 is not supported");
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(SarifFormatException.class)
                .hasMessage("not a SARIF log: expected a JSON object at the top, found an array");
        assertThatThrownBy(() -> parse("{\"version\":\"2.1.0\",\"runs\":{}}")).isInstanceOf(SarifFormatException.class)
                .hasMessage("not a SARIF log: `runs` must be an array, found an object");
        assertThatThrownBy(() -> parse("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[1]}]}")).isInstanceOf(SarifFormatException.class)
                .hasMessage("run 1, result 1: expected an object, found a number");
        assertThatThrownBy(() -> parse("{\"version\":\"2.1.0\",\"runs\":[]} {}")).isInstanceOf(SarifFormatException.class)
                .hasMessageContaining("more JSON follows");
        assertThatThrownBy(() -> parse("   ")).isInstanceOf(SarifFormatException.class).hasMessageContaining("empty file");
    }
}
