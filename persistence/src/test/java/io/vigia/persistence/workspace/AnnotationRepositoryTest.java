package io.vigia.persistence.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotationRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void annotationsAreFoundByDashboardAndTimeAcrossAReopen() {
        Path file = dir.resolve("ws.vigia");
        long deployId;
        try (Workspace ws = Workspace.open(file)) {
            AnnotationRepository a = new AnnotationRepository(ws);
            deployId = a.add("latency", 1_000, null, "deploy payments 1.1.0", "[\"deploy\"]", "manual");
            a.add(null, 5_000, 9_000L, "incident <b>INC-7</b>", "[]", "manual");
            a.add("other", 2_000, null, "not here", "[]", "manual");
        }
        try (Workspace ws = Workspace.open(file)) {
            AnnotationRepository a = new AnnotationRepository(ws);
            assertThat(a.between("latency", 0, 10_000)).extracting(AnnotationRepository.Annotation::text)
                    .containsExactly("deploy payments 1.1.0", "incident <b>INC-7</b>");
            assertThat(a.between("latency", 8_000, 8_500)).singleElement()
                    .satisfies(x -> assertThat(x.endMs()).isEqualTo(9_000L));
            assertThat(a.delete(deployId)).isTrue();
            assertThat(a.between("latency", 0, 4_000)).isEmpty();
        }
    }
}
