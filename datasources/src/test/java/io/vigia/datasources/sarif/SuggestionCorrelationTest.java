package io.vigia.datasources.sarif;

import io.vigia.datasources.sarif.SuggestionCorrelation.AcceptedSuggestion;
import io.vigia.datasources.sarif.SuggestionCorrelation.Attribution;
import io.vigia.datasources.sarif.SuggestionCorrelation.Finding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SuggestionCorrelationTest {
    private static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");
    private static final String REPO = "https://github.com/acme/payments";

    private static AcceptedSuggestion suggestion(String path, int start, int end, Instant at) {
        return new AcceptedSuggestion(REPO, path, start, end, at, "payments-core", "python", "gpt-5-codex");
    }

    private static Finding finding(String repo, String uri, int start, int end, Instant at) {
        return new Finding(repo, uri, start, end, at, "py/sql-injection", SecuritySeverity.HIGH, List.of("CWE-89"));
    }

    @Test
    void sameFileOverlappingLinesWithinTheWindow() {
        AcceptedSuggestion s = suggestion("src/db.py", 10, 20);
        Finding inside = finding(REPO, "src/db.py", 18, 25, T0.plus(Duration.ofDays(1)));
        List<Attribution> a = SuggestionCorrelation.attribute(List.of(inside), List.of(s));
        assertThat(a).containsExactly(new Attribution(inside, s));
    }

    private static AcceptedSuggestion suggestion(String path, int start, int end) {
        return suggestion(path, start, end, T0);
    }

    @Test
    void nearMissesAreNotAttributed() {
        AcceptedSuggestion s = suggestion("src/db.py", 10, 20);
        List<Finding> misses = List.of(
                finding(REPO, "src/db.py", 21, 30, T0.plusSeconds(60)),                         // lines just after
                finding(REPO, "src/db.py", 1, 9, T0.plusSeconds(60)),                           // lines just before
                finding(REPO, "src/other.py", 12, 12, T0.plusSeconds(60)),                      // another file
                finding("https://github.com/acme/web", "src/db.py", 12, 12, T0.plusSeconds(60)), // another repository
                finding(REPO, "src/db.py", 12, 12, T0.minusSeconds(1)),                         // before the acceptance
                finding(REPO, "src/db.py", 12, 12, T0.plus(Duration.ofDays(7)).plusSeconds(1)), // after the window
                finding(REPO, "src/db.py", 0, 0, T0.plusSeconds(60)),                           // no lines
                finding(REPO, "db.py", 12, 12, T0.plusSeconds(60)));                            // relative, not the same path
        assertThat(SuggestionCorrelation.attribute(misses, List.of(s))).isEmpty();
    }

    @Test
    void theWindowEdgesCountAndTheWindowIsAParameter() {
        AcceptedSuggestion s = suggestion("src/db.py", 10, 20);
        Finding atAcceptance = finding(REPO, "src/db.py", 10, 10, T0);
        Finding atEnd = finding(REPO, "src/db.py", 20, 20, T0.plus(Duration.ofDays(7)));
        assertThat(SuggestionCorrelation.attribute(List.of(atAcceptance, atEnd), List.of(s))).hasSize(2);
        assertThat(SuggestionCorrelation.attribute(List.of(atEnd), List.of(s), Duration.ofDays(1))).isEmpty();
    }

    @Test
    void repositoryAndPathSpellingsAreNormalized() {
        AcceptedSuggestion s = suggestion("src/my db.py", 10, 20);
        Finding f = finding("git@github.com:ACME/payments.git", "file:///home/runner/work/payments/src/my%20db.py", 15, 15,
                T0.plusSeconds(3600));
        assertThat(SuggestionCorrelation.attribute(List.of(f), List.of(s))).hasSize(1);
        assertThat(SuggestionCorrelation.repositoryKey("https://github.com/acme/payments/")).isEqualTo("github.com/acme/payments");
        assertThat(SuggestionCorrelation.repositoryKey("github.com/Acme/Payments.git")).isEqualTo("github.com/acme/payments");
        assertThat(SuggestionCorrelation.repositoryKey("Acme/payments")).as("GitHub's owner/name short form")
                .isEqualTo("github.com/acme/payments");
        assertThat(SuggestionCorrelation.repositoryKey("gitlab.example.com/acme/payments")).isEqualTo("gitlab.example.com/acme/payments");
    }

    @Test
    void aFindingGoesToTheLatestQualifyingSuggestionOnly() {
        AcceptedSuggestion older = suggestion("src/db.py", 1, 50, T0);
        AcceptedSuggestion newer = suggestion("src/db.py", 30, 35, T0.plus(Duration.ofDays(2)));
        AcceptedSuggestion afterDetection = suggestion("src/db.py", 30, 35, T0.plus(Duration.ofDays(5)));
        Finding f = finding(REPO, "src/db.py", 32, 33, T0.plus(Duration.ofDays(3)));
        assertThat(SuggestionCorrelation.attribute(List.of(f), List.of(older, newer, afterDetection)))
                .extracting(Attribution::suggestion).containsExactly(newer);
    }

    @Test
    void estimatedShareWhereOnlyAggregatesExist() {
        assertThat(SuggestionCorrelation.estimateAttributed(10, 300, 1000)).isCloseTo(3.0, within(1e-12));
        assertThat(SuggestionCorrelation.estimateAttributed(4, 2000, 1000)).isCloseTo(4.0, within(1e-12));
        assertThat(SuggestionCorrelation.estimateAttributed(4, 10, 0)).isZero();
        assertThatThrownBy(() -> SuggestionCorrelation.estimateAttributed(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
