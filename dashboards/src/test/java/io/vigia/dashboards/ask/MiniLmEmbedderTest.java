package io.vigia.dashboards.ask;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbedderTest {

    @Test
    void placesParaphrasesCloserThanUnrelatedTextsWithItsNativeLibrariesInTheCacheNotTmp() {
        MiniLmEmbedder e = new MiniLmEmbedder();
        assertThat(e.isLoaded()).as("nothing loads before the first question").isFalse();
        float[] q = e.embed("how long do requests to the payment service take");
        float[] latency = e.embed(Stat.P95.describe());
        float[] copilot = e.embed(Stat.ACCEPTANCE_RATE.describe());
        assertThat(e.isLoaded()).isTrue();
        assertThat(q).hasSize(384);
        assertThat(SentenceEmbedder.cosine(q, latency)).isGreaterThan(SentenceEmbedder.cosine(q, copilot));

        Path ort = Path.of(System.getProperty(NativeLibraries.ORT_PATH));
        assertThat(ort).startsWith(NativeLibraries.cacheDir());
        assertThat(ort.resolve(System.mapLibraryName("onnxruntime4j_jni"))).exists();
        assertThat(ort.toString()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
        assertThat(System.getProperty(NativeLibraries.DJL_OFFLINE)).isEqualTo("true");
        assertThat(Files.exists(Path.of(System.getProperty(NativeLibraries.DJL_CACHE)))).isTrue();
    }
}
