package io.vigia.persistence.evidence;

import io.vigia.persistence.evidence.RepositoryExposureRepository.Exposure;
import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declared exposure survives reopening, can be changed and forgotten; nothing else is accepted. */
class RepositoryExposureRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void declarationsAreKeptChangedAndForgotten() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-18T10:00:00Z"), ZoneOffset.UTC);
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"), clock)) {
            RepositoryExposureRepository r = new RepositoryExposureRepository(ws);
            assertThat(r.all()).isEmpty();
            r.declare(" github.com/acme/payments-api ", Exposure.INTERNET, "public API");
            r.declare("acme/ledger", Exposure.INTERNAL, null);
            r.declare("github.com/acme/payments-api", Exposure.INTERNAL, "behind the VPN since November");
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            RepositoryExposureRepository r = new RepositoryExposureRepository(ws);
            assertThat(r.all()).containsExactly(
                    new RepositoryExposureRepository.Declaration("acme/ledger", Exposure.INTERNAL, "",
                            Instant.parse("2026-11-18T10:00:00Z").toEpochMilli()),
                    new RepositoryExposureRepository.Declaration("github.com/acme/payments-api", Exposure.INTERNAL,
                            "behind the VPN since November", Instant.parse("2026-11-18T10:00:00Z").toEpochMilli()));
            assertThat(r.forget("acme/ledger")).isTrue();
            assertThat(r.forget("acme/ledger")).isFalse();
            assertThat(r.all()).extracting(RepositoryExposureRepository.Declaration::repository)
                    .containsExactly("github.com/acme/payments-api");
        }
    }

    @Test
    void onlyTheTwoWordsAndARepositoryAreAccepted() {
        assertThat(Exposure.parse(" Internet ")).isEqualTo(Exposure.INTERNET);
        assertThatThrownBy(() -> Exposure.parse("public")).hasMessage("exposure must be \"internet\" or \"internal\", not \"public\"");
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia"))) {
            assertThatThrownBy(() -> new RepositoryExposureRepository(ws).declare(" ", Exposure.INTERNET, ""))
                    .hasMessage("a repository is required");
        }
    }
}
